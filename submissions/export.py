"""The member's case-study submissions for their data export (members.views.export adds them under one key)."""

from __future__ import annotations

import datetime
from typing import Any

from .forms import STEPS_BY_SLUG
from .models import CaseStudySubmission

FORMSET_MANAGEMENT = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")


def _when(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _typed(data: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, Any]]:
    """Each step's fields as the member typed them, under the step's title; one value as itself."""
    steps = {}
    for slug, fields in (data or {}).items():
        step = STEPS_BY_SLUG.get(slug)
        typed = {
            name: values[0] if len(values) == 1 else values
            for name, values in (fields or {}).items()
            if not name.endswith(FORMSET_MANAGEMENT)
        }
        steps[step.title if step else slug] = typed
    return steps


def submissions_for_export(user) -> list[dict[str, Any]]:
    """Every case study the member started: its title, status, dates, what they typed and their files' names.

    JSON-able as it is (dates as ISO 8601 strings). The editor's comment is included: it was written to
    the member. The files themselves are not: the member can download them from their status page.
    """
    submissions = CaseStudySubmission.objects.filter(owner=user).prefetch_related("attachments").order_by("created_at")
    return [
        {
            "title": submission.title,
            "status": submission.get_status_display(),
            "created_at": _when(submission.created_at),
            "updated_at": _when(submission.updated_at),
            "submitted_at": _when(submission.submitted_at),
            "editor_comment": submission.editor_comment,
            "steps": _typed(submission.data),
            "attachments": [attachment.original_name for attachment in submission.attachments.all()],
        }
        for submission in submissions
    ]
