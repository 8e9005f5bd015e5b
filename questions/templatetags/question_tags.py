"""Template tags: the ask form on a case study page, and a member's own questions and answers."""

from __future__ import annotations

from typing import Any

from django import template

from ..forms import QuestionForm
from ..models import Question
from ..relay import can_ask

register = template.Library()


@register.inclusion_tag("questions/ask_section.html", takes_context=True)
def ask_question_form(context: template.Context, page) -> dict[str, Any]:
    """The "Ask the authors a question" section, for readers who may ask (never in previews)."""
    request = context.get("request")
    show = (
        bool(request)
        and not getattr(request, "is_preview", False)
        and page.owner_id != getattr(request.user, "pk", None)  # the author does not ask themselves
        and can_ask(request, page)
    )
    last = None
    if show:
        last = Question.objects.filter(asker=request.user, page=page).order_by("-created_at").first()
    return {
        "show": show,
        "case_study": page,
        "form": QuestionForm() if show else None,
        "last_question": last,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }


@register.inclusion_tag("questions/member_questions.html", takes_context=True)
def member_questions(context, user) -> dict[str, Any]:
    """The member's questions to case study authors, newest first, with any answers."""
    questions = []
    if getattr(user, "is_authenticated", False):
        questions = list(Question.objects.filter(asker=user).select_related("page").order_by("-created_at"))
    # The request goes with them: {% pageurl %} without one looks up the site's root paths once per page.
    return {"questions": questions, "request": context.get("request")}
