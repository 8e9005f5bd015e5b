"""Wagtail's workflow and publishing signals move a submission's status on, and the member is told."""

from __future__ import annotations

import logging

from django.dispatch import receiver

from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_cancelled, workflow_rejected

from .models import CaseStudySubmission

logger = logging.getLogger(__name__)


def _submission_for_page_id(page_id) -> CaseStudySubmission | None:
    try:
        return CaseStudySubmission.objects.filter(page_id=int(page_id)).first()
    except (TypeError, ValueError):
        return None


def _email(submission: CaseStudySubmission, kind: str) -> None:
    from .tasks import send_submission_email

    try:
        send_submission_email.enqueue(submission.pk, kind)
    except Exception:  # noqa: BLE001 - an editor's decision must not fail because an email could not be queued
        logger.exception("Could not queue the %s email for submission %s", kind, submission.pk)


@receiver(workflow_rejected)
def changes_requested(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """An editor chose "Request changes": the member can edit and resubmit; their comment goes with it."""
    submission = _submission_for_page_id(instance.object_id)
    if submission is None:
        return
    task_state = instance.current_task_state
    submission.status = CaseStudySubmission.Status.CHANGES_REQUESTED
    submission.editor_comment = (task_state.comment if task_state else "") or ""
    submission.touch()
    submission.save(update_fields=["status", "editor_comment", "updated_at"])
    _email(submission, "changes_requested")


def _mark_published(page_id) -> None:
    submission = _submission_for_page_id(page_id)
    if submission is None or submission.status == CaseStudySubmission.Status.PUBLISHED:
        return
    submission.status = CaseStudySubmission.Status.PUBLISHED
    submission.editor_comment = ""
    submission.touch()
    submission.save(update_fields=["status", "editor_comment", "updated_at"])
    _email(submission, "published")


@receiver(workflow_approved)
def approved(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """Approval publishes the page (Wagtail's on_finish); if it is live now, the member hears of it."""
    from wagtail.models import Page

    if Page.objects.filter(pk=instance.object_id, live=True).exists():
        _mark_published(instance.object_id)


@receiver(page_published)
def published(sender, instance, **kwargs) -> None:
    _mark_published(instance.pk)


@receiver(workflow_cancelled)
def cancelled(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """An editor stopped the review (or published directly, which cancels it first)."""
    submission = _submission_for_page_id(instance.object_id)
    if submission is None or submission.status != CaseStudySubmission.Status.SUBMITTED:
        return
    submission.status = CaseStudySubmission.Status.WITHDRAWN
    submission.touch()
    submission.save(update_fields=["status", "updated_at"])
