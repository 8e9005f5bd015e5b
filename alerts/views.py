"""Following (a button on series and topic pages, a form in /members/), and email subscriptions.

Subscriptions are double opt-in; confirmation and unsubscribe links are signed and need no login.
Pressing a button is what changes anything (GET pages only show a button), so mail scanners that
open links do not subscribe or unsubscribe anyone; one-click POSTs from mail programs (RFC 8058)
work without a CSRF token because the signed token is the proof.
"""

from __future__ import annotations

from datetime import timedelta

from allauth.account.adapter import get_adapter

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from content.core import params
from content.core.privacy import public_pages
from content.papers.models import PaperSeriesPage
from content.topics.models import Topic
from members.models import MemberProfile

from .emails import CONFIRM_MAX_AGE, CONFIRM_SALT, UNSUBSCRIBE_SALT
from .forms import AlertSettingsForm, SubscribeForm
from .models import Delivery, EmailSubscription, Follow
from .tasks import send_confirmation


@require_POST
@login_required
def follow(request: HttpRequest) -> HttpResponse:
    """Follow or unfollow one series or topic (the button on their pages)."""
    target: dict = {}
    if request.POST.get("series"):
        series_id = params.id_or_404(request.POST["series"])
        series = get_object_or_404(public_pages(PaperSeriesPage), pk=series_id)
        target, label = {"series": series}, series.title
    elif request.POST.get("topic"):
        topic = get_object_or_404(Topic, pk=params.id_or_404(request.POST["topic"]))
        target, label = {"topic": topic}, topic.name
    else:
        raise Http404
    if request.POST.get("action") == "unfollow":
        Follow.objects.filter(user=request.user, **target).delete()
        messages.success(request, f"You no longer follow {label}.")
    else:
        Follow.objects.get_or_create(user=request.user, **target)
        messages.success(request, f"You follow {label}. We will email you when something new is published.")
    return HttpResponseRedirect(params.next_url(request, request.POST.get("next"), reverse("members:dashboard")))


@require_POST
@login_required
def alert_settings(request: HttpRequest) -> HttpResponse:
    form = AlertSettingsForm(request.POST, user=request.user, prefix="alerts")
    if form.is_valid():
        form.save()
        messages.success(request, "Your alerts have been saved.")
        # To the top, where the banner says so and takes the focus (as "Your details have been saved."):
        # sent to #alerts, the reader was scrolled past the banner and heard nothing (browser walk).
        return redirect("members:dashboard")
    messages.error(
        request, "Your alerts were not saved: " + "; ".join(e for errs in form.errors.values() for e in errs)
    )
    return redirect("members:dashboard")


@never_cache
def subscribe(request: HttpRequest) -> HttpResponse:
    """Anyone may ask for release announcements; the same answer whether or not already subscribed."""
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _too_many_confirmations(request):
            # Nobody uses the form to mail strangers: the typed address stays in the form.
            form.add_error(None, "Too many requests from here: please try again in an hour.")
            return TemplateResponse(request, "alerts/subscribe.html", {"form": form}, status=429)
        email = form.cleaned_data["email"].strip().lower()
        subscription, _ = EmailSubscription.objects.get_or_create(email=email)
        # One confirmation per address per 10 minutes, claimed with a conditional update.
        since = timezone.now() - timedelta(minutes=10)
        not_active = Q(confirmed_at__isnull=True) | Q(unsubscribed_at__isnull=False)  # incl. coming back
        due = EmailSubscription.objects.filter(not_active, pk=subscription.pk).filter(
            Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lt=since)
        )
        if not subscription.is_active and due.update(confirmation_sent_at=timezone.now()):
            send_confirmation.enqueue(subscription.pk)
        return TemplateResponse(request, "alerts/subscribe_sent.html", {"email": email})
    return TemplateResponse(request, "alerts/subscribe.html", {"form": form})


def _too_many_confirmations(request: HttpRequest) -> bool:
    """At most SUBSCRIBE_PER_HOUR confirmation requests per client address an hour (shared cache)."""
    # allauth's idea of the client's address: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies.
    key = f"alerts:subscribe:{get_adapter(request).get_client_ip(request)}"
    cache.add(key, 0, 60 * 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, 60 * 60)
        count = 1
    return count > settings.ALERTS_SUBSCRIBE_PER_HOUR


@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return TemplateResponse(request, "alerts/link_invalid.html", {"kind": "confirmation"}, status=404)
    subscription = EmailSubscription.objects.filter(pk=data.get("s"), email=data.get("e")).first()
    if subscription is None:
        return TemplateResponse(request, "alerts/link_invalid.html", {"kind": "confirmation"}, status=404)
    if request.method == "POST":
        subscription.confirmed_at = subscription.confirmed_at or timezone.now()
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["confirmed_at", "unsubscribed_at"])
        return TemplateResponse(request, "alerts/confirmed.html", {"subscription": subscription})
    return TemplateResponse(request, "alerts/confirm.html", {"subscription": subscription})


@csrf_exempt  # the signed token is the proof; mail programs' one-click POST carries no CSRF token
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return TemplateResponse(request, "alerts/link_invalid.html", {"kind": "unsubscribe"}, status=404)
    subscription = user = None
    if data.get("s"):
        subscription = EmailSubscription.objects.filter(pk=data["s"]).first()
    elif data.get("u"):
        user = get_user_model().objects.filter(pk=data["u"]).first()
    if subscription is None and user is None:
        # Already gone (account deleted): nothing will be sent, which is what they asked for.
        return TemplateResponse(request, "alerts/unsubscribed.html", {"gone": True})
    if request.method == "POST":
        with transaction.atomic():
            if subscription:
                subscription.unsubscribed_at = subscription.unsubscribed_at or timezone.now()
                subscription.save(update_fields=["unsubscribed_at"])
                held = Delivery.objects.filter(subscription=subscription)
            else:
                Follow.objects.filter(user=user).delete()
                MemberProfile.objects.filter(user=user).update(release_alerts=False)
                held = Delivery.objects.filter(user=user)
            held.filter(status__in=[Delivery.Status.PENDING, Delivery.Status.FAILED, Delivery.Status.SENDING]).update(
                status=Delivery.Status.CANCELLED
            )
        return TemplateResponse(request, "alerts/unsubscribed.html", {"member": user is not None})
    return TemplateResponse(
        request, "alerts/unsubscribe.html", {"member": user is not None, "subscription": subscription}
    )
