"""Moderation edge cases: double submits, repeated publishing, resubmission after editors' edits."""

from __future__ import annotations

import pytest

from django.core import mail
from django.test import Client

from content.case_studies.models import CaseStudyPage
from content.topics.models import Topic
from members.models import LocalAuthority
from submissions import views
from submissions.models import CaseStudySubmission
from submissions.moderation import NotSubmittable, submit_for_review
from tests.helpers import text_of
from tests.submissions.submission_helpers import SUBMIT, client_for, fill_steps, pdf_bytes, step_data, upload

pytestmark = pytest.mark.django_db


def _data():
    authority = LocalAuthority.objects.get(gss_code="E08000035")
    return step_data(authority.pk, list(Topic.objects.order_by("pk").values_list("pk", flat=True)[:2]))


def _admin_action(moderator_client: Client, page: CaseStudyPage, action: str, comment: str = ""):
    task_state = page.current_workflow_task_state
    assert task_state is not None, "no task in progress"
    response = moderator_client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", {"comment": comment}
    )
    assert response.status_code == 302, response.content.decode()[:2000]


# --- Two "Submit" presses at once make one page ------------------------------------------------------------


def test_a_second_submit_with_a_stale_submission_creates_nothing(officer):
    pk = fill_steps(client_for(officer), _data())
    first, second = CaseStudySubmission.objects.get(pk=pk), CaseStudySubmission.objects.get(pk=pk)
    cleaned, problems = views._all_steps_cleaned(first)
    assert not problems
    pages_before = CaseStudyPage.objects.count()

    page = submit_for_review(first, cleaned)
    assert second.status == CaseStudySubmission.Status.DRAFT and second.page is None  # stale, as in a race
    with pytest.raises(NotSubmittable):
        submit_for_review(second, cleaned)

    assert CaseStudyPage.objects.count() == pages_before + 1
    assert page.revisions.count() == 1
    assert CaseStudySubmission.objects.get(pk=pk).page_id == page.pk


def test_the_losing_request_sees_the_status_page_with_a_message(officer, monkeypatch):
    client = client_for(officer)
    pk = fill_steps(client, _data())
    pages_before = CaseStudyPage.objects.count()
    real_cleaned = views._all_steps_cleaned

    def another_tab_submits_first(submission):
        cleaned, problems = real_cleaned(submission)
        submit_for_review(CaseStudySubmission.objects.get(pk=submission.pk), cleaned)  # the winning request
        return cleaned, problems

    monkeypatch.setattr(views, "_all_steps_cleaned", another_tab_submits_first)
    response = client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"}, follow=True)
    assert response.redirect_chain == [(f"{SUBMIT}{pk}/", 302)]
    assert "already sent to the editors; nothing was sent twice" in text_of(response)
    assert CaseStudyPage.objects.count() == pages_before + 1


# --- Status changes happen once; emails go after the commit ----------------------------------------------


def _submitted(officer):
    client = client_for(officer)
    pk = fill_steps(client, _data())
    client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    submission = CaseStudySubmission.objects.get(pk=pk)
    return submission, submission.page.specific


def _to_member(officer, word: str) -> list:
    return [m for m in mail.outbox if m.to == [officer.email] and word in m.subject.lower()]


