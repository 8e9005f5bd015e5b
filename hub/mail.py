"""Sending one email so that a retry rarely makes it two, and a second copy is recognisably the same.

Delivery is at-least-once: an SMTP client cannot know whether a message whose "250 accepted" it never read
was delivered, so a worker killed between the relay's acceptance and recording "sent" sends it again (issue
13's load test received one alert twice). Two things make that rare and mild:

- ``send(message, accepted=...)``: the outcome is recorded the moment the relay accepts the message, before
  the connection's goodbye (QUIT) rather than after it, which leaves the gap as short as it can be;
- ``message_id(key)``: a message sent again carries the Message-ID it had the first time (RFC 5322: one
  message, one identifier). Services that de-duplicate by it (Gmail) show it once; other clients show both.
  The identifier is keyed with SECRET_KEY, so it reveals no counts and two sites never share one.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import DNS_NAME, make_msgid


def domain() -> str:
    """The sender's domain (DEFAULT_FROM_EMAIL), as mail services expect of a Message-ID."""
    address = settings.DEFAULT_FROM_EMAIL.rpartition("<")[2].rstrip(">").strip()
    return address.rpartition("@")[2] or str(DNS_NAME)


def message_id(key: str | None = None) -> str:
    """The same identifier for a message identified by what it is (an alert delivery), else a fresh one."""
    if not key:
        return make_msgid(domain=domain())
    digest = hmac.new(settings.SECRET_KEY.encode(), f"hub.mail:{key}".encode(), hashlib.sha256).hexdigest()
    return f"<{digest[:32]}@{domain()}>"


def send(message: EmailMessage, accepted: Callable[[], object] | None = None) -> None:
    """Send one message; ``accepted`` runs as soon as the mail server has taken it (errors propagate)."""
    connection = message.get_connection()
    opened = connection.open()
    try:
        sent = connection.send_messages([message])
        if sent and accepted is not None:
            accepted()
    finally:
        if opened:
            connection.close()
