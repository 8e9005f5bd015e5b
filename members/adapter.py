"""allauth adapter: the hub's emails, and who a member is called on screen."""

from __future__ import annotations

import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.utils import build_absolute_uri

from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse

from hub.mail import message_id

from .emails import attach_html_alternative, site_name
from .tasks import send_or_queue

logger = logging.getLogger(__name__)


def user_display(user) -> str:
    profile = getattr(user, "member_profile", None)
    return profile.full_name if profile and profile.full_name else user.email


class AccountAdapter(DefaultAccountAdapter):
    # In the site's words (browser walk: "and/or … specified", "login", and no hint of what to do next).
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "The email address or password is not right.",
        "too_many_login_attempts": (
            "Too many failed attempts to sign in with this email address. Wait 5 minutes and try again, "
            "or reset your password (“Forgotten your password?” below)."
        ),
    }

    # No override of send_account_already_exists_mail: it used to resend a pending sign-up's
    # confirmation link to whoever signed up again with the address, which verified the *first*
    # account, perhaps an attacker's (issue 9, finding 1). Now a sign-up with an address held only
    # unverified elsewhere simply goes ahead (members.account_forms.HubSignupForm), and the "already
    # exists" email, with a link to reset the password, goes only when the address is verified.

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """The hub's templates (templates/account/email/) name the network from the site settings, not the host."""
        request = allauth_context.request
        extra = {"site_name": site_name(request)}
        if request is not None:
            extra["password_reset_url"] = build_absolute_uri(request, reverse("account_reset_password"))
        # allauth's own send_mail, except that a mail server that cannot take the message (down, refusing)
        # hands it to the worker (members.tasks) instead of failing the request: with the server away, a
        # sign-up answered 500 after the account was made, its verification never sent (issue 13's load test).
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **extra, **context}
        send_or_queue(self.render_mail(template_prefix, email, ctx))

    def render_mail(self, template_prefix, email, context, headers=None):
        """Every email has a plain-text part and an HTML part in the hub's style, and its Message-ID."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        attach_html_alternative(message, request=context.get("request"))
        # Fixed now, so a copy the worker sends again (members.tasks) is the same message (hub.mail).
        message.extra_headers.setdefault("Message-ID", message_id())
        return message
