"""Deciding who hears about a newly published page, once.

``announce(page)`` is idempotent: the first call creates the page's Announcement and one Delivery
per address; every later call (a re-publish, a second worker, the clock) finds the announcement and
does nothing. Recipients are only people who may read the whole page: member-only case studies go
to followers in the page's audience, never to email subscribers or other members.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from allauth.account.models import EmailAddress

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from wagtail.models import Page

from content.case_studies.models import CaseStudyPage
from content.core.models import BasePage
from content.core.privacy import passes
from content.papers.models import PaperPage
from members.models import MemberProfile

from .models import AUTHORITY_KINDS, AlertSettings, Announcement, Delivery, EmailSubscription, Follow, Frequency

logger = logging.getLogger(__name__)


def is_news(page: Page) -> bool:
    """Is this live page something to announce now? The page type says when it is news (BasePage.is_news)."""
    lookback = timedelta(days=settings.ALERTS_LOOKBACK_DAYS)
    return page.live and isinstance(page, BasePage) and page.is_news(lookback)


def _verified_members(user_ids: set[int]) -> dict[int, object]:
    """Active members with a verified primary address, by id."""
    verified = set(
        EmailAddress.objects.filter(user_id__in=user_ids, verified=True, primary=True).values_list(
            "user_id", flat=True
        )
    )
    users = get_user_model().objects.filter(pk__in=verified, is_active=True, member_profile__isnull=False)
    return {user.pk: user for user in users}


def readers_among(page: Page, users: dict[int, object]) -> dict[int, object]:
    """The users who may read the whole page, in two queries however many there are."""
    restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
    if not restrictions:
        return users
    memberships: dict[int, set[int]] = {}
    for user_id, group_id in (
        get_user_model().groups.through.objects.filter(user_id__in=users).values_list("user_id", "group_id")
    ):
        memberships.setdefault(user_id, set()).add(group_id)

    def reads(user) -> bool:
        return all(passes(r, user, lambda: memberships.get(user.pk, set())) for r in restrictions)

    return {user_id: user for user_id, user in users.items() if reads(user)}


def is_public(page: Page) -> bool:
    return not page.get_view_restrictions().exists()


def member_reasons(page: Page) -> dict[int, str]:
    """Members who asked to hear about this page, with the first reason that applies to each."""

    reasons: dict[int, str] = {}

    def add(user_ids, reason: str) -> None:
        for user_id in user_ids:
            reasons.setdefault(user_id, reason)

    topics = list(page.topics.all()) if hasattr(page, "topics") else []
    if isinstance(page, PaperPage):
        series = page.get_parent().specific
        add(
            Follow.objects.filter(series=series).values_list("user_id", flat=True),
            f"You follow the series {series.title}.",
        )
        add(
            MemberProfile.objects.filter(release_alerts=True).values_list("user_id", flat=True),
            "You asked to hear when a new paper is released.",
        )
    if isinstance(page, CaseStudyPage) and page.local_authority_id:
        kind = page.local_authority.kind
        add(
            Follow.objects.filter(authority_kind=kind).values_list("user_id", flat=True),
            f"You follow case studies from {AUTHORITY_KINDS.get(kind, kind).lower()}.",
        )
    for user_id, topic_name in Follow.objects.filter(topic__in=topics).values_list("user_id", "topic__name"):
        reasons.setdefault(user_id, f"You follow the topic {topic_name}.")
    return reasons


@transaction.atomic
def announce(page: Page) -> Announcement | None:
    """Create the page's announcement and its deliveries, unless it has one. Returns it if created now."""

    page = page.specific
    if not is_news(page) or Announcement.objects.filter(page=page).exists():
        return None
    reasons = member_reasons(page)
    members = _verified_members(set(reasons))
    # Only people who may read the whole page hear about it (member-only case studies stay member-only).
    readers = readers_among(page, members)
    digest_users = set(
        AlertSettings.objects.filter(user_id__in=readers, frequency=Frequency.WEEKLY).values_list("user_id", flat=True)
    )
    try:
        with transaction.atomic():
            announcement = Announcement.objects.create(page=page)
    except IntegrityError:
        # Only this conflict means "already announced" (another worker got there first).
        logger.info("Page %s was announced by another worker", page.pk)
        return None
    return _fan_out(page, announcement, readers, reasons, digest_users)


def _fan_out(page, announcement, readers, reasons, digest_users) -> Announcement:
    """The deliveries are created with the announcement or not at all (announce() is atomic)."""
    deliveries: dict[str, Delivery] = {}
    for user_id, user in readers.items():
        # Two accounts may share an address (different case): one email to it, not a failed announcement.
        deliveries.setdefault(
            user.email.lower(),
            Delivery(
                announcement=announcement,
                email=user.email.lower(),
                user=user,
                reason=reasons[user_id],
                digest=user_id in digest_users,
            ),
        )
    if isinstance(page, PaperPage) and is_public(page):
        for subscription in EmailSubscription.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True):
            deliveries.setdefault(
                subscription.email.lower(),
                Delivery(
                    announcement=announcement,
                    email=subscription.email.lower(),
                    subscription=subscription,
                    reason="You subscribed to release announcements.",
                ),
            )
    Delivery.objects.bulk_create(deliveries.values())
    announcement.recipients = len(deliveries)
    announcement.save(update_fields=["recipients"])
    return announcement
