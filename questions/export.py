"""The member's questions for their data export (members.views.export adds them under one key)."""

from __future__ import annotations

from typing import Any

from .models import Question


def questions_for_export(user) -> list[dict[str, Any]]:
    """Each question the member asked, with any answer. The answering author's address is left out:
    it is the author's personal data, and the member already has it in the answer's Reply-To."""
    return [
        {
            "case_study": question.page.title,
            "asked_at": question.created_at,
            "question": question.text,
            "answered_at": question.answered_at,
            "answered_by": question.answered_by_name,
            "answer": question.reply,
        }
        for question in Question.objects.filter(asker=user).select_related("page").order_by("created_at")
    ]
