"""A mail server that is away does not break sign-up, and the verification email still goes, once (issue 13).

allauth sends account emails inside the request; the topology's load test stopped the SMTP server for 30 s
and sign-ups in that window answered 500 after creating the account, their verification never sent.
"""

import pytest

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils.module_loading import import_string

from members import tasks
from tests.members.conftest import links_in
from tests.members.test_journeys import signup_data

pytestmark = pytest.mark.django_db


class AwayFor(EmailBackend):
    """The in-memory backend, refusing the first ``failures`` sends as an unreachable server would."""

    failures = 0
    tried: list[str] = []  # the Message-ID of every message offered, refused or not

    def send_messages(self, messages):
        AwayFor.tried += [message.message()["Message-ID"] for message in messages]
        if AwayFor.failures > 0:
            AwayFor.failures -= 1
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)


@pytest.fixture
def mail_server_away(settings):
    # The class Django imports by this path: pytest may have imported this file under another name, and
    # failures set on that copy's class were never seen (the email simply went).
    settings.EMAIL_BACKEND = "tests.members.test_mail_outage.AwayFor"
    backend = import_string(settings.EMAIL_BACKEND)
    backend.tried = []
    yield backend
    backend.failures = 0


def test_signup_while_the_mail_server_is_away_succeeds_and_the_email_follows_once(client, mail_server_away):
    mail_server_away.failures = 2  # the request's try and the first queued try fail
    response = client.post("/accounts/signup/", signup_data("outage@example.org"))
    assert response.status_code == 302, "not a server error"
    assert mail_server_away.failures == 0, "both tries met the server away"
    (message,) = mail.outbox
    assert message.to == ["outage@example.org"]
    assert [p for p in links_in(message) if "/accounts/confirm-email/" in p]
    assert any(mime == "text/html" for _, mime in message.alternatives)
    # Every try was the same message: a copy the relay took without the sender hearing so (a worker killed
    # mid-send) is then one message in the reader's mailbox, not two (hub/mail.py).
    assert len(mail_server_away.tried) == 3 and len(set(mail_server_away.tried)) == 1
    assert message.message()["Message-ID"] == mail_server_away.tried[0]


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


def test_a_queued_email_keeps_its_secrets_out_of_the_task_table_and_the_logs(
    client, mail_server_away, monkeypatch, caplog
):
    """The task table is shown in the admin and copied by every backup: a confirmation link queued there
    could confirm or reset someone else's account. It is queued sealed, and logs name the domain only."""
    queued = []

    class Queue:  # the worker's queue: what it would store
        def get_backend(self):
            return type("Backend", (), {"supports_defer": False})()

        def enqueue(self, *args):
            queued.append(args)

    monkeypatch.setattr(tasks, "send_account_email", Queue())
    mail_server_away.failures = 1
    response = client.post("/accounts/signup/", signup_data("sealed@example.org"))
    assert response.status_code == 302
    ((sealed, attempt),) = queued
    assert "confirm-email" not in sealed and "sealed@example.org" not in sealed
    assert "sealed@example.org" not in caplog.text and "…@example.org" in caplog.text
    monkeypatch.undo()
    assert tasks.send_account_email.call(sealed, attempt) == "sent"  # what the worker does
    (message,) = mail.outbox
    assert message.to == ["sealed@example.org"] and [p for p in links_in(message) if "/accounts/confirm-email/" in p]


def test_an_email_sealed_under_another_key_is_dropped_not_sent(settings):
    sealed = tasks.seal(
        {
            "subject": "s",
            "body": "b",
            "from_email": "a@example.org",
            "to": ["x@example.org"],
            "headers": {},
            "alternatives": [],
        }
    )
    settings.SECRET_KEY = "another-key-" + "x" * 50
    assert tasks.send_account_email.call(sealed) == "unreadable"
    assert mail.outbox == []


def test_an_editors_decision_with_the_mail_server_away_is_saved_and_the_member_told_later(mail_server_away):
    """Status emails (a decision on an access request, a submission published…) go the same way: the editor's
    action succeeds, the member's email follows once the server is back, as the same message."""
    from django.test import Client

    from members.models import AccessRequest
    from tests.members.conftest import make_member

    member = make_member("decided@example.org")
    access = AccessRequest.objects.create(user=member, reason="Council officer")
    admin = make_member("deciding-editor@example.org")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    editor = Client(HTTP_HOST="localhost")
    editor.force_login(admin)
    mail.outbox.clear()
    mail_server_away.tried = []
    mail_server_away.failures = 1
    response = editor.post(
        f"/admin/access-requests/edit/{access.pk}/", {"status": "approved", "decision_note": "Welcome"}
    )
    assert response.status_code == 302, "not a server error"
    access.refresh_from_db()
    assert access.status == AccessRequest.Status.APPROVED
    (message,) = [m for m in mail.outbox if m.to == [member.email]]
    assert "Welcome" in message.body
    assert len(mail_server_away.tried) == 2 and len(set(mail_server_away.tried)) == 1


def test_a_queued_email_keeps_its_reply_to(mail_server_away):
    """A question's answer is sent Reply-To its author: a copy the worker sends later must be too (review)."""
    from members.emails import send_templated_email

    mail.outbox.clear()
    mail_server_away.failures = 1
    send_templated_email(
        "email/submission_published",
        {"name": "Asker", "title": "A case study", "page_url": "http://localhost/x/", "status_url": ""},
        ["asker@example.org"],
        reply_to=["author@council.example.org"],
    )
    (message,) = mail.outbox
    assert message.reply_to == ["author@council.example.org"]
    assert message.message()["Reply-To"] == "author@council.example.org"
