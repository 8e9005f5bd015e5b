"""Alert emails: one per delivery, or one digest per member; every one with a one-click unsubscribe.

Unsubscribe links are signed (no login, no expiry) and also sent as List-Unsubscribe with
List-Unsubscribe-Post, so mail programs offer their own one-click button (RFC 8058).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from hub.mail import message_id
from members.emails import attach_html_alternative, site_name

UNSUBSCRIBE_SALT = "alerts.unsubscribe"
CONFIRM_SALT = "alerts.confirm"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 7


def absolute(path: str) -> str:
    return path if path.startswith("http") else f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def unsubscribe_token(*, user_id: int | None = None, subscription_id: int | None = None) -> str:
    payload = {"u": user_id} if user_id else {"s": subscription_id}
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(delivery) -> str:
    token = unsubscribe_token(user_id=delivery.user_id, subscription_id=delivery.subscription_id)
    return absolute(reverse("alerts:unsubscribe", args=[token]))


def confirmation_url(subscription) -> str:
    token = signing.dumps({"s": subscription.pk, "e": subscription.email}, salt=CONFIRM_SALT, compress=True)
    return absolute(reverse("alerts:confirm", args=[token]))


def page_kind(page) -> str:
    """The announced page type's own label ("paper", "blog post", "case study"), else "page"."""
    model = page.specific_class
    return str(model._meta.verbose_name) if getattr(model, "announced_on_publish", False) else "page"


def item(page) -> dict:
    page = page.specific
    return {
        "title": page.title,
        "kind": page_kind(page),
        "summary": getattr(page, "summary", "") or getattr(page, "intro", "") or page.search_description,
        "url": absolute(page.get_url()),
    }


def _message(
    template: str, context: dict, to: str, unsubscribe: str | None, key: str | None = None
) -> EmailMultiAlternatives:
    context = {
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "unsubscribe_url": unsubscribe,
        "site_name": site_name(),
        **context,
    }
    subject = render_to_string(f"email/{template}_subject.txt", context).strip()
    body = render_to_string(f"email/{template}_message.txt", context)
    headers = {"Message-ID": message_id(key)}  # the same on a retry (hub.mail)
    if unsubscribe:
        headers |= {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body=body, to=[to], headers=headers
    )
    attach_html_alternative(message)
    return message


def alert_message(delivery) -> EmailMultiAlternatives:
    return _message(
        "alert",
        {"item": item(delivery.announcement.page), "reason": delivery.reason, "is_member": bool(delivery.user_id)},
        delivery.email,
        unsubscribe_url(delivery),
        key=f"alert-{delivery.pk}",
    )


def digest_message(user, deliveries) -> EmailMultiAlternatives:
    items = [{**item(d.announcement.page), "reason": d.reason} for d in deliveries]
    ids = ",".join(str(pk) for pk in sorted(d.pk for d in deliveries))
    return _message(
        "alert_digest",
        {"items": items, "is_member": True},
        user.email,
        unsubscribe_url(deliveries[0]),
        key="digest-" + hashlib.sha256(ids.encode()).hexdigest()[:32],
    )


def confirmation_message(subscription) -> EmailMultiAlternatives:
    return _message("subscription_confirm", {"confirm_url": confirmation_url(subscription)}, subscription.email, None)
