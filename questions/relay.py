"""The rules of the relay: who may ask, how often, who receives a question, and the signed reply links."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from content.case_studies.models import CaseStudyPage
from content.core.groups import EDITORIAL_GROUPS
from content.core.privacy import readable_by
from members.tiers import verified_email

from . import conf
from .models import Question

REPLY_SALT = "questions.reply"


def can_ask(request: HttpRequest, page: CaseStudyPage) -> bool:
    """A signed-in member with a verified address who may read the full case study (live pages only)."""
    user = request.user
    if not user.is_authenticated or not page.live or verified_email(user) is None:
        return False
    return readable_by([page], request).get(page.pk, False)


@dataclass(frozen=True)
class RateLimited:
    message: str
    retry_after: datetime.datetime


def check_rate_limit(user, page: CaseStudyPage, now: datetime.datetime | None = None) -> RateLimited | None:
    """Counted in the database, so the limits hold across app servers; None when the member may ask."""
    now = now or timezone.now()
    per_page = conf.questions_per_page_per_hour()
    recent_here = list(
        Question.objects.filter(asker=user, page=page, created_at__gt=now - datetime.timedelta(hours=1))
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:per_page]
    )
    if len(recent_here) >= per_page:
        retry = recent_here[-1] + datetime.timedelta(hours=1)
        if per_page == 1:
            limit = "You asked the authors of this case study a question less than an hour ago."
        else:
            limit = f"You have asked the authors of this case study {per_page} questions in the last hour."
        return RateLimited(f"{limit} You can ask them again after {_time(retry)}.", retry)
    per_day = conf.questions_per_day()
    recent = list(
        Question.objects.filter(asker=user, created_at__gt=now - datetime.timedelta(hours=24))
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:per_day]
    )
    if len(recent) >= per_day:
        retry = recent[-1] + datetime.timedelta(hours=24)
        return RateLimited(
            f"You have asked {per_day} questions in the last 24 hours, the most we allow. "
            f"You can ask another after {_time(retry)}.",
            retry,
        )
    return None


def _time(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local:%H:%M} on {local.day} {local:%B}"


def ask(user, page: CaseStudyPage, text: str) -> Question | RateLimited:
    """Record the question unless the member is over a limit.

    The member's row is locked while counting (PostgreSQL), so two requests at once on two
    servers cannot both slip under the limit.
    """
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        limited = check_rate_limit(user, page)
        if limited:
            return limited
        recipients, routed_to = recipients_for(page)
        return Question.objects.create(page=page, asker=user, text=text, recipients=recipients, routed_to=routed_to)


def recipients_for(page: CaseStudyPage) -> tuple[list[dict[str, str]], str]:
    """Every contact with an address on the page; with none, the site's editors, so nothing is lost."""
    recipients: list[dict[str, str]] = []
    seen: set[str] = set()
    for block in page.contacts:
        if block.block_type != "contact":
            continue
        email = (block.value.get("email") or "").strip()
        if email and email.lower() not in seen:
            seen.add(email.lower())
            recipients.append({"name": block.value.get("name") or "", "email": email})
    if recipients:
        return recipients, Question.RoutedTo.CONTACTS
    editors = (
        get_user_model()
        .objects.filter(groups__name__in=EDITORIAL_GROUPS, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    for editor in editors:
        if editor.email.lower() not in seen:
            seen.add(editor.email.lower())
            recipients.append({"name": editor.get_full_name(), "email": editor.email})
    return recipients, Question.RoutedTo.EDITORS


def asker_display(question: Question) -> tuple[str, str]:
    """The asker's name and organisation as the authors see them: never an email address."""
    profile = getattr(question.asker, "member_profile", None)
    name = (profile.full_name if profile else "") or question.asker.get_full_name()
    organisation = profile.organisation if profile else ""
    # A profile made from an address (members.views._profile) must not reveal it here.
    name = "" if "@" in name else name
    organisation = "" if "@" in (organisation or "") else organisation
    return name or "A member of the network", organisation or ""


# Reply links: the question's random token and which recipient, signed with a timestamp.


def reply_link(question: Question, recipient_index: int) -> str:
    signed = signing.dumps({"t": question.token, "r": recipient_index}, salt=REPLY_SALT, compress=True)
    return reverse("questions:reply", args=[signed])


def question_for_link(signed: str) -> tuple[Question, dict[str, str]] | None:
    """The question and the recipient a reply link was made for; None if forged, expired or gone."""
    try:
        data = signing.loads(signed, salt=REPLY_SALT, max_age=conf.reply_link_max_age())
        token, index = str(data["t"]), int(data["r"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    question = (
        Question.objects.select_related("page", "asker", "asker__member_profile__local_authority")
        .filter(token=token)
        .first()
    )
    if question is None or not 0 <= index < len(question.recipients):
        return None
    return question, question.recipients[index]


def record_answer(question: Question, recipient: dict[str, str], reply: str) -> bool:
    """Save the one answer; False when someone answered first (a single conditional update, race-free)."""
    now = timezone.now()
    updated = Question.objects.filter(pk=question.pk, answered_at__isnull=True).update(
        answered_at=now, reply=reply, answered_by_name=recipient.get("name", ""), answered_by_email=recipient["email"]
    )
    if updated:
        question.refresh_from_db()
    return bool(updated)
