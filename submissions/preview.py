"""The preview is the real case-study template rendering an unsaved page built from the draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from wagtail.documents import get_document_model

from content.case_studies.models import Audience, CaseStudyIndexPage, CaseStudyPage

from .models import CaseStudySubmission, SubmissionAttachment
from .moderation import apply_to_page, changed_fields


@dataclass
class PreviewDocument:
    """Just enough of a Wagtail document for the case-study template: the private file stands in."""

    attachment: SubmissionAttachment

    @property
    def url(self) -> str:
        return self.attachment.get_absolute_url()

    @property
    def title(self) -> str:
        return self.attachment.title

    @property
    def file_extension(self) -> str:
        return self.attachment.extension

    def get_file_size(self) -> int:
        return self.attachment.size


@dataclass
class PreviewAttachment:
    document: PreviewDocument
    display_title: str


def preview_page(submission: CaseStudySubmission, cleaned: dict[str, Any]) -> CaseStudyPage:
    """An unsaved CaseStudyPage placed (in memory only) under the index, as it will be on submission.

    A resubmission is previewed as it will be saved: the latest revision with only the fields the
    member changed since they last sent it, and any attachments editors added after the member's files.
    """
    page = submission.page.get_latest_revision_as_object() if submission.page else None
    if page is None:
        page = CaseStudyPage(published_date=timezone.localdate(), audience=Audience.MEMBERS)
        index = CaseStudyIndexPage.objects.first()
        if index is not None:
            page.depth = index.depth + 1
            page.path = index.path + "9999"  # never saved: only lets the template find its parent
        editors_rows = []
    else:
        editors_rows = _editors_attachments(submission, page)
    apply_to_page(page, cleaned, only=changed_fields(submission, cleaned))
    attachments = [
        PreviewAttachment(document=PreviewDocument(attachment), display_title=attachment.title)
        for attachment in submission.attachments.all()
    ]
    attachments.extend(editors_rows)
    page.get_attachments = lambda: attachments
    return page


def _editors_attachments(submission: CaseStudySubmission, page: CaseStudyPage) -> list:
    """Rows on the latest revision that are not the member's files (an editor added them): kept on resubmit."""
    members = set((submission.sent_for_review or {}).get("documents") or [])
    members |= {pk for pk in submission.attachments.values_list("document_id", flat=True) if pk}
    rows = [row for row in page.attachments.all() if row.document_id and row.document_id not in members]
    alive = get_document_model().objects.in_bulk([row.document_id for row in rows])
    return [row for row in rows if row.document_id in alive]
