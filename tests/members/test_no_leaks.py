"""A member-only case study never reaches anyone not allowed to read it, by any route.

For each kind of reader without access (anonymous, signed in but unverified, a member of the
wrong tier) every route is fetched and the restricted text is searched for in every response.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest
from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents import get_document_model

from content.case_studies.models import CaseStudyAttachment, CaseStudyIndexPage
from content.glossary.models import DefinitionPage
from content.topics.models import Topic
from members.auth_backends import AuthenticationBackend
from tests.factories import CaseStudyPageFactory
from tests.helpers import json_ld, soup
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db

SECRET = "Quokkaflux"  # one made-up word, so any match anywhere is a leak
TEASER_TITLE = "Teaser title of a guarded case study"


@pytest.fixture
def guarded():
    """A local-government-only case study whose every member-only field carries the secret."""
    term = DefinitionPage.objects.get(slug="community-wealth-building")
    topic = Topic.objects.get(slug="community-wealth-building")
    document = get_document_model()(
        title=f"{SECRET} attachment", file=ContentFile(b"%PDF-1.4 " + SECRET.encode(), name="guarded.pdf")
    )
    document.save()
    study = CaseStudyPageFactory(
        parent=CaseStudyIndexPage.objects.get(),
        title=TEASER_TITLE,
        summary="A public summary anyone may read.",
        audience="local_government",
        challenge=f'<p>{SECRET} challenge with <a linktype="page" id="{term.pk}">a term</a>.</p>',
        what_we_did=f"<p>{SECRET} what we did</p>",
        outcomes=f"<p>{SECRET} outcomes</p>",
        lessons=f"<p>{SECRET} lessons</p>",
        figures=[("figure", {"figure": "£9", "label": f"{SECRET} figure", "source": ""})],
        contacts=[("contact", {"name": f"{SECRET} Person", "role": "Officer", "email": "secret.person@example.org"})],
    )
    study.topics.add(topic)
    CaseStudyAttachment.objects.create(page=study, document=document, title=f"{SECRET} file")
    study.save_revision().publish()
    return study, document


def readers():
    anonymous = Client(HTTP_HOST="localhost")
    unverified = Client(HTTP_HOST="localhost")
    unverified.force_login(make_member("unverified@example.org", verified=False))
    wrong_tier = Client(HTTP_HOST="localhost")
    wrong_tier.force_login(make_member("member@example.org"))
    return {"anonymous": anonymous, "unverified": unverified, "member of the wrong tier": wrong_tier}


def routes(study, document) -> list[str]:
    return [
        "/",
        study.url,
        "/case-studies/",
        "/topics/community-wealth-building/",
        "/definitions/community-wealth-building/",
        f"/search/?q={SECRET}",
        f"/search/?q={SECRET}+challenge",
        "/search/?q=Teaser+title+guarded",
        "/feeds/papers/",
        "/feeds/blog/",
        "/sitemap.xml",
        "/robots.txt",
        document.url,
        f"/documents/{document.pk}/",
        f"/admin/pages/{study.pk}/view_draft/",
        f"/admin/pages/{study.pk}/edit/preview/",
        f"/admin/documents/edit/{document.pk}/",
        "/api/v2/pages/",
    ]


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize("reader", ["anonymous", "unverified", "member of the wrong tier"])
def test_restricted_text_appears_in_no_response(guarded, reader):
    study, document = guarded
    client = readers()[reader]
    for url in routes(study, document):
        response = client.get(url, follow=True)
        body = body_of(response).decode("utf-8", "replace")
        query = parse_qs(urlsplit(url).query).get("q", [""])[0]
        if query:
            # The search page repeats the reader's own words back, and Sign in or out the whole address.
            body = body.replace(query, "").replace(quote(url, safe="/"), "").replace(url, "")
            if SECRET in query:
                assert study.url not in body, f"{reader}: {url} finds the restricted page by its body"
        assert SECRET not in body, f"{reader}: {url} leaks the restricted text"


@pytest.mark.parametrize("reader", ["anonymous", "unverified", "member of the wrong tier"])
def test_teaser_is_all_they_see_and_it_is_never_cached(guarded, reader):
    study, _ = guarded
    response = readers()[reader].get(study.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.find("h1").get_text(strip=True) == TEASER_TITLE
    assert "A public summary anyone may read." in html.get_text()
    assert html.select_one(".lock-label"), "a visible lock"
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert "Cookie" in response["Vary"]
    (data,) = json_ld(response)
    assert SECRET not in str(data) and data["isAccessibleForFree"] is False


def test_listings_show_the_lock_not_the_body(guarded):
    study, _ = guarded
    for url in ("/case-studies/", "/topics/community-wealth-building/"):
        html = soup(Client(HTTP_HOST="localhost").get(url))
        card = next(card for card in html.select(".card--case-study") if TEASER_TITLE in card.get_text())
        assert "Local government members only" in card.get_text()


def test_restricted_document_answers_like_a_missing_one(guarded):
    _, document = guarded
    client = Client(HTTP_HOST="localhost")
    restricted = client.get(document.url)
    missing = client.get(f"/documents/{document.pk + 1000}/{document.filename}")
    assert restricted.status_code == missing.status_code == 404
    assert "Page not found" in restricted.content.decode() and "Page not found" in missing.content.decode()


def test_document_not_yet_on_any_live_page_is_not_public():
    document = get_document_model()(title="Fresh upload", file=ContentFile(b"%PDF-1.4 draft", name="fresh.pdf"))
    document.save()
    assert Client(HTTP_HOST="localhost").get(document.url).status_code == 404


def test_readers_with_access_get_everything_privately(guarded):
    study, document = guarded
    client = Client(HTTP_HOST="localhost")
    client.force_login(make_member("officer@leeds.gov.uk"))
    page = client.get(study.url)
    assert SECRET.encode() in page.content
    download = client.get(document.url)
    assert download.status_code == 200 and SECRET.encode() in body_of(download)
    assert {"private", "no-store"} <= set(download["Cache-Control"].split(", "))


def test_public_paper_pdf_is_public_and_cacheable(client):
    from content.papers.models import PaperPage

    paper = PaperPage.objects.get(slug="the-ties-that-bind")
    response = client.get(paper.report.url)
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")


def test_whole_section_restriction_is_respected(guarded):
    from wagtail.models import PageViewRestriction

    study, _ = guarded
    index = CaseStudyIndexPage.objects.get()
    public_study = CaseStudyPageFactory(parent=index, title="Another", audience="members")
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    response = Client(HTTP_HOST="localhost").get(public_study.url)
    assert "The challenge" not in response.content.decode()


def test_one_way_in_wagtail_login_routes_lead_to_allauth(client):
    for url in ("/_util/login/?next=/case-studies/", "/admin/login/?next=/admin/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    admin_login = client.post("/admin/login/", {"username": "admin", "password": "x"})
    assert admin_login.status_code == 302 and "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")
    assert client.post("/_util/authenticate_with_password/1/1/", {"password": "x"}).status_code == 410


def test_shared_password_privacy_is_switched_off():
    from django.conf import settings

    assert settings.WAGTAIL_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}
    assert settings.WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS == {"SHARED_PASSWORD": False}
    # One way in: allauth's backend (members.auth_backends only reads permissions in one query).
    assert settings.AUTHENTICATION_BACKENDS == ["members.auth_backends.AuthenticationBackend"]
    assert issubclass(AuthenticationBackend, AllauthBackend)


def test_saving_a_draft_does_not_change_who_can_read_the_live_page(guarded):
    study, _ = guarded
    study.audience = "members"
    study.save_revision()  # a draft, e.g. submitted for moderation
    member = Client(HTTP_HOST="localhost")
    member.force_login(make_member("member-draft@example.org"))
    assert SECRET.encode() not in member.get(study.url).content
    study.save_revision().publish()
    assert SECRET.encode() in member.get(study.url).content


def test_a_restricted_section_hides_even_the_teasers(guarded):
    from wagtail.models import PageViewRestriction

    study, _ = guarded
    index = CaseStudyIndexPage.objects.get()
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    client = Client(HTTP_HOST="localhost")
    response = client.get(study.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert TEASER_TITLE not in client.get("/topics/community-wealth-building/").content.decode()
    assert TEASER_TITLE not in client.get("/search/?q=Teaser+title+guarded").content.decode()


def test_a_teaser_answers_only_reading(guarded):
    study, _ = guarded
    response = Client(HTTP_HOST="localhost").post(study.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert SECRET.encode() not in response.content


def test_an_unreleased_papers_report_stays_embargoed():
    import datetime

    from django.utils import timezone

    from content.papers.models import PaperPage, PaperSeriesPage
    from tests.factories import PaperPageFactory

    document = get_document_model()(title="Embargoed", file=ContentFile(b"%PDF-1.4 embargo", name="embargo.pdf"))
    document.save()
    paper = PaperPageFactory(
        parent=PaperSeriesPage.objects.get(slug="social-capital-2025"),
        release_date=timezone.localdate() + datetime.timedelta(days=10),
        report=document,
    )
    paper.save_revision().publish()
    assert PaperPage.objects.get(pk=paper.pk).report_id == document.pk
    assert Client(HTTP_HOST="localhost").get(document.url).status_code == 404


def test_links_to_a_restricted_definition_do_not_carry_its_text():
    from wagtail.models import PageViewRestriction

    from content.blog.models import BlogIndexPage
    from tests.factories import BlogPageFactory, PersonFactory

    term = DefinitionPage.objects.get(slug="civic-assets")
    PageViewRestriction.objects.create(page=term, restriction_type=PageViewRestriction.LOGIN)
    post = BlogPageFactory(
        parent=BlogIndexPage.objects.get(),
        authors=[PersonFactory()],
        body=[("paragraph", f'<p>See <a linktype="page" id="{term.pk}">civic assets</a>.</p>')],
    )
    html = soup(Client(HTTP_HOST="localhost").get(post.url))
    assert html.find("a", string="civic assets").get("data-definition") is None
    assert term.short_definition not in html.get_text()
