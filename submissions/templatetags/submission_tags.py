"""Template tags for the member's account page and the case-study index."""

from __future__ import annotations

from typing import Any

from django import template

from ..access import can_submit
from ..models import CaseStudySubmission

register = template.Library()


@register.inclusion_tag("submissions/includes/member_submissions.html", takes_context=True)
def member_submissions(context: dict[str, Any], user) -> dict[str, Any]:
    """The member's case studies with their status: {% member_submissions user %}."""

    request = context.get("request")
    submissions = list(CaseStudySubmission.objects.filter(owner=user)) if user.is_authenticated else []
    return {
        "submissions": submissions,
        "can_submit": can_submit(user, request) if user.is_authenticated else False,
    }


@register.simple_tag(takes_context=True)
def can_submit_case_study(context: dict[str, Any], user) -> bool:
    """{% can_submit_case_study request.user as can_share %}: may this reader share a case study?"""
    return can_submit(user, context.get("request"))
