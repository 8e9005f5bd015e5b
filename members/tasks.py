"""Emails to members (sign-up verification, password reset, decisions on their submissions and requests…) that
could not be sent at once, retried by the worker with a back-off: a mail server away never fails the request or
task that sends, nor loses the email.

A queued email holds secrets (a confirmation key, a password-reset link, a sign-in code) and waits in the
task table, which the admin's task pages show and every database backup copies. It is queued sealed
(Fernet: encrypted and authenticated, with a key derived from SECRET_KEY, which neither holds), and logs
name only the recipient's domain.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import smtplib
from datetime import timedelta

from cryptography.fernet import Fernet, InvalidToken
from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from hub.mail import message_id

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8  # then 30 s, 30 s, 1, 2, 4, 8, 10 minutes apart: about half an hour of outage


def as_data(message: EmailMultiAlternatives) -> dict:
    """A message as JSON-safe data, for the task queue: everything but attachments, which none of these has."""
    if message.attachments:
        raise ValueError("An email with attachments cannot be queued as data")
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),  # a question's answer is replied to its author, not to the hub
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


def _fernet() -> Fernet:
    key = hashlib.sha256(b"hub.members.tasks account email queue:" + settings.SECRET_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal(data: dict) -> str:
    return _fernet().encrypt(json.dumps(data).encode()).decode()


def unseal(sealed: str) -> dict:
    return json.loads(_fernet().decrypt(sealed.encode()))


def recipients(data: dict) -> str:
    """Who an email is for, as the logs may say it: the domains only."""
    return ", ".join("…@" + address.rpartition("@")[2] for address in data["to"])


def send_or_queue(message: EmailMultiAlternatives) -> None:
    """Send now; if the mail server cannot take it (down, refusing), the worker tries again later.

    The message's Message-ID is fixed first, so every try is the same message (hub.mail).
    """
    message.extra_headers.setdefault("Message-ID", message_id())
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        data = as_data(message)
        logger.warning("Email to %s queued for the worker: %s", recipients(data), error)
        retry_later(data, 1)


def retry_later(data: dict, attempt: int) -> None:
    """Queue the next try, sealed; on a queue that can wait (the worker's), after a back-off."""
    if attempt > MAX_ATTEMPTS:
        logger.error("Gave up sending an account email to %s after %s attempts", recipients(data), MAX_ATTEMPTS)
        return
    queued = send_account_email
    if queued.get_backend().supports_defer:
        delay = min(30 * 2 ** (attempt - 2), 600) if attempt > 1 else 30
        queued = queued.using(run_after=timezone.now() + timedelta(seconds=delay))
    queued.enqueue(seal(data), attempt)


@task()
def send_account_email(sealed: str, attempt: int = 1) -> str:
    try:
        data = unseal(sealed)
    except InvalidToken:  # sealed under another SECRET_KEY: it cannot be read, nor sent
        logger.error("A queued account email could not be unsealed (SECRET_KEY changed?): dropped")
        return "unreadable"
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data.get("cc", []),
        bcc=data.get("bcc", []),
        reply_to=data.get("reply_to", []),
        headers=data["headers"],
        alternatives=[tuple(item) for item in data["alternatives"]],
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Account email to %s failed (attempt %s): %s", recipients(data), attempt, error)
        retry_later(data, attempt + 1)
        return "retrying"
    return "sent"
