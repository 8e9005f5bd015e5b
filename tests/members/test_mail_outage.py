"""A mail server that is away does not break sign-up, and the verification email still goes, once (issue 13).

allauth sends account emails inside the request; the topology's load test stopped the SMTP server for 30 s
and sign-ups in that window answered 500 after creating the account, their verification never sent.
"""

import pytest

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from members import tasks
from tests.members.conftest import links_in
from tests.members.test_journeys import signup_data

pytestmark = pytest.mark.django_db


class AwayFor(EmailBackend):
    """The in-memory backend, refusing the first ``failures`` sends as an unreachable server would."""

    failures = 0

    def send_messages(self, messages):
        if AwayFor.failures > 0:
            AwayFor.failures -= 1
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)


@pytest.fixture
def mail_server_away(settings):
    settings.EMAIL_BACKEND = "tests.members.test_mail_outage.AwayFor"
    yield AwayFor
    AwayFor.failures = 0


def test_signup_while_the_mail_server_is_away_succeeds_and_the_email_follows_once(client, mail_server_away):
    mail_server_away.failures = 2  # the request's try and the first queued try fail
    response = client.post("/accounts/signup/", signup_data("outage@example.org"))
    assert response.status_code == 302, "not a server error"
    (message,) = mail.outbox
    assert message.to == ["outage@example.org"]
    assert [p for p in links_in(message) if "/accounts/confirm-email/" in p]
    assert any(mime == "text/html" for _, mime in message.alternatives)


def test_the_queued_email_is_retried_later_on_a_queue_that_can_wait(monkeypatch):
    """On the worker's queue each retry waits (a back-off), and after the last attempt nothing is queued."""
    queued = []

    class Queue:
        run_after = None

        def get_backend(self):
            return type("Backend", (), {"supports_defer": True})()

        def using(self, run_after=None):
            later = Queue()
            later.run_after = run_after
            return later

        def enqueue(self, data, attempt):
            queued.append((self.run_after, attempt))

    monkeypatch.setattr(tasks, "send_account_email", Queue())
    data = {"subject": "s", "body": "b", "from_email": "a@example.org", "to": ["x@example.org"], "headers": {}}
    tasks.retry_later({**data, "alternatives": []}, 2)
    tasks.retry_later({**data, "alternatives": []}, tasks.MAX_ATTEMPTS + 1)
    ((run_after, attempt),) = queued
    assert attempt == 2 and run_after is not None
