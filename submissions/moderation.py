"""From a member's finished draft to a case-study page in Wagtail's moderation workflow.

The page is created as a draft (never live) under the case-study index, owned by the member, with
their attachments copied into Wagtail documents; the revision then goes through the workflow that
applies to the index, which editors run in the admin as usual (review, comment, request changes,
approve and publish). Wagtail's own notification emails to the member are switched off for members
without admin access: they would link to the admin; ours (signal_handlers.py) link to the site.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupApprovalTask, Workflow, WorkflowPage, WorkflowState, WorkflowTask
from wagtail.signals import workflow_submitted
from wagtail.users.models import UserProfile

from content.case_studies.models import Audience, CaseStudyAttachment, CaseStudyIndexPage, CaseStudyPage
from content.core.groups import MODERATORS

from .models import CaseStudySubmission
from .rich_text import to_rich_text

logger = logging.getLogger(__name__)

WORKFLOW_NAME = "Case study submissions"
TASK_NAME = "Moderators approval"
COLLECTION_NAME = "Case study submissions"


# wagtail.admin.signal_handlers connects its "submitted" notifier to workflow_submitted under this id.
WORKFLOW_SUBMITTED_EMAIL_UID = "workflow_state_submitted_email_notification"


def _no_workflow_submitted_email(sender, **kwargs) -> None:
    """Holds the place of Wagtail's workflow "submitted" email (see ``one_moderation_email``)."""


def one_moderation_email() -> None:
    """One email to moderators per submission, not two.

    Wagtail sends two when a page enters a workflow: the workflow's "submitted" email (to superusers) and
    the first task's "submitted" email (to the task's groups, superusers included). A moderator who is also
    a superuser, as the network's administrators are, got both, near-identical. The task's email is the
    one kept: it names the step and goes to everyone who can act on it.

    Connecting a receiver under Wagtail's dispatch_uid first means Wagtail's own connect is ignored; the
    disconnect covers the other order of ``AppConfig.ready()`` calls.
    """
    workflow_submitted.disconnect(sender=WorkflowState, dispatch_uid=WORKFLOW_SUBMITTED_EMAIL_UID)
    workflow_submitted.connect(
        _no_workflow_submitted_email, sender=WorkflowState, dispatch_uid=WORKFLOW_SUBMITTED_EMAIL_UID
    )


def _has_moderators_task(workflow: Workflow) -> bool:
    return GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow, active=True, groups__name=MODERATORS
    ).exists()


def ensure_moderation_workflow() -> Workflow | None:
    """The workflow for submitted case studies: the index's own if it has a Moderators approval task.

    Wagtail's migrations create "Moderators approval" on the root page, which the index inherits;
    when no workflow applies (someone removed it), one is created and linked to the index. A
    different workflow an editor chose for the index is respected. Idempotent.
    """
    index = CaseStudyIndexPage.objects.first()
    if index is None:
        return None
    workflow = index.get_workflow()
    if workflow is not None:
        if not _has_moderators_task(workflow):
            logger.warning("The case-study index's workflow %r has no Moderators approval task", workflow.name)
        return workflow
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    task = GroupApprovalTask.objects.filter(active=True, groups=moderators).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([moderators])
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first() or Workflow.objects.create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def ensure_moderation_workflow_after_migrate(**kwargs: Any) -> None:
    """post_migrate: make sure the workflow exists once the index does (the demo loader adds it later)."""
    try:
        ensure_moderation_workflow()
    except Exception:  # noqa: BLE001 - a partial migrate (tables missing) must not fail; submit checks again
        logger.info("Case-study moderation workflow not checked after migrate", exc_info=True)


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _unique_slug(index: CaseStudyIndexPage, title: str, page: CaseStudyPage | None = None) -> str:
    base = slugify(title)[:60].strip("-") or "case-study"
    siblings = CaseStudyPage.objects.child_of(index)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def page_fields(cleaned: dict[str, Any]) -> dict[str, Any]:
    """The page's field values from every step's cleaned data (rich text sanitised here, once)."""
    return {
        "title": cleaned["title"],
        "summary": cleaned["summary"].strip(),
        "local_authority": cleaned["local_authority"],
        "challenge": to_rich_text(cleaned["challenge"]),
        "what_we_did": to_rich_text(cleaned["what_we_did"]),
        "outcomes": to_rich_text(cleaned["outcomes"]),
        "lessons": to_rich_text(cleaned["lessons"]),
        "figures": [
            ("figure", {"figure": row["value"], "label": row["label"], "source": row.get("note", "")})
            for row in cleaned.get("figures", [])
        ],
        "contacts": [
            ("contact", {"name": row["name"], "role": row.get("role", ""), "email": row.get("email", "")})
            for row in cleaned.get("contacts", [])
        ],
    }


