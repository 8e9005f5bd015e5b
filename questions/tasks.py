"""The relay's emails, sent in the background (django-tasks; the test settings run them at once)."""

from __future__ import annotations

from django_tasks import task

from django.conf import settings

from members.emails import send_templated_email


def _context(question) -> dict:
    from .relay import asker_display

    name, organisation = asker_display(question)
    return {
        "question": question,
        "page": question.page,
        "page_url": f"{settings.WAGTAILADMIN_BASE_URL}{question.page.url}",
        "asker_name": name,
        "asker_organisation": organisation,
        "to_editors": question.routed_to == question.RoutedTo.EDITORS,
    }


@task()
def send_question(question_id: int) -> int:
    """Email the question to each recipient, each with their own reply link; never the asker's address."""
    from . import conf
    from .models import Question
    from .relay import reply_link

    question = Question.objects.select_related("page", "asker").filter(pk=question_id).first()
    if question is None:
        return 0
    context = _context(question)
    for index, recipient in enumerate(question.recipients):
        send_templated_email(
            "email/question_asked",
            {
                **context,
                "recipient_name": recipient.get("name", ""),
                "reply_url": f"{settings.WAGTAILADMIN_BASE_URL}{reply_link(question, index)}",
                "link_days": conf.reply_link_max_age().days,
            },
            [recipient["email"]],
        )
    return len(question.recipients)


@task()
def send_answer(question_id: int) -> None:
    """The answer to the asker (Reply-To: the author), and the author's copy (Reply-To: the asker)."""
    from .models import Question

    question = Question.objects.select_related("page", "asker").filter(pk=question_id).first()
    if question is None or not question.is_answered:
        return
    context = {
        **_context(question),
        "author_name": question.answered_by_name,
        "author_email": question.answered_by_email,
    }
    send_templated_email(
        "email/question_answer", context, [question.asker.email], reply_to=[question.answered_by_email]
    )
    send_templated_email(
        "email/question_answer_copy",
        {**context, "asker_email": question.asker.email},
        [question.answered_by_email],
        reply_to=[question.asker.email],
    )
