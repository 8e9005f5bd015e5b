"""The relay's emails: one task per email, queued after the commit, a failure for one recipient stays theirs."""

from __future__ import annotations

import logging

import pytest

from django.core import mail
from django.test import TestCase

from questions import relay, tasks
from tests.questions.conftest import CONTACTS, publish_case_study

pytestmark = pytest.mark.django_db

THIRD = {"name": "Kim Third", "role": "Analyst", "email": "kim.third@council.example.org"}


@pytest.fixture
def three_contacts(db):
    return publish_case_study(contacts=[("contact", contact) for contact in [*CONTACTS, THIRD]])


def _failing_for(address: str, real=tasks.send_templated_email):
    def send(template, context, to, **kwargs):
        if to == [address]:
            raise ConnectionError("SMTP went away")
        return real(template, context, to, **kwargs)

    return send


def test_a_failure_for_one_recipient_does_not_lose_the_others(three_contacts, asker, monkeypatch, caplog):
    monkeypatch.setattr(tasks, "send_templated_email", _failing_for(CONTACTS[1]["email"]))
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        question = relay.ask(asker, three_contacts, "How did you start?")
        tasks.queue_question(question)
        assert mail.outbox == [], "queued before the commit"
    assert len([c for c in callbacks if "queue_question" in c.__qualname__]) == 1  # one fan-out after commit
    assert sorted(m.to[0] for m in mail.outbox) == sorted([CONTACTS[0]["email"], THIRD["email"]])
    failures = [r for r in caplog.records if r.levelno == logging.ERROR and r.name == "questions.tasks"]
    assert [r.getMessage() for r in failures] == [f"Could not email question {question.pk} to recipient 1"]

    # Running the failed task again emails that recipient only.
    mail.outbox.clear()
    monkeypatch.setattr(tasks, "send_templated_email", _failing_for("nobody@example.org"))
    tasks.send_question_to.enqueue(question.pk, 1)
    assert [m.to for m in mail.outbox] == [[CONTACTS[1]["email"]]]


def test_the_answer_and_the_authors_copy_are_separate_tasks(three_contacts, asker, monkeypatch):
    question = relay.ask(asker, three_contacts, "How did you start?")
    assert relay.record_answer(question, CONTACTS[0], "With a market stall.")
    monkeypatch.setattr(tasks, "send_templated_email", _failing_for(asker.email))
    with TestCase.captureOnCommitCallbacks(execute=True):
        tasks.queue_answer(question)
    assert [m.to for m in mail.outbox] == [[CONTACTS[0]["email"]]], "the author's copy still went"


def test_tasks_queued_before_the_split_still_fan_out(three_contacts, asker):
    question = relay.ask(asker, three_contacts, "How did you start?")
    assert tasks.send_question.enqueue(question.pk).return_value == 3
    assert len(mail.outbox) == 3
