"""Wagtail's workflow and publishing signals move a submission's status on, and the member is told.

Each status change is one conditional UPDATE (filtered on the status it moves from), so two signals
for the same event (approval and page_published; two editors; two app servers) change the row once,
and only the one that changed it queues the email. Emails are queued with transaction.on_commit:
never from inside the workflow's transaction, so a rolled-back decision sends nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page, WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_cancelled, workflow_rejected

from content.case_studies.models import CaseStudyAttachment, CaseStudyPage

from .models import CaseStudySubmission, SubmissionAttachment
from .tasks import send_submission_email

logger = logging.getLogger(__name__)
Status = CaseStudySubmission.Status


def _page_id(page_id) -> int | None:
    try:
        return int(page_id)
    except (TypeError, ValueError):
        return None


def _move(page_id, from_statuses: Iterable[str] | None, to_status: str, **fields) -> list[int]:
    """Move the page's submissions to ``to_status``, each by a conditional update; the ids that moved.

    ``from_statuses``: the statuses it may move from (None: any status but ``to_status`` itself).
    """
    page_id = _page_id(page_id)
    if page_id is None:
        return []
    candidates = CaseStudySubmission.objects.filter(page_id=page_id)
    if from_statuses is None:
        candidates = candidates.exclude(status=to_status)
    else:
        candidates = candidates.filter(status__in=list(from_statuses))
    moved = []
    for pk in candidates.values_list("pk", flat=True):
        # The status filter is part of the UPDATE itself: whoever runs second changes nothing.
        if candidates.filter(pk=pk).update(status=to_status, updated_at=timezone.now(), **fields):
            moved.append(pk)
    return moved


def _send(submission_id: int, kind: str) -> None:
    try:
        send_submission_email.enqueue(submission_id, kind)
    except Exception:  # noqa: BLE001 - an editor's decision must not fail because an email could not be queued
        logger.exception("Could not queue the %s email for submission %s", kind, submission_id)


def _email_on_commit(submission_ids: Iterable[int], kind: str) -> None:
    for submission_id in submission_ids:
        transaction.on_commit(lambda submission_id=submission_id: _send(submission_id, kind))


@receiver(workflow_rejected)
def changes_requested(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """An editor chose "Request changes": the member can edit and resubmit; their comment goes with it."""
    task_state = instance.current_task_state
    comment = (task_state.comment if task_state else "") or ""
    moved = _move(instance.object_id, [Status.SUBMITTED], Status.CHANGES_REQUESTED, editor_comment=comment)
    _email_on_commit(moved, "changes_requested")


def _mark_published(page_id) -> None:
    """Published, once: the member is emailed only by the signal that changed the row."""
    _email_on_commit(_move(page_id, None, Status.PUBLISHED, editor_comment=""), "published")


@receiver(workflow_approved)
def approved(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """Approval publishes the page (Wagtail's on_finish); if it is live now, the member hears of it."""
    if Page.objects.filter(pk=instance.object_id, live=True).exists():
        _mark_published(instance.object_id)


@receiver(page_published)
def published(sender, instance, **kwargs) -> None:
    _mark_published(instance.pk)


@receiver(workflow_cancelled)
def cancelled(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """An editor stopped the review (or published directly, which cancels it first)."""
    _move(instance.object_id, [Status.SUBMITTED], Status.WITHDRAWN)


# --- Erasure: a removed attachment takes its private file, and its document if no page uses it ----------


def _in_latest_revision(page_id: int | None, document_id: int) -> bool:
    """Whether the draft editors are reviewing still lists the document (it goes when the member resubmits)."""
    page = CaseStudyPage.objects.filter(pk=page_id).select_related("latest_revision").first() if page_id else None
    revision = page.latest_revision if page else None
    rows = (revision.content.get("attachments") or []) if revision else []
    return any(row.get("document") == document_id for row in rows)


def _remove_files(storage, file_name: str, document_id: int | None, page_id: int | None) -> None:
    if file_name:
        try:
            storage.delete(file_name)
        except OSError:
            logger.exception("Could not delete the private file %s", file_name)
    if document_id is None:
        return
    if CaseStudyAttachment.objects.filter(document_id=document_id).exists():
        return  # a page uses it: it is the page's now
    if _in_latest_revision(page_id, document_id):
        return
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        document.delete()  # Wagtail deletes the document's file after the commit


@receiver(post_delete, sender=SubmissionAttachment)
def attachment_deleted(sender, instance: SubmissionAttachment, **kwargs) -> None:
    """The member removed a file, or their account (and so their submissions) was deleted."""
    page_id = CaseStudySubmission.objects.filter(pk=instance.submission_id).values_list("page_id", flat=True).first()
    storage, file_name, document_id = instance.file.storage, instance.file.name, instance.document_id
    transaction.on_commit(lambda: _remove_files(storage, file_name, document_id, page_id))
