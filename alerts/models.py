"""Who follows what, who subscribed by email, and every alert email the hub owes or has sent.

Idempotent by construction: one Announcement per page ever (a re-published page finds its
announcement and sends nothing), one Delivery per announcement and address (a unique constraint),
and a delivery is claimed before it is sent, so two workers never send it twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

AUTHORITY_KINDS = {
    "city-corporation": "City of London Corporation",
    "combined-authority": "Combined authorities",
    "county": "County councils",
    "london-borough": "London boroughs",
    "metropolitan-district": "Metropolitan districts",
    "non-metropolitan-district": "District councils",
    "strategic-regional-authority": "Strategic regional authorities",
    "unitary": "Unitary authorities",
}


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", "As soon as something is published"
    WEEKLY = "weekly", "In a weekly digest"


class Follow(models.Model):
    """A member follows exactly one of: a paper series, a topic, or case studies from a kind of authority."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    series = models.ForeignKey(
        "papers.PaperSeriesPage", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    topic = models.ForeignKey("topics.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    authority_kind = models.CharField(
        "case studies from", max_length=40, blank=True, choices=list(AUTHORITY_KINDS.items())
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                name="follow_exactly_one_target",
                condition=(
                    Q(series__isnull=False, topic__isnull=True, authority_kind="")
                    | Q(series__isnull=True, topic__isnull=False, authority_kind="")
                    | (Q(series__isnull=True, topic__isnull=True) & ~Q(authority_kind=""))
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "series"], condition=Q(series__isnull=False), name="follow_series_once"
            ),
            models.UniqueConstraint(
                fields=["user", "topic"], condition=Q(topic__isnull=False), name="follow_topic_once"
            ),
            models.UniqueConstraint(
                fields=["user", "authority_kind"], condition=~Q(authority_kind=""), name="follow_kind_once"
            ),
        ]

    def __str__(self) -> str:
        return self.target_label

    @property
    def target_label(self) -> str:
        if self.series_id:
            return f"the series {self.series.title}"
        if self.topic_id:
            return f"the topic {self.topic.name}"
        return f"case studies from {AUTHORITY_KINDS.get(self.authority_kind, self.authority_kind).lower()}"


class AlertSettings(models.Model):
    """How a member wants their alerts: at once or in a weekly digest."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_settings")
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.get_frequency_display()


class EmailSubscription(models.Model):
    """Anyone's subscription to release announcements by email, confirmed by a link (double opt-in)."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Announcement(models.Model):
    """A page's one and only announcement: created the first time it is published as news."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.page.title


class Delivery(models.Model):
    """One alert owed to one address: sent at once or held for the member's weekly digest."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed, will be retried"
        GAVE_UP = "gave_up", "Failed, gave up"
        CANCELLED = "cancelled", "Not sent (unsubscribed or lost access)"

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="alert_deliveries"
    )
    subscription = models.ForeignKey(
        EmailSubscription, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    reason = models.CharField(max_length=300, help_text="Why this person gets it, shown in the email.")
    digest = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claim_token = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["announcement", "email"], name="one_delivery_per_address"),
        ]

    def __str__(self) -> str:
        return f"{self.announcement} → {self.email}"

    def record_failure(self, error: Exception | str) -> bool:
        """Back off 5, 10, 20, 40 minutes; after MAX attempts give up (visible in the admin).

        Only while this send still holds its claim: a delivery cancelled (unsubscribed) or claimed again
        meanwhile is left as it is. Returns whether the failure was recorded.
        """
        attempts = self.attempts + 1
        gave_up = attempts >= settings.ALERTS_MAX_ATTEMPTS
        return bool(
            Delivery.objects.filter(pk=self.pk, status=self.Status.SENDING, claim_token=self.claim_token).update(
                attempts=attempts,
                last_error=str(error)[:2000],
                status=self.Status.GAVE_UP if gave_up else self.Status.FAILED,
                next_attempt_at=timezone.now() + timedelta(minutes=5 * 2 ** (attempts - 1)),
            )
        )
