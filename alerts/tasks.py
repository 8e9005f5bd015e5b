"""Alert work done by the worker: announcing a page, sending each delivery, weekly digests, retries.

Every step is safe to repeat. A delivery is claimed (status "sending" with a 15-minute lease)
before its send task is queued, so two workers cannot both send it and the clock does not queue
it again while it waits; a worker that dies leaves the lease to expire and the clock claims and
queues it again. Unsubscribing or losing access cancels it, which the send task checks first.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Min, Q
from django.utils import timezone

from .models import AlertSettings, Delivery, Frequency

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=15)
CLAIMABLE = Q(status=Delivery.Status.PENDING) | Q(status=Delivery.Status.FAILED) | Q(status=Delivery.Status.SENDING)


def claim(queryset) -> list[int]:
    """Take the due deliveries in ``queryset`` (pending, failed past back-off, or sending past lease)."""
    now = timezone.now()
    ids = list(queryset.filter(CLAIMABLE, next_attempt_at__lte=now).values_list("pk", flat=True))
    claimed = []
    for pk in ids:  # one conditional update each: whoever flips the row owns it
        if Delivery.objects.filter(CLAIMABLE, pk=pk, next_attempt_at__lte=now).update(
            status=Delivery.Status.SENDING, next_attempt_at=now + LEASE
        ):
            claimed.append(pk)
    return claimed


def queue_immediate(queryset) -> int:
    """Claim the due immediate deliveries and queue one send task each."""
    ids = claim(queryset.filter(digest=False))
    for pk in ids:
        send_delivery.enqueue(pk)
    return len(ids)


def still_wanted(delivery: Delivery) -> bool:
    """Unsubscribed, deactivated, page gone or access lost since the announcement: send nothing."""
    from .announce import is_public, readers_among

    page = delivery.announcement.page.specific
    if not page.live:
        return False
    if delivery.subscription_id:
        return delivery.subscription.is_active and is_public(page)
    user = delivery.user
    return bool(user and user.is_active and readers_among(page, {user.pk: user}))


@task()
def announce_page(page_id: int) -> int:
    """Announce a page if it is news and has not been announced; queue the immediate deliveries."""
    from wagtail.models import Page

    from .announce import announce

    page = Page.objects.filter(pk=page_id).first()
    announcement = announce(page) if page else None
    if announcement is None:
        return 0
    queue_immediate(announcement.deliveries.all())
    return announcement.recipients


@task()
def send_delivery(delivery_id: int) -> str:
    from .emails import alert_message

    delivery = (
        Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.SENDING, digest=False)
        .select_related("announcement__page", "user", "subscription")
        .first()
    )
    if delivery is None:
        return "not claimed (sent, cancelled or taken by another worker)"
    if not still_wanted(delivery):
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.CANCELLED)
        return "cancelled"
    try:
        alert_message(delivery).send()
    except Exception as error:  # noqa: BLE001 - any mail failure is retried later, and shown in the admin
        logger.warning("Alert to delivery %s failed: %s", delivery.pk, error)
        delivery.record_failure(error)
        return "failed"
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENT, sent_at=timezone.now(), last_error="")
    return "sent"


@task()
def send_digest(user_id: int, delivery_ids: list[int]) -> str:
    from .emails import digest_message

    deliveries = list(
        Delivery.objects.filter(pk__in=delivery_ids, user_id=user_id, digest=True, status=Delivery.Status.SENDING)
        .select_related("announcement__page", "user")
        .order_by("created_at")
    )
    if not deliveries:
        return "nothing claimed"
    wanted = [delivery for delivery in deliveries if still_wanted(delivery)]
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries if d not in wanted]).update(
        status=Delivery.Status.CANCELLED
    )
    if not wanted:
        return "cancelled"
    user = get_user_model().objects.get(pk=user_id)
    try:
        digest_message(user, wanted).send()
    except Exception as error:  # noqa: BLE001 - retried with the rest of the digest
        logger.warning("Digest for user %s failed: %s", user_id, error)
        for delivery in wanted:
            delivery.record_failure(error)
        return "failed"
    now = timezone.now()
    Delivery.objects.filter(pk__in=[d.pk for d in wanted]).update(
        status=Delivery.Status.SENT, sent_at=now, last_error=""
    )
    AlertSettings.objects.update_or_create(user=user, defaults={"last_digest_at": now})
    return "sent"


def queue_digest(user_id: int, queryset) -> None:
    ids = claim(queryset.filter(user_id=user_id, digest=True))
    if ids:
        send_digest.enqueue(user_id, ids)


@task()
def send_confirmation(subscription_id: int) -> str:
    """The double opt-in email; a failure is logged and the person can ask again after 10 minutes."""
    from .emails import confirmation_message
    from .models import EmailSubscription

    subscription = EmailSubscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.is_active:
        return "already confirmed"
    confirmation_message(subscription).send()
    return "sent"


# The worker's clock (hub.periodic) runs these every minute or so.


def announce_due_papers() -> None:
    """Papers whose release date has come while already live (no publish event) are announced too."""
    from content.papers.models import PaperPage

    from .models import Announcement

    today = timezone.localdate()
    due = (
        PaperPage.objects.live()
        .filter(release_date__lte=today, release_date__gte=today - timedelta(days=settings.ALERTS_LOOKBACK_DAYS))
        .exclude(pk__in=Announcement.objects.values("page_id"))
    )
    for pk in due.values_list("pk", flat=True):
        announce_page.call(pk)  # here and now: announcing is quick, the sends are queued


def announce_missed_pages() -> None:
    """Posts and case studies published recently whose announcement never ran (a worker or web process
    died between the publish and the task): announced now, once, like any other."""
    from content.blog.models import BlogPage
    from content.case_studies.models import CaseStudyPage

    from .models import Announcement

    now = timezone.now()
    window = {
        "first_published_at__gte": now - timedelta(days=settings.ALERTS_LOOKBACK_DAYS),
        "first_published_at__lte": now - timedelta(minutes=5),  # leave the normal path its time
    }
    announced = Announcement.objects.values("page_id")
    for model in (BlogPage, CaseStudyPage):
        for pk in model.objects.live().filter(**window).exclude(pk__in=announced).values_list("pk", flat=True):
            announce_page.call(pk)


def send_due_digests() -> None:
    """A weekly member's digest goes when a week has passed since their last one (or their first item)."""
    week_ago = timezone.now() - timedelta(days=7)
    pending = Delivery.objects.filter(digest=True, status=Delivery.Status.PENDING)
    last = dict(AlertSettings.objects.filter(frequency=Frequency.WEEKLY).values_list("user_id", "last_digest_at"))
    for row in pending.values("user_id").annotate(oldest=Min("created_at")):
        if (last.get(row["user_id"]) or row["oldest"]) <= week_ago:
            queue_digest(row["user_id"], pending)


def retry_failed_deliveries() -> None:
    """Failed sends past their back-off, sends whose worker died (lease expired), and any left pending."""
    waiting = Delivery.objects.exclude(status=Delivery.Status.PENDING, digest=True)
    queue_immediate(waiting)
    stuck_digests = waiting.filter(digest=True, next_attempt_at__lte=timezone.now())
    for user_id in set(stuck_digests.filter(CLAIMABLE).values_list("user_id", flat=True)):
        queue_digest(user_id, waiting)
