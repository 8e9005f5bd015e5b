"""A member's case-study submission: a draft saved step by step, then a Wagtail page in moderation."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from members.tiers import LOCAL_GOVERNMENT_MEMBERS

from .storage import private_storage


@register_setting(icon="doc-full")
class SubmissionSettings(BaseSiteSetting):
    """Who may submit case studies from the site, besides local government members (who always may)."""

    further_groups = models.ManyToManyField(
        Group,
        blank=True,
        related_name="+",
        verbose_name="Further groups who may submit",
        help_text="Local government members can always submit case studies. Tick any other groups who may.",
    )

    panels = [FieldPanel("further_groups", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = "case study submissions"

    def allowed_group_names(self) -> set[str]:
        return {LOCAL_GOVERNMENT_MEMBERS, *self.further_groups.values_list("name", flat=True)}


class CaseStudySubmission(models.Model):
    """A member's case study, from first draft to publication.

    ``data`` holds each step's text fields exactly as the member last posted them (lists of values
    per field name), so any step can be shown again as typed; the page is built from it on submit.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted: in review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Review stopped"

    EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_study_submissions"
    )
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.DRAFT)
    data = models.JSONField(default=dict, blank=True)
    page = models.ForeignKey(
        "case_studies.CaseStudyPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    editor_comment = models.TextField(blank=True, help_text="The editor's comment when they asked for changes.")
    sent_for_review = models.JSONField(
        default=dict,
        blank=True,
        help_text=(
            "What the member last sent for review: each page field's value as applied, and the documents "
            "made from their files. A resubmission applies only what the member changed since, so "
            "editors' edits in between survive."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = "case study submission"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("submissions:status", args=[self.pk])

    @property
    def title(self) -> str:
        values = self.data.get("about", {}).get("title") or [""]
        return values[0].strip() or "Untitled case study"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    def touch(self) -> None:
        self.updated_at = timezone.now()


def attachment_path(instance: SubmissionAttachment, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    return f"submissions/{instance.submission_id}/{uuid.uuid4().hex}{suffix}"


class SubmissionAttachment(models.Model):
    """A file the member attached, kept privately; copied into a Wagtail document on submit."""

    submission = models.ForeignKey(CaseStudySubmission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=private_storage, max_length=255)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField()
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("submissions:attachment", args=[self.submission_id, self.pk])

    @property
    def title(self) -> str:
        return PurePath(self.original_name).stem.replace("_", " ").replace("-", " ").strip() or self.original_name

    @property
    def extension(self) -> str:
        return PurePath(self.original_name).suffix.lower().lstrip(".")
