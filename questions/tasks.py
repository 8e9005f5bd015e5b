"""The relay's emails, sent in the background (django-tasks; the test settings run them at once).

One task sends one email: a failure for one recipient neither stops the others nor, when retried,
sends again to those already emailed. Views queue them with queue_question / queue_answer, which wait
for the transaction to commit (a question that is rolled back emails nobody).
"""

from __future__ import annotations

import logging

from django_tasks import task

from django.conf import settings
from django.db import transaction

from members.emails import send_templated_email

from . import conf
from .models import Question
from .relay import asker_display, reply_link

logger = logging.getLogger(__name__)


def _context(question) -> dict:
    name, organisation = asker_display(question)
    return {
        "question": question,
        "page": question.page,
        "page_url": f"{settings.WAGTAILADMIN_BASE_URL}{question.page.url}",
        "asker_name": name,
        "asker_organisation": organisation,
        "to_editors": question.routed_to == question.RoutedTo.EDITORS,
    }


def _question(question_id: int):
    return Question.objects.select_related("page", "asker").filter(pk=question_id).first()


def _enqueue(task_, *args) -> None:
    try:
        task_.enqueue(*args)
    except Exception:  # noqa: BLE001 - one recipient's queueing must not stop the next one's
        logger.exception("Could not queue %s%r", task_.name, args)


def queue_question(question) -> None:
    """After the commit: one task per recipient."""
    question_id, count = question.pk, len(question.recipients)

    def fan_out() -> None:
        for index in range(count):
            _enqueue(send_question_to, question_id, index)

    transaction.on_commit(fan_out)


def queue_answer(question) -> None:
    """After the commit: the answer to the asker and the author's copy, as two tasks."""
    question_id = question.pk

    def fan_out() -> None:
        _enqueue(send_answer_to_asker, question_id)
        _enqueue(send_answer_copy, question_id)

    transaction.on_commit(fan_out)


@task()
def send_question_to(question_id: int, recipient_index: int) -> bool:
    """Email the question to one recipient, with their own reply link; never the asker's address."""

    question = _question(question_id)
    if question is None or not 0 <= recipient_index < len(question.recipients):
        return False
    recipient = question.recipients[recipient_index]
    try:
        send_templated_email(
            "email/question_asked",
            {
                **_context(question),
                "recipient_name": recipient.get("name", ""),
                "reply_url": f"{settings.WAGTAILADMIN_BASE_URL}{reply_link(question, recipient_index)}",
                "link_days": conf.reply_link_max_age().days,
            },
            [recipient["email"]],
        )
    except Exception:
        logger.exception("Could not email question %s to recipient %s", question_id, recipient_index)
        raise
    return True


@task()
def send_question(question_id: int) -> int:
    """Fan out: one send_question_to task per recipient (kept for tasks queued before the split)."""
    question = _question(question_id)
    if question is None:
        return 0
    for index in range(len(question.recipients)):
        _enqueue(send_question_to, question.pk, index)
    return len(question.recipients)


def _answer_context(question) -> dict | None:
    if question is None or not question.is_answered:
        return None
    return {
        **_context(question),
        "author_name": question.answered_by_name,
        "author_email": question.answered_by_email,
    }


@task()
def send_answer_to_asker(question_id: int) -> bool:
    """The answer to the asker, Reply-To the author."""
    question = _question(question_id)
    context = _answer_context(question)
    if context is None:
        return False
    try:
        send_templated_email(
            "email/question_answer", context, [question.asker.email], reply_to=[question.answered_by_email]
        )
    except Exception:
        logger.exception("Could not email the answer to question %s to its asker", question_id)
        raise
    return True


@task()
def send_answer_copy(question_id: int) -> bool:
    """The author's copy, with the asker's address, Reply-To the asker."""
    question = _question(question_id)
    context = _answer_context(question)
    if context is None:
        return False
    try:
        send_templated_email(
            "email/question_answer_copy",
            {**context, "asker_email": question.asker.email},
            [question.answered_by_email],
            reply_to=[question.asker.email],
        )
    except Exception:
        logger.exception("Could not email the author a copy of the answer to question %s", question_id)
        raise
    return True


@task()
def send_answer(question_id: int) -> None:
    """Fan out: the asker's email and the author's copy as two tasks (kept for tasks queued before the split)."""
    _enqueue(send_answer_to_asker, question_id)
    _enqueue(send_answer_copy, question_id)
