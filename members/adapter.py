"""allauth adapter: signing up again with an unverified address resends its verification email."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.core import context

from .emails import attach_html_alternative


def user_display(user) -> str:
    profile = getattr(user, "member_profile", None)
    return profile.full_name if profile and profile.full_name else user.email


class AccountAdapter(DefaultAccountAdapter):
    def send_account_already_exists_mail(self, email: str) -> None:
        """Same answer on screen for known and unknown addresses; by email, help that fits the address."""
        unverified = (
            EmailAddress.objects.filter(email__iexact=email, verified=False, primary=True, user__isnull=False)
            .select_related("user")
            .first()
        )
        # Only a sign-up that never completed: an address someone added to another account (unverified,
        # not primary) must never be verified onto that account by its real owner's click.
        if unverified is not None and not EmailAddress.objects.filter(user=unverified.user, verified=True).exists():
            unverified.send_confirmation(context.request, signup=True)
            return
        super().send_account_already_exists_mail(email)

    def render_mail(self, template_prefix, email, context, headers=None):
        """Every email has a plain-text part and an HTML part in the hub's style."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        attach_html_alternative(message)
        return message
