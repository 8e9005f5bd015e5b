"""The app's settings, each with its default: override any of them in hub/settings."""

from __future__ import annotations

import datetime

from django.conf import settings


def questions_per_day() -> int:
    """Questions one member may ask in any 24 hours, across all case studies."""
    return getattr(settings, "QUESTIONS_PER_DAY", 5)


def questions_per_page_per_hour() -> int:
    """Questions one member may ask about one case study in any hour."""
    return getattr(settings, "QUESTIONS_PER_PAGE_PER_HOUR", 1)


def question_max_length() -> int:
    return getattr(settings, "QUESTION_MAX_LENGTH", 2000)


def reply_max_length() -> int:
    return getattr(settings, "QUESTION_REPLY_MAX_LENGTH", 5000)


def reply_link_max_age() -> datetime.timedelta:
    """How long the link in the authors' email works."""
    return datetime.timedelta(days=getattr(settings, "QUESTION_REPLY_LINK_DAYS", 60))