def _comparable(value: Any) -> Any:
    """A page field's value as JSON that compares equal when the member typed the same thing."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (list, tuple)):
        return [_comparable(item) for item in value]
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    return value


def field_snapshot(cleaned: dict[str, Any]) -> dict[str, Any]:
    """Every page field the member fills in, as stored in ``CaseStudySubmission.sent_for_review``."""
    snapshot = {name: _comparable(value) for name, value in page_fields(cleaned).items()}
    snapshot["topics"] = sorted(topic.pk for topic in cleaned.get("topics") or [])
    return snapshot


def changed_fields(submission: CaseStudySubmission, cleaned: dict[str, Any]) -> set[str] | None:
    """The page fields the member changed since they last sent it for review; None: apply them all.

    None for a first submission, and for one sent before snapshots were kept (nothing to compare with).
    """
    previous = (submission.sent_for_review or {}).get("fields")
    if submission.page_id is None or previous is None:
        return None
    return {name for name, value in field_snapshot(cleaned).items() if previous.get(name) != value}


def apply_to_page(page: CaseStudyPage, cleaned: dict[str, Any], only: set[str] | None = None) -> None:
    """Set the page's fields from the member's answers: all of them, or just the names in ``only``."""
    for name, value in page_fields(cleaned).items():
        if only is None or name in only:
            setattr(page, name, value)
    if only is None or "topics" in only:
        page.topics = list(cleaned.get("topics") or [])


def merged_attachments(
    page: CaseStudyPage, members: list[CaseStudyAttachment], previously_sent: set[int]
) -> list[CaseStudyAttachment]:
    """The page's attachments after a resubmission.

    Rows already on the page stay as the editors left them (their titles, their order), except the
    member's own files they have removed since; rows editors added stay; the member's new files go
    at the end.
    """
    new_rows = {row.document_id: row for row in members}
    existing = [row for row in page.attachments.all() if row.document_id]
    alive = set(
        get_document_model().objects.filter(pk__in=[row.document_id for row in existing]).values_list("pk", flat=True)
    )
    kept = []
    for row in existing:
        if row.document_id in new_rows:
            kept.append(row)
            del new_rows[row.document_id]
        elif row.document_id not in previously_sent and row.document_id in alive:
            kept.append(row)  # an editor's
    kept.extend(new_rows.values())
    for order, row in enumerate(kept):
        row.sort_order = order
    return kept


def _documents_for(submission: CaseStudySubmission) -> list[CaseStudyAttachment]:
    """Each attachment as a Wagtail document in the submissions collection (made once, then reused)."""
    document_model = get_document_model()
    rows = []
    for order, attachment in enumerate(submission.attachments.all()):
        if attachment.document is None:
            with attachment.file.open("rb") as source:
                content = ContentFile(source.read(), name=attachment.original_name)
            document = document_model(
                title=attachment.title, file=content, collection=_collection(), uploaded_by_user=submission.owner
            )
            document._set_document_file_metadata()  # its size and hash, as Wagtail's upload view sets them
            document.save()
            attachment.document = document
            attachment.save(update_fields=["document"])
        rows.append(CaseStudyAttachment(document=attachment.document, title=attachment.title, sort_order=order))
    return rows


def _quiet_wagtail_notifications(user) -> None:
    """Members without admin access get our emails about their submission, not Wagtail's admin ones."""
    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


class NotSubmittable(Exception):
    """The submission was sent (or taken out of the member's hands) since the member's request began."""


def submit_for_review(submission: CaseStudySubmission, cleaned: dict[str, Any]) -> CaseStudyPage:
    """Create (or, after changes were requested, update) the draft page and put it into moderation.

    The submission's row is locked and read again first, so two "Submit" presses at once (two tabs, a
    double click, a retried POST) make one page: the second finds it already submitted and raises
    NotSubmittable, creating nothing.
    """
    with transaction.atomic():
        locked = (
            # of=("self",): the page join is an outer join (no page before the first submission), and
            # PostgreSQL refuses FOR UPDATE on the nullable side of one (every submit answered 500 there).
            CaseStudySubmission.objects.select_for_update(of=("self",))
            .filter(pk=submission.pk, owner_id=submission.owner_id)
            .select_related("owner", "page")
            .first()
        )
        if locked is None or not locked.is_editable:
            raise NotSubmittable(submission.pk)
        page = _submit_locked(locked, cleaned)
    for name in ("status", "page", "sent_for_review", "editor_comment", "submitted_at", "updated_at"):
        setattr(submission, name, getattr(locked, name))
    return page


def _submit_locked(submission: CaseStudySubmission, cleaned: dict[str, Any]) -> CaseStudyPage:
    user = submission.owner
    workflow = ensure_moderation_workflow()
    index = CaseStudyIndexPage.objects.first()
    if index is None:
        raise RuntimeError("There is no case-study index page to add the case study to.")
    _quiet_wagtail_notifications(user)
    attachments = _documents_for(submission)

    if submission.page is None:
        page = CaseStudyPage(
            owner=user,
            live=False,
            has_unpublished_changes=True,
            published_date=timezone.localdate(),
            audience=Audience.MEMBERS,
        )
        apply_to_page(page, cleaned)
        page.slug = _unique_slug(index, page.title)
        page.attachments = attachments
        index.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        submission.page = page
    else:
        # After "request changes": only what the member changed since they last sent it, so an editor's
        # edits in between survive; the slug stays, and so do attachments editors added.
        page = submission.page.get_latest_revision_as_object()
        apply_to_page(page, cleaned, only=changed_fields(submission, cleaned))
        previously_sent = set((submission.sent_for_review or {}).get("documents") or [])
        page.attachments = merged_attachments(page, attachments, previously_sent)
        revision = page.save_revision(user=user, log_action=True)

    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    elif state is None and workflow is not None:
        workflow.start(page, user)
    elif state is None:
        logger.warning("No moderation workflow applies to case studies; %s waits as a draft", page)

    submission.sent_for_review = {
        "fields": field_snapshot(cleaned),
        "documents": [row.document_id for row in attachments],
    }
    submission.status = CaseStudySubmission.Status.SUBMITTED
    submission.editor_comment = ""
    submission.submitted_at = timezone.now()
    submission.touch()
    submission.save()
    logger.info("Case study submission %s sent for review as revision %s", submission.pk, revision.pk)
    return page
