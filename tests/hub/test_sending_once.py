"""An email sent again after a failure is the same message, recorded as sent the moment the relay takes it.

Issue 13's load test received an alert twice: its worker was killed after the SMTP server had accepted the
message and before "sent" was recorded. The relay here is a real SMTP server (aiosmtpd, in-process).
"""

import datetime
import socket

import pytest
from aiosmtpd.controller import Controller

from django.core import mail as outbox
from django.core.mail import EmailMessage
from django.utils import timezone

from alerts.announce import announce
from alerts.models import Announcement, Delivery, Follow
from alerts.tasks import claim, send_delivery
from content.papers.models import PaperSeriesPage
from hub import mail
from tests.factories import PaperPageFactory
from tests.members.conftest import make_member


class Relay:
    def __init__(self, answer: str = "250 OK"):
        self.answer = answer
        self.events: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook names
        self.events.append("data")
        return self.answer

    async def handle_QUIT(self, server, session, envelope):  # noqa: N802
        self.events.append("quit")
        return "221 Bye"


@pytest.fixture
def relay(settings):
    handler = Relay()
    with socket.socket() as probe:  # a free port (aiosmtpd's controller cannot be given port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield handler
    controller.stop()


def test_the_outcome_is_recorded_once_the_relay_accepts_and_before_goodbye(relay):
    seen = []
    mail.send(
        EmailMessage("Hello", "Body", "hello@example.org", ["reader@example.org"]),
        accepted=lambda: seen.append(list(relay.events)),
    )
    assert seen == [["data"]], "recorded after the relay's 250, before QUIT"
    assert relay.events == ["data", "quit"]


def test_a_refused_message_is_not_recorded_as_sent(relay):
    relay.answer = "554 Transaction failed"
    seen = []
    with pytest.raises(Exception, match="554"):
        mail.send(
            EmailMessage("Hello", "Body", "hello@example.org", ["reader@example.org"]), accepted=lambda: seen.append(1)
        )
    assert not seen


@pytest.mark.django_db
def test_an_alert_sent_again_after_its_worker_died_is_the_same_message():
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    member = make_member("twice@example.org")
    other = make_member("other@example.org")
    for user in (member, other):
        Follow.objects.create(user=user, series=series)
    paper = PaperPageFactory.build(title="Sent again", release_date=timezone.localdate())
    series.add_child(instance=paper)
    Announcement.objects.filter(page=paper).delete()
    outbox.outbox.clear()
    announce(paper)
    mine = Delivery.objects.filter(user=member)
    token, (pk,) = claim(mine)
    assert send_delivery.call(pk, token) == "sent"
    # The worker was killed after the relay accepted, before "sent" was written: the lease runs out.
    mine.update(status=Delivery.Status.SENDING, next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    token, _ = claim(mine)
    assert send_delivery.call(pk, token) == "sent"
    token, (other_pk,) = claim(Delivery.objects.filter(user=other))
    assert send_delivery.call(other_pk, token) == "sent"

    ids = [m.message()["Message-ID"] for m in outbox.outbox]
    first, again, others = ids
    assert first == again, "one message, whatever the number of copies: the reader's mail shows it once"
    assert others != first
