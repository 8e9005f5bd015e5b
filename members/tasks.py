"""Account emails (sign-up verification, password reset…) that could not be sent at once, retried by the worker."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django_tasks import task

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8  # then 30 s, 30 s, 1, 2, 4, 8, 10 minutes apart: about half an hour of outage


def as_data(message: EmailMultiAlternatives) -> dict:
    """A message as JSON-safe data, for the task queue."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


def retry_later(data: dict, attempt: int) -> None:
    """Queue the next try; on a queue that can wait (the worker's), after a back-off."""
    if attempt > MAX_ATTEMPTS:
        logger.error("Gave up sending an account email to %s after %s attempts", data["to"], MAX_ATTEMPTS)
        return
    queued = send_account_email
    if queued.get_backend().supports_defer:
        delay = min(30 * 2 ** (attempt - 2), 600) if attempt > 1 else 30
        queued = queued.using(run_after=timezone.now() + timedelta(seconds=delay))
    queued.enqueue(data, attempt)


@task()
def send_account_email(data: dict, attempt: int = 1) -> str:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        headers=data["headers"],
        alternatives=[tuple(item) for item in data["alternatives"]],
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Account email to %s failed (attempt %s): %s", data["to"], attempt, error)
        retry_later(data, attempt + 1)
        return "retrying"
    return "sent"
