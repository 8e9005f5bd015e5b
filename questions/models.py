"""A member's question to a case study's authors, relayed by email, and the authors' answer.

Addresses stay private until an author answers: the authors' email shows the asker's name and
organisation only; the answer goes to the asker with the author's address as Reply-To, and the
author gets a copy with the asker's address. The rules (who may ask, limits, links) are in relay.py.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Question(models.Model):
    class RoutedTo(models.TextChoices):
        CONTACTS = "contacts", "The case study's contacts"
        EDITORS = "editors", "Editors (no contact on the page)"

    page = models.ForeignKey("case_studies.CaseStudyPage", on_delete=models.CASCADE, related_name="questions")
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_study_questions")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Random and unique; the reply link carries it signed with an expiry (questions.relay).
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    routed_to = models.CharField(max_length=20, choices=RoutedTo.choices, default=RoutedTo.CONTACTS)
    # Who the question was emailed to, in order: [{"name": ..., "email": ...}]; each reply link names one.
    recipients = models.JSONField(default=list, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    reply = models.TextField(blank=True)
    answered_by_name = models.CharField(max_length=200, blank=True)
    answered_by_email = models.EmailField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        default_permissions = ("view",)  # read-only in the admin: nobody edits members' messages
        indexes = [models.Index(fields=["asker", "created_at"], name="question_asker_created")]

    def __str__(self) -> str:
        return f"Question about {self.page.title} ({self.created_at:%Y-%m-%d})"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
