"""Alert work done by the worker: announcing a page, sending each delivery, weekly digests, retries.

Every step is safe to repeat. A delivery is claimed (status "sending" with a 15-minute lease)
before its email goes out, so two workers cannot both send it; a worker that dies mid-send leaves
the lease to expire and the clock retries it.
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
RETRYABLE = Q(status=Delivery.Status.PENDING) | Q(status=Delivery.Status.FAILED) | Q(status=Delivery.Status.SENDING)


def _claim(queryset) -> list[int]:
    """Take the due deliveries in ``queryset`` for this worker; returns the ids it got."""
    now = timezone.now()
    ids = list(queryset.filter(RETRYABLE, next_attempt_at__lte=now).values_list("pk", flat=True))
    claimed = []
    for pk in ids:  # one conditional update each: whoever flips the row owns it
        if Delivery.objects.filter(RETRYABLE, pk=pk, next_attempt_at__lte=now).update(
            status=Delivery.Status.SENDING, next_attempt_at=now + LEASE
        ):
            claimed.append(pk)
    return claimed


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
    """Announce a page if it is news and has not been announced; send the immediate deliveries."""
    from wagtail.models import Page

    from .announce import announce

    page = Page.objects.filter(pk=page_id).first()
    announcement = announce(page) if page else None
    if announcement is None:
        return 0
    for pk in announcement.deliveries.filter(digest=False).values_list("pk", flat=True):
        send_delivery.enqueue(pk)
    return announcement.recipients


@task()
def send_delivery(delivery_id: int) -> str:
    from .emails import alert_message

    if not _claim(Delivery.objects.filter(pk=delivery_id, digest=False)):
        return "not due"
    delivery = Delivery.objects.select_related("announcement__page", "user", "subscription").get(pk=delivery_id)
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
def send_digest(user_id: int) -> str:
    from .emails import digest_message

    claimed = _claim(Delivery.objects.filter(user_id=user_id, digest=True))
    if not claimed:
        return "nothing due"
    user = get_user_model().objects.get(pk=user_id)
    deliveries = list(
        Delivery.objects.filter(pk__in=claimed).select_related("announcement__page", "user").order_by("created_at")
    )
    wanted = [delivery for delivery in deliveries if still_wanted(delivery)]
    unwanted = [delivery.pk for delivery in deliveries if delivery not in wanted]
    Delivery.objects.filter(pk__in=unwanted).update(status=Delivery.Status.CANCELLED)
    if not wanted:
        return "cancelled"
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
        announce_page.enqueue(pk)


def send_due_digests() -> None:
    """A weekly member's digest goes when a week has passed since their last one (or their first item)."""
    week_ago = timezone.now() - timedelta(days=7)
    pending = (
        Delivery.objects.filter(digest=True, status=Delivery.Status.PENDING)
        .values("user_id")
        .annotate(oldest=Min("created_at"))
    )
    last = dict(AlertSettings.objects.filter(frequency=Frequency.WEEKLY).values_list("user_id", "last_digest_at"))
    for row in pending:
        last_digest = last.get(row["user_id"])
        if (last_digest or row["oldest"]) <= week_ago:
            send_digest.enqueue(row["user_id"])


def retry_failed_deliveries() -> None:
    """Failed sends whose back-off has passed, and sends whose worker died mid-way (lease expired)."""
    now = timezone.now()
    stuck = Delivery.objects.filter(
        Q(status=Delivery.Status.FAILED) | Q(status=Delivery.Status.SENDING), next_attempt_at__lte=now
    )
    for pk, digest, user_id in stuck.values_list("pk", "digest", "user_id"):
        if digest:
            send_digest.enqueue(user_id)
        else:
            send_delivery.enqueue(pk)
