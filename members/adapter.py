"""allauth adapter: the hub's emails, and who a member is called on screen."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter

from .emails import attach_html_alternative


def user_display(user) -> str:
    profile = getattr(user, "member_profile", None)
    return profile.full_name if profile and profile.full_name else user.email


class AccountAdapter(DefaultAccountAdapter):
    # No override of send_account_already_exists_mail: it used to resend a pending sign-up's
    # confirmation link to whoever signed up again with the address, which verified the *first*
    # account, perhaps an attacker's (issue 9, finding 1). Now a sign-up with an address held only
    # unverified elsewhere simply goes ahead (members.account_forms.HubSignupForm), and the "already
    # exists" email, with a link to reset the password, goes only when the address is verified.

    def render_mail(self, template_prefix, email, context, headers=None):
        """Every email has a plain-text part and an HTML part in the hub's style."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        attach_html_alternative(message)
        return message
