"""Alerts in the Wagtail admin: every delivery with its status and last error, and email subscriptions.

Editors see counts and states, not a mailing tool: nothing here sends email to a chosen list.
"""

from __future__ import annotations

import django_filters

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Delivery, EmailSubscription


class DeliveryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Delivery.Status.choices)
    digest = django_filters.BooleanFilter(label="Held for a weekly digest")

    class Meta:
        model = Delivery
        fields = ["status", "digest"]


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "mail"
    menu_label = "Deliveries"
    name = "alert_deliveries"
    url_prefix = "alert-deliveries"
    inspect_view_enabled = True
    list_display = [
        Column("announcement", label="Page", accessor="announcement"),
        "email",
        Column("status", label="Status", accessor="get_status_display"),
        Column("attempts", label="Failed attempts"),
        DateColumn("created_at", label="Queued"),
        DateColumn("sent_at", label="Sent"),
    ]
    inspect_view_fields = [
        "announcement",
        "email",
        "reason",
        "digest",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]
    filterset_class = DeliveryFilterSet
    search_fields = ["email"]
    list_per_page = 50

    def get_queryset(self, request=None):
        return Delivery.objects.select_related("announcement__page")

    # Staff can put a delivery that gave up back in the queue once the mail service is fixed.
    form_fields = ["status", "next_attempt_at"]


class SubscriptionFilterSet(WagtailFilterSet):
    confirmed = django_filters.BooleanFilter(field_name="confirmed_at", lookup_expr="isnull", exclude=True)
    unsubscribed = django_filters.BooleanFilter(field_name="unsubscribed_at", lookup_expr="isnull", exclude=True)

    class Meta:
        model = EmailSubscription
        fields = ["confirmed", "unsubscribed"]


class EmailSubscriptionViewSet(ModelViewSet):
    model = EmailSubscription
    icon = "mail"
    menu_label = "Email subscriptions"
    name = "email_subscriptions"
    url_prefix = "email-subscriptions"
    inspect_view_enabled = True
    list_display = [
        "email",
        DateColumn("created_at", label="Asked"),
        DateColumn("confirmed_at", label="Confirmed"),
        DateColumn("unsubscribed_at", label="Unsubscribed"),
    ]
    filterset_class = SubscriptionFilterSet
    search_fields = ["email"]
    form_fields = ["unsubscribed_at"]


class AlertsViewSetGroup(ViewSetGroup):
    menu_label = "Alerts"
    menu_icon = "mail"
    menu_order = 240
    items = (DeliveryViewSet, EmailSubscriptionViewSet)
