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
from tests.submissions.submission_helpers import SUBMIT, client_for, fill_steps, step_data

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
