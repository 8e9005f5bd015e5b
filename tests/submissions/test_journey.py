"""A council officer's case study from the site's form to publication, through Wagtail's moderation."""

from __future__ import annotations

import hashlib

import pytest

from django.core import mail
from django.test import Client

from wagtail.models import WorkflowState

from alerts.models import Follow
from content.case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content.topics.models import Topic
from members.models import LocalAuthority
from submissions.models import CaseStudySubmission
from tests.helpers import soup, text_of
from tests.members.conftest import make_member
from tests.submissions.submission_helpers import (
    SUBMIT,
    client_for,
    fill_steps,
    pdf_bytes,
    png_bytes,
    step_data,
    upload,
)

pytestmark = pytest.mark.django_db

COMMENT = "Please add the cost of the handover to what you did."


def _data():
    authority = LocalAuthority.objects.get(gss_code="E08000035")
    topics = list(Topic.objects.order_by("pk").values_list("pk", flat=True)[:2])
    return step_data(authority.pk, topics)


def _admin_action(moderator_client: Client, page: CaseStudyPage, action: str, comment: str = ""):
    task_state = page.current_workflow_task_state
    assert task_state is not None, "no task in progress"
    response = moderator_client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", {"comment": comment}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_submit_moderate_resubmit_publish_and_the_member_is_told(
    officer, moderator, django_capture_on_commit_callbacks
):
    officer_client = client_for(officer)
    data = _data()
    pk = fill_steps(
        officer_client, data, [upload("evaluation.pdf", pdf_bytes("evaluation")), upload("map.png", png_bytes())]
    )

    # The preview is the published page's own template, with the member's text as paragraphs and a list.
    preview = officer_client.get(f"{SUBMIT}{pk}/preview/")
    assert preview.status_code == 200
    html = soup(preview)
    assert html.h1.get_text(strip=True) == "Community buildings in Leeds"
    assert html.find("h2", string="What we did") is not None
    assert "<li>a library</li>" in preview.content.decode()
    assert "1,200" in text_of(preview) and "Robin Officer" in text_of(preview)
    assert {"private", "no-store"} <= set(preview["Cache-Control"].replace(" ", "").split(","))

    response = officer_client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    assert response.status_code == 302 and response["Location"] == f"{SUBMIT}{pk}/"
    submission = CaseStudySubmission.objects.get(pk=pk)
    assert submission.status == CaseStudySubmission.Status.SUBMITTED
    page = submission.page.specific
    assert not page.live and page.owner == officer
    assert page.get_parent().specific == CaseStudyIndexPage.objects.get()
    assert page.local_authority.gss_code == "E08000035" and page.audience == "members"
    assert page.published_date is not None
    assert [block.value["figure"] for block in page.figures] == ["1,200"]
    assert [block.value["name"] for block in page.contacts] == ["Robin Officer"]
    assert page.topics.count() == 2
    assert [a.document.collection.name for a in page.attachments.all()] == ["Case study submissions"] * 2
    for attachment in page.attachments.all():  # size and hash, as a document uploaded in Wagtail has
        with attachment.document.file.open("rb") as stored:
            content = stored.read()
        assert attachment.document.file_size == len(content)
        assert attachment.document.file_hash == hashlib.sha1(content).hexdigest()  # noqa: S324 Wagtail's own hash
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Submitted: in review" in text_of(officer_client.get(f"{SUBMIT}{pk}/"))

    # Moderators see it awaiting their review, and open it in the editor.
    moderator_client = client_for(moderator)
    dashboard = moderator_client.get("/admin/")
    assert "Community buildings in Leeds" in dashboard.content.decode()
    assert moderator_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200

    # Changes requested: the member is emailed the comment (and not Wagtail's admin-linked email).
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # emails go once the decision is committed
        _admin_action(moderator_client, page, "reject", COMMENT)
    submission.refresh_from_db()
    assert submission.status == CaseStudySubmission.Status.CHANGES_REQUESTED
    assert submission.editor_comment == COMMENT
    (message,) = [m for m in mail.outbox if m.to == [officer.email]]
    assert COMMENT in message.body and f"/case-studies/submit/{pk}/" in message.body
    status_page = officer_client.get(f"{SUBMIT}{pk}/")
    assert COMMENT in text_of(status_page) and "Make the changes" in text_of(status_page)

    # The member edits one step and resubmits: a new revision, the same workflow resumed.
    revisions_before = page.revisions.count()
    response = officer_client.post(
        f"{SUBMIT}{pk}/what-you-did/", {"what_we_did": "We handed two buildings over. The handover cost £40,000."}
    )
    assert response.status_code == 302
    response = officer_client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.revisions.count() == revisions_before + 1
    assert "£40,000" in page.get_latest_revision_as_object().what_we_did
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1
    submission.refresh_from_db()
    assert submission.status == CaseStudySubmission.Status.SUBMITTED

    # Approved: published, and the member is emailed the link; followers of case studies from
    # metropolitan districts (Leeds is one) who may read it hear about it once.
    follower = make_member("kind-follower@example.org")
    Follow.objects.create(user=follower, authority_kind="metropolitan-district")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _admin_action(moderator_client, page, "approve")
    (alert,) = [m for m in mail.outbox if m.to == [follower.email]]
    assert alert.subject.endswith("New case study: Community buildings in Leeds")
    assert "You follow case studies from metropolitan districts." in alert.body
    page.refresh_from_db()
    assert page.live and "£40,000" in page.what_we_did
    submission.refresh_from_db()
    assert submission.status == CaseStudySubmission.Status.PUBLISHED
    (message,) = [m for m in mail.outbox if m.to == [officer.email]]
    assert "published" in message.subject.lower() and page.full_url in message.body
    assert any(mime == "text/html" for _, mime in message.alternatives)
    assert "Read your published case study" in text_of(officer_client.get(f"{SUBMIT}{pk}/"))


def test_attachment_documents_are_private_until_the_page_is_published(officer, moderator):
    officer_client = client_for(officer)
    pk = fill_steps(officer_client, _data(), [upload("evaluation.pdf", pdf_bytes("evaluation"))])
    officer_client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    page = CaseStudySubmission.objects.get(pk=pk).page.specific
    document = page.attachments.get().document

    other_member = client_for(make_member("another@example.org"))
    assert other_member.get(document.url).status_code == 404
    assert Client(HTTP_HOST="localhost").get(document.url).status_code == 404

    _admin_action(client_for(moderator), page, "approve")
    response = other_member.get(document.url)
    assert response.status_code == 200
    assert b"evaluation" in b"".join(response.streaming_content)
    assert Client(HTTP_HOST="localhost").get(document.url).status_code == 404  # members only, as the page


def test_status_words_in_the_member_dashboard_section(officer):
    from django.template import Context, Template

    client = client_for(officer)
    response = client.post(SUBMIT, _data()["authority"] | {"action": "save"})
    assert response.status_code == 302
    CaseStudySubmission.objects.filter(owner=officer).update(
        data={"about": {"title": ["Draft about parks"]}, **CaseStudySubmission.objects.get(owner=officer).data}
    )
    html = Template("{% load submission_tags %}{% member_submissions user %}").render(
        Context({"user": officer, "request": None})
    )
    assert "Your case studies" in html and "Draft about parks" in html and "Draft" in html
    assert "Continue" in html
