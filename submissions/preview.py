"""The preview is the real case-study template rendering an unsaved page built from the draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from content.case_studies.models import Audience, CaseStudyIndexPage, CaseStudyPage

from .models import CaseStudySubmission, SubmissionAttachment
from .moderation import apply_to_page


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
    """An unsaved CaseStudyPage placed (in memory only) under the index, as it will be on submission."""
    from django.utils import timezone

    page = submission.page.get_latest_revision_as_object() if submission.page else None
    if page is None:
        page = CaseStudyPage(published_date=timezone.localdate(), audience=Audience.MEMBERS)
        index = CaseStudyIndexPage.objects.first()
        if index is not None:
            page.depth = index.depth + 1
            page.path = index.path + "9999"  # never saved: only lets the template find its parent
    apply_to_page(page, cleaned)
    attachments = [
        PreviewAttachment(document=PreviewDocument(attachment), display_title=attachment.title)
        for attachment in submission.attachments.all()
    ]
    page.get_attachments = lambda: attachments
    return page
