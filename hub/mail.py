"""Sending one email so that a retry cannot make it two.

An SMTP client cannot know whether a message whose "250 accepted" it never read was delivered: a worker
killed between the relay's acceptance and recording "sent" sends it again (issue 13's load test received one
alert twice). Two things keep that from reaching the reader:

- ``message_id(key)``: a message sent again carries the Message-ID it had the first time (RFC 5322: one
  message, one identifier), so mail services and clients that hold it already show it once;
- ``send(message, accepted=...)``: the outcome is recorded the moment the relay accepts the message, before
  the connection's goodbye (QUIT) rather than after it, which leaves the gap as short as it can be.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import DNS_NAME, make_msgid


def domain() -> str:
    return urlsplit(settings.WAGTAILADMIN_BASE_URL or "").hostname or str(DNS_NAME)


def message_id(key: str | None = None) -> str:
    """``<key@domain>`` for a message identified by what it is (an alert delivery), else a fresh one."""
    return f"<{key}@{domain()}>" if key else make_msgid(domain=domain())


def send(message: EmailMessage, accepted: Callable[[], object] | None = None) -> None:
    """Send one message; ``accepted`` runs as soon as the mail server has taken it (errors propagate)."""
    connection = message.get_connection()
    opened = connection.open()
    try:
        connection.send_messages([message])
        if accepted is not None:
            accepted()
    finally:
        if opened:
            connection.close()