def test_publishing_twice_emails_the_member_once(officer, moderator, django_capture_on_commit_callbacks):
    submission, page = _submitted(officer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _admin_action(client_for(moderator), page, "approve")
    page.refresh_from_db()
    assert page.live
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Community buildings in Leeds (updated)"
        page.save_revision(user=moderator).publish(user=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        from submissions.signal_handlers import _mark_published

        _mark_published(page.pk)  # a late or repeated signal
    assert len(_to_member(officer, "published")) == 1
    submission.refresh_from_db()
    assert submission.status == CaseStudySubmission.Status.PUBLISHED


def test_submission_emails_wait_for_the_commit(officer, moderator, django_capture_on_commit_callbacks):
    submission, page = _submitted(officer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _admin_action(client_for(moderator), page, "reject", "Add the costs.")
    assert not [m for m in mail.outbox if m.to == [officer.email]], "sent inside the workflow's transaction"
    for callback in callbacks:
        callback()
    (message,) = [m for m in mail.outbox if m.to == [officer.email]]
    assert "Add the costs." in message.body


def test_a_status_change_already_made_elsewhere_is_not_made_again(officer, django_capture_on_commit_callbacks):
    from submissions.signal_handlers import _mark_published

    submission, page = _submitted(officer)
    mail.outbox.clear()
    # Another server's signal got there first: the row is already published when ours runs.
    CaseStudySubmission.objects.filter(pk=submission.pk).update(status=CaseStudySubmission.Status.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _mark_published(page.pk)
    assert callbacks == [] and not mail.outbox


# --- A resubmission applies only what the member changed ---------------------------------------------------


def _editor_document(title: str = "Editor's costing note"):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    document = get_document_model()(
        title=title,
        file=ContentFile(pdf_bytes("costing"), name="costing.pdf"),
        collection=Collection.get_first_root_node(),
    )
    document.save()
    return document


def test_resubmitting_keeps_the_editors_edits_and_attachments(officer, moderator):
    from content.case_studies.models import CaseStudyAttachment

    client = client_for(officer)
    data = _data()
    pk = fill_steps(client, data, [upload("evaluation.pdf", pdf_bytes("evaluation"))])
    client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    submission = CaseStudySubmission.objects.get(pk=pk)
    slug = submission.page.slug

    # An editor tightens the summary, renames the member's file and adds a document, then asks for changes.
    draft = submission.page.specific.get_latest_revision_as_object()
    draft.summary = "Leeds handed two buildings to resident groups; footfall doubled."
    members_row = draft.attachments.get()
    members_row.title = "Evaluation report (2024)"
    note = _editor_document()
    draft.attachments = [members_row, CaseStudyAttachment(document=note, title="Costing note", sort_order=1)]
    draft.save_revision(user=moderator)
    _admin_action(client_for(moderator), submission.page.specific, "reject", "Add the cost.")

    # The member changes what they did and the title, and saves the other steps as they were.
    client.post(f"{SUBMIT}{pk}/what-you-did/", {"what_we_did": "We handed two buildings over for £40,000."})
    client.post(f"{SUBMIT}{pk}/about/", {**data["about"], "title": "Two community buildings in Leeds"})
    preview = client.get(f"{SUBMIT}{pk}/preview/")
    assert "footfall doubled." in text_of(preview) and "Costing note" in text_of(preview)
    response = client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    assert response.status_code == 302

    page = CaseStudySubmission.objects.get(pk=pk).page.specific
    latest = page.get_latest_revision_as_object()
    assert "£40,000" in latest.what_we_did  # the member's change
    assert latest.title == "Two community buildings in Leeds"
    assert latest.summary == "Leeds handed two buildings to resident groups; footfall doubled."  # the editor's
    assert [(row.document_id, row.title) for row in latest.attachments.all()] == [
        (members_row.document_id, "Evaluation report (2024)"),
        (note.pk, "Costing note"),
    ]
    assert latest.slug == slug


def test_a_file_the_member_removes_leaves_the_page_but_the_editors_stay(officer, moderator):
    from content.case_studies.models import CaseStudyAttachment

    client = client_for(officer)
    pk = fill_steps(client, _data(), [upload("a.pdf", pdf_bytes("a")), upload("b.pdf", pdf_bytes("b"))])
    client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    submission = CaseStudySubmission.objects.get(pk=pk)
    draft = submission.page.specific.get_latest_revision_as_object()
    note = _editor_document()
    draft.attachments = [*draft.attachments.all(), CaseStudyAttachment(document=note, sort_order=9)]
    draft.save_revision(user=moderator)
    _admin_action(client_for(moderator), submission.page.specific, "reject", "Drop b.")

    removed = submission.attachments.get(original_name="b.pdf")
    kept_document = submission.attachments.get(original_name="a.pdf").document_id
    client.post(f"{SUBMIT}{pk}/attachments/", {"action": f"remove-{removed.pk}"})
    client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})

    latest = CaseStudySubmission.objects.get(pk=pk).page.specific.get_latest_revision_as_object()
    assert [row.document_id for row in latest.attachments.all()] == [kept_document, note.pk]


# --- One email to moderators per submission (issue 14) --------------------------------------------------------


def test_a_submission_emails_each_moderator_once(officer, moderator, django_capture_on_commit_callbacks):
    moderator.is_superuser = True  # the network's administrators are both: they used to get two emails
    moderator.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _submitted(officer)
    to_moderator = [m for m in mail.outbox if moderator.email in m.to]
    assert len(to_moderator) == 1, [m.subject for m in to_moderator]
