"""Alert work done by the worker: announcing a page, sending each delivery, weekly digests, retries.

Every step is safe to repeat. A delivery is claimed (status "sending", a fresh token, a lease)
before its send task is queued, so the clock does not queue it again while it waits; the task
starts only if its token still holds, and records the outcome only while it does, so a delivery
claimed again after a lease ran out is never sent by both. A worker that dies leaves the lease to
expire and the clock claims it again (counted as a failed attempt). Unsubscribing or losing access
cancels it, which the task checks first.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Case, F, Min, PositiveSmallIntegerField, Q, When
from django.utils import timezone

from wagtail.models import Page

from content.blog.models import BlogPage
from content.case_studies.models import CaseStudyPage
from content.papers.models import PaperPage
from hub import mail

from .announce import announce, is_public, readers_among
from .emails import alert_message, confirmation_message, digest_message
from .models import AlertSettings, Announcement, Delivery, EmailSubscription, Frequency

logger = logging.getLogger(__name__)

# A claimed delivery waits in the queue up to QUEUED_LEASE; once its task starts, it has RUN_LEASE to send.
# Past either, the clock claims it again with a new token, and the old task (if it ever runs) does nothing.
QUEUED_LEASE = timedelta(hours=1)
RUN_LEASE = timedelta(minutes=10)
CLAIMABLE = Q(status=Delivery.Status.PENDING) | Q(status=Delivery.Status.FAILED) | Q(status=Delivery.Status.SENDING)


def claim(queryset) -> tuple[str, list[int]]:
    """Take the due deliveries in ``queryset`` (pending, failed past back-off, or sending past lease) in
    one conditional update, marked with a fresh token; returns the token and the ids taken."""
    now = timezone.now()
    due = queryset.filter(CLAIMABLE, next_attempt_at__lte=now)
    # A send whose worker died counts as a failed attempt, so a delivery that kills workers gives up.
    due.filter(status=Delivery.Status.SENDING, attempts__gte=settings.ALERTS_MAX_ATTEMPTS - 1).update(
        status=Delivery.Status.GAVE_UP, last_error="The worker stopped while sending, too many times."
    )
    token = uuid.uuid4().hex
    Delivery.objects.filter(pk__in=list(due.values_list("pk", flat=True))).filter(
        CLAIMABLE, next_attempt_at__lte=now
    ).update(
        attempts=Case(
            When(status=Delivery.Status.SENDING, then=F("attempts") + 1),
            default=F("attempts"),
            output_field=PositiveSmallIntegerField(),
        ),
        status=Delivery.Status.SENDING,
        claim_token=token,
        next_attempt_at=now + QUEUED_LEASE,
    )
    return token, list(Delivery.objects.filter(claim_token=token).values_list("pk", flat=True))


def start(queryset, token: str | None) -> bool:
    """The task begins: is its claim still good? Then it has RUN_LEASE to finish."""
    claimed = queryset.filter(status=Delivery.Status.SENDING)
    if token:
        claimed = claimed.filter(claim_token=token)
    return bool(claimed.update(next_attempt_at=timezone.now() + RUN_LEASE))


def queue_immediate(queryset) -> int:
    """Claim the due immediate deliveries and queue one send task each."""
    token, ids = claim(queryset.filter(digest=False))
    for pk in ids:
        send_delivery.enqueue(pk, token)
    return len(ids)


def still_wanted(delivery: Delivery) -> bool:
    """Unsubscribed, deactivated, page gone or access lost since the announcement: send nothing."""
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
    page = Page.objects.filter(pk=page_id).first()
    announcement = announce(page) if page else None
    if announcement is None:
        return 0
    queue_immediate(announcement.deliveries.all())
    return announcement.recipients


@task()
def send_delivery(delivery_id: int, token: str | None = None) -> str:
    if not start(Delivery.objects.filter(pk=delivery_id, digest=False), token):
        return "not claimed (sent, cancelled or claimed again)"
    delivery = Delivery.objects.select_related("announcement__page", "user", "subscription").get(pk=delivery_id)
    mine = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING, claim_token=delivery.claim_token)
    try:
        if not still_wanted(delivery):
            mine.update(status=Delivery.Status.CANCELLED)
            return "cancelled"
        # Recorded as sent the moment the relay accepts it (hub.mail): a worker killed after that point
        # sends it again, with the same Message-ID.
        mail.send(
            alert_message(delivery),
            accepted=lambda: mine.update(status=Delivery.Status.SENT, sent_at=timezone.now(), last_error=""),
        )
    except Exception as error:  # noqa: BLE001 - any failure is retried later, and shown in the admin
        logger.warning("Alert to delivery %s failed: %s", delivery.pk, error)
        delivery.record_failure(error)
        return "failed"
    return "sent"


@task()
def send_digest(user_id: int, delivery_ids: list[int], token: str | None = None) -> str:
    claimed = Delivery.objects.filter(pk__in=delivery_ids, user_id=user_id, digest=True)
    if not start(claimed, token):
        return "nothing claimed"
    deliveries = list(
        claimed.filter(status=Delivery.Status.SENDING)
        .filter(**({"claim_token": token} if token else {}))
        .select_related("announcement__page", "user")
        .order_by("created_at")
    )
    try:
        wanted = [delivery for delivery in deliveries if still_wanted(delivery)]
        Delivery.objects.filter(
            pk__in=[d.pk for d in deliveries if d not in wanted], status=Delivery.Status.SENDING
        ).update(status=Delivery.Status.CANCELLED)
        if not wanted:
            return "cancelled"
        user = get_user_model().objects.get(pk=user_id)
        now = timezone.now()
        mail.send(
            digest_message(user, wanted),
            accepted=lambda: Delivery.objects.filter(
                pk__in=[d.pk for d in wanted], status=Delivery.Status.SENDING
            ).update(status=Delivery.Status.SENT, sent_at=now, last_error=""),
        )
    except Exception as error:  # noqa: BLE001 - retried with the rest of the digest
        logger.warning("Digest for user %s failed: %s", user_id, error)
        for delivery in deliveries:
            delivery.record_failure(error)
        return "failed"
    AlertSettings.objects.update_or_create(user=user, defaults={"last_digest_at": now})
    return "sent"


def queue_digest(user_id: int, queryset) -> None:
    token, ids = claim(queryset.filter(user_id=user_id, digest=True))
    if ids:
        send_digest.enqueue(user_id, ids, token)


@task()
def send_confirmation(subscription_id: int) -> str:
    """The double opt-in email; a failure is logged and the person can ask again after 10 minutes."""

    subscription = EmailSubscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.is_active:
        return "already confirmed"
    confirmation_message(subscription).send()
    return "sent"


# The worker's clock (hub.periodic) runs these every minute or so.


def announce_due_papers() -> None:
    """Papers whose release date has come while already live (no publish event) are announced too."""
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
