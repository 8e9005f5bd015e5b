"""The guided form: who may use it, nothing typed is lost, files are checked and private, HTML is sanitised."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.test.utils import override_settings

from content.topics.models import Topic
from members.models import LocalAuthority
from submissions.models import CaseStudySubmission, SubmissionSettings
from tests.helpers import soup, text_of
from tests.members.conftest import make_member
from tests.submissions.submission_helpers import (
    SUBMIT,
    client_for,
    council_officer,
    fill_steps,
    moderator_user,
    pdf_bytes,
    png_bytes,
    rows,
    step_data,
    upload,
)
from tests.submissions.test_uploads import EXE

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


def _data():
    authority = LocalAuthority.objects.get(gss_code="E08000035")
    return step_data(authority.pk, list(Topic.objects.order_by("pk").values_list("pk", flat=True)[:2]))


def _new_draft(client: Client) -> int:
    response = client.post(SUBMIT, _data()["authority"])
    assert response.status_code == 302
    return int(response["Location"].strip("/").split("/")[-2])


# --- Who may submit ---------------------------------------------------------------------------------------


def test_anonymous_readers_are_sent_to_sign_in_and_back():
    response = Client(HTTP_HOST="localhost").get(SUBMIT)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/case-studies/submit/"


def test_members_outside_the_allowed_tiers_are_told_who_can_submit_and_how(member, officer):
    response = client_for(member).get(SUBMIT)
    assert response.status_code == 403
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Who can share case studies"
    assert html.find("a", href="/members/local-government-access/?next=/case-studies/submit/") is not None
    assert client_for(member).post(SUBMIT, _data()["authority"]).status_code == 403
    assert not CaseStudySubmission.objects.exists()

    index = client_for(member).get("/case-studies/")
    assert "Share your case study" not in text_of(index)
    assert "Share your case study" in text_of(client_for(officer).get("/case-studies/"))


def test_editors_can_let_further_groups_submit(member):
    from wagtail.models import Site

    settings = SubmissionSettings.for_site(Site.objects.get(is_default_site=True))
    settings.further_groups.add(Group.objects.get(name="Members"))
    assert client_for(member).get(SUBMIT).status_code == 200


def test_the_form_starts_with_the_members_authority_and_the_member_as_first_contact(officer):
    response = client_for(officer).get(SUBMIT)
    assert response.status_code == 200
    html = soup(response)
    leeds = LocalAuthority.objects.get(gss_code="E08000035")
    assert html.find("select", id="id_local_authority").find("option", selected=True)["value"] == str(leeds.pk)
    assert html.find("input", id="id_contacts-0-name")["value"] == "Robin Officer"
    assert html.find("input", id="id_contacts-0-email")["value"] == officer.email
    assert html.find("nav", attrs={"aria-label": "Steps of your case study"}) is not None
    assert [legend.get_text(strip=True) for legend in html.find_all("legend")][:3] == [
        "Contacts",
        "Contact 1",
        "Contact 2",
    ]


def test_nobody_else_can_open_a_members_draft(officer):
    pk = _new_draft(client_for(officer))
    other = client_for(council_officer("someone@leeds.gov.uk"))
    assert other.get(f"{SUBMIT}{pk}/challenge/").status_code == 404
    assert other.get(f"{SUBMIT}{pk}/").status_code == 404


# --- Nothing is lost ---------------------------------------------------------------------------------------


def test_a_validation_error_keeps_every_field_as_typed(officer):
    client = client_for(officer)
    data = _data()["authority"] | rows(
        "contacts",
        [
            {"name": "Robin Officer", "role": "Lead", "email": "robin@leeds.gov.uk"},
            {"name": "Sam Second", "role": "Analyst", "email": "not-an-address"},
        ],
    )
    response = client.post(SUBMIT, data)
    assert response.status_code == 200  # the first step's POST makes the draft, then shows what to put right
    pk = CaseStudySubmission.objects.get(owner=officer).pk
    html = soup(response)
    assert html.find("form", attrs={"method": "post", "class": "form"})["action"] == f"{SUBMIT}{pk}/authority/"
    summary = html.find(attrs={"data-error-summary": True})
    assert summary is not None and summary["role"] == "alert"
    assert [a["href"] for a in summary.find_all("a")] == ["#id_contacts-1-email"]
    assert html.find("input", id="id_contacts-1-email")["value"] == "not-an-address"
    assert html.find("input", id="id_contacts-1-email")["aria-invalid"] == "true"
    assert html.find("input", id="id_contacts-1-name")["value"] == "Sam Second"
    assert html.find("input", id="id_contacts-1-role")["value"] == "Analyst"
    assert html.title.get_text().startswith("Error: ")
    # and the draft kept it too, for the next visit
    saved = CaseStudySubmission.objects.get(pk=pk).data["authority"]
    assert saved["contacts-1-email"] == ["not-an-address"]


def test_missing_title_keeps_the_summary_and_the_ticked_topics(officer):
    client = client_for(officer)
    pk = _new_draft(client)
    about = _data()["about"] | {"title": ""}
    response = client.post(f"{SUBMIT}{pk}/about/", about)
    assert response.status_code == 200
    html = soup(response)
    assert html.find("textarea", id="id_summary").get_text().lstrip("\n") == about["summary"]
    ticked = {box["value"] for box in html.find_all("input", attrs={"name": "topics", "checked": True})}
    assert ticked == set(about["topics"])
    assert [a["href"] for a in html.find(attrs={"data-error-summary": True}).find_all("a")] == ["#id_title"]


def test_adding_a_row_keeps_everything_and_adds_an_empty_row(officer):
    client = client_for(officer)
    pk = _new_draft(client)
    data = _data()["outcomes"] | {"action": "add-figures"}
    response = client.post(f"{SUBMIT}{pk}/outcomes/", data)
    assert response.status_code == 302 and "#id_figures-" in response["Location"]
    html = soup(client.get(f"{SUBMIT}{pk}/outcomes/"))
    assert html.find("textarea", id="id_outcomes").get_text().lstrip("\n") == data["outcomes"]
    assert html.find("input", id="id_figures-0-value")["value"] == "1,200"
    assert html.find("input", id="id_figures-1-value") is not None
    assert html.find(attrs={"data-error-summary": True}) is None


def test_session_expiry_keeps_the_typed_text_for_the_member_who_signs_in(officer):
    pk = _new_draft(client_for(officer))
    browser = Client(HTTP_HOST="localhost")  # the session has expired: nobody is signed in
    typed = "We had typed a long account of the challenge before the session ran out."
    response = browser.post(f"{SUBMIT}{pk}/challenge/", {"challenge": typed, "action": "next"})
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/case-studies/submit/{pk}/challenge/"
    signed_in = browser.post(response["Location"], {"login": officer.email, "password": PASSWORD}, follow=False)
    assert signed_in.status_code == 302 and signed_in["Location"] == f"/case-studies/submit/{pk}/challenge/"
    page = browser.get(signed_in["Location"])
    assert page.status_code == 200
    assert soup(page).find("textarea", id="id_challenge").get_text().lstrip("\n") == typed
    assert "We kept what you typed" in text_of(page)


def test_typed_text_is_never_shown_to_someone_else_who_signs_in(officer):
    pk = _new_draft(client_for(officer))
    browser = Client(HTTP_HOST="localhost")
    browser.post(f"{SUBMIT}{pk}/challenge/", {"challenge": "Private words", "action": "next"})
    intruder = council_officer("intruder@leeds.gov.uk")
    browser.post(f"/accounts/login/?next={SUBMIT}{pk}/challenge/", {"login": intruder.email, "password": PASSWORD})
    response = browser.get(f"{SUBMIT}{pk}/challenge/")
    assert response.status_code == 404 and b"Private words" not in response.content


def _typed_into_a_new_draft_after_expiry(browser: Client, typed: str) -> str:
    """A POST of the first step of a new case study from a browser whose session has expired."""
    response = browser.post(SUBMIT, {**_data()["authority"], "contacts-0-name": typed, "action": "next"})
    assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={SUBMIT}"
    return response["Location"]


def _sign_in(browser: Client, login_url: str, user) -> None:
    signed_in = browser.post(login_url, {"login": user.email, "password": PASSWORD})
    assert signed_in.status_code == 302, signed_in.content.decode()[:500]


def test_text_kept_for_a_new_draft_is_given_back_once(officer):
    browser = Client(HTTP_HOST="localhost")
    _sign_in(browser, _typed_into_a_new_draft_after_expiry(browser, "Kept Name"), officer)
    first = browser.get(SUBMIT)
    assert soup(first).find("input", id="id_contacts-0-name")["value"] == "Kept Name"
    again = browser.get(SUBMIT)
    assert b"Kept Name" not in again.content


def test_text_kept_for_a_new_draft_expires_after_two_hours(officer):
    from submissions.views import RECOVERY_KEY

    browser = Client(HTTP_HOST="localhost")
    login_url = _typed_into_a_new_draft_after_expiry(browser, "Stale Name")
    session = browser.session
    kept = session[RECOVERY_KEY]
    kept["kept_at"] -= 2 * 60 * 60 + 60
    session[RECOVERY_KEY] = kept
    session.save()
    _sign_in(browser, login_url, officer)
    response = browser.get(SUBMIT)
    assert b"Stale Name" not in response.content
    assert RECOVERY_KEY not in browser.session


def test_text_kept_for_a_new_draft_is_dropped_for_someone_without_submit_rights(member, officer):
    from submissions.views import RECOVERY_KEY

    browser = Client(HTTP_HOST="localhost")
    _sign_in(browser, _typed_into_a_new_draft_after_expiry(browser, "Private Name"), member)
    response = browser.get(SUBMIT)
    assert response.status_code == 403 and b"Private Name" not in response.content
    assert RECOVERY_KEY not in browser.session


# --- Attachments ---------------------------------------------------------------------------------------------


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
def test_refused_files_are_explained_and_the_rest_of_the_step_is_kept(officer):
    client = client_for(officer)
    pk = _new_draft(client)
    files = [
        upload("evaluation.pdf", pdf_bytes()),
        upload("report.exe", EXE),
        upload("renamed.pdf", EXE),
        upload("chart.pdf", png_bytes()),
        upload("huge.pdf", pdf_bytes("x" * 4000)),
    ]
    response = client.post(f"{SUBMIT}{pk}/attachments/", {"files": files, "action": "next"})
    assert response.status_code == 200
    text = text_of(response)
    assert "report.exe is not a PDF, Word document or image." in text
    assert "renamed.pdf is not a PDF, Word document or image." in text
    assert "chart.pdf is a PNG image, but its name ends in .pdf: rename it chart.png" in text
    assert "huge.pdf is 4 KB; the limit is 2 KB." in text
    summary = soup(response).find(attrs={"data-error-summary": True})
    assert len(summary.find_all("a", href="#id_files")) == 4
    submission = CaseStudySubmission.objects.get(pk=pk)
    assert [a.original_name for a in submission.attachments.all()] == ["evaluation.pdf"]
    assert "evaluation.pdf" in text  # listed as kept, with a Remove button
    # the rest of the draft is untouched
    assert submission.data["authority"]["contacts-0-name"] == ["Robin Officer"]


def test_a_file_can_be_removed(officer):
    client = client_for(officer)
    pk = _new_draft(client)
    client.post(f"{SUBMIT}{pk}/attachments/", {"files": [upload("a.pdf", pdf_bytes())], "action": "next"})
    attachment = CaseStudySubmission.objects.get(pk=pk).attachments.get()
    response = client.post(f"{SUBMIT}{pk}/attachments/", {"action": f"remove-{attachment.pk}"})
    assert response.status_code == 200
    assert not CaseStudySubmission.objects.get(pk=pk).attachments.exists()


def test_uploaded_files_reach_only_their_owner_and_the_editors(officer, member):
    client = client_for(officer)
    pk = fill_steps(client, _data(), [upload("evaluation.pdf", pdf_bytes("private words"))])
    attachment = CaseStudySubmission.objects.get(pk=pk).attachments.get()
    url = attachment.get_absolute_url()
    assert attachment.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT))

    response = client.get(url)
    assert response.status_code == 200
    assert b"private words" in b"".join(response.streaming_content)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))

    moderator = client_for(moderator_user())
    for outsider in (
        Client(HTTP_HOST="localhost"),
        client_for(member),
        client_for(make_member("x@leeds.gov.uk")),
        moderator,
    ):
        assert outsider.get(url).status_code == 404  # drafts: the owner only, answered like a missing file
    assert client.get(f"{SUBMIT}{pk}/attachments/{attachment.pk + 100}/").status_code == 404

    client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    assert moderator.get(url).status_code == 200  # now a page they may edit
    assert client_for(member).get(url).status_code == 404


# --- Hostile HTML --------------------------------------------------------------------------------------------

HOSTILE = (
    '<p onclick="steal()">Hello <strong onmouseover="steal()">there</strong></p>'
    "<script>steal()</script><img src=x onerror=steal()><style>body{}</style>"
    '<a href="javascript:steal()">click</a> <a href="https://example.org/" onfocus="steal()">safe</a>'
    "<iframe src=//evil.example></iframe><svg onload=steal()></svg>"
)
LESSONS = 'Plain text with <script>steal()</script> and "quotes" & ampersands, x<y and <jo@council.gov.uk>'


def _inert(html: str) -> None:
    """No element the member typed survives as markup: only p/br/ul/li, no attributes, no script."""
    parsed = BeautifulSoup(html, "html.parser")
    assert {tag.name for tag in parsed.find_all()} <= {"p", "br", "ul", "li"}, html[:500]
    assert all(not tag.attrs for tag in parsed.find_all()), html[:500]


def test_hostile_html_is_shown_as_the_text_typed_and_never_runs(officer, moderator):
    client = client_for(officer)
    data = _data()
    data["challenge"] = {"challenge": HOSTILE}
    data["lessons"] = {"lessons": LESSONS}
    pk = fill_steps(client, data)
    preview = client.get(f"{SUBMIT}{pk}/preview/")
    response = client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    assert response.status_code == 302
    page = CaseStudySubmission.objects.get(pk=pk).page.specific
    _inert(page.challenge)
    _inert(page.lessons)
    assert BeautifulSoup(page.challenge, "html.parser").get_text() == HOSTILE
    assert page.lessons == (
        '<p>Plain text with &lt;script&gt;steal()&lt;/script&gt; and "quotes" &amp; ampersands, '
        "x&lt;y and &lt;jo@council.gov.uk&gt;</p>"
    )

    # The preview (and the editor's preview in the admin) show the text; nothing typed became an element.
    admin_preview = client_for(moderator).get(f"/admin/pages/{page.pk}/edit/preview/")
    assert admin_preview.status_code == 200
    for response in (preview, admin_preview):
        html = soup(response)
        for tag in html.find_all(True):
            assert "steal()" not in (tag.string or "") or tag.name not in {"script", "style"}
            assert not any("steal()" in str(value) for value in tag.attrs.values()), tag
        assert not html.find("iframe") and not html.find("img", src="x")
        assert not html.find("a", href="javascript:steal()")
    assert LESSONS in soup(preview).get_text()
