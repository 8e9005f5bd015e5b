"""Mailbox ownership decides: whoever can read an address's mail ends up holding the account with it.

An account that never verified an address gains nothing from it. Concretely (issue 9, finding 1 and 2):

- A sign-up, or an address added to an account, goes ahead when the address is held only unverified
  elsewhere; only a *verified* holder makes it "already in use" (and then its owner is emailed, never
  anyone else's confirmation link).
- When an owner verifies the address, every unverified claim on it elsewhere is removed; an account left
  with no address at all (an abandoned or hostile sign-up) is deleted.
- A password reset goes only to accounts that verified the address, or to the primary address of an
  account that has never verified anything; completing that reset verifies the address (the link
  could only be read in that mailbox) and ends every other session of the account.
- Sign-ups that are never verified are purged after ``ACCOUNT_UNVERIFIED_PURGE_DAYS`` by the worker.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .tiers import sync_tiers

logger = logging.getLogger(__name__)


def held_verified(email: str, *, excluding_user=None) -> bool:
    """True when some account (other than ``excluding_user``) has verified this address."""
    addresses = EmailAddress.objects.filter(email__iexact=email, verified=True)
    if excluding_user is not None:
        addresses = addresses.exclude(user_id=excluding_user.pk)
    return addresses.exists()


def has_verified_address(user) -> bool:
    return EmailAddress.objects.filter(user_id=user.pk, verified=True).exists()


def reset_recipients(email: str) -> list:
    """Active accounts a password-reset link for ``email`` may go to (see the module docstring)."""
    user_model = get_user_model()
    verified = list(
        user_model.objects.filter(
            is_active=True, emailaddress__email__iexact=email, emailaddress__verified=True
        ).distinct()
    )
    if verified:
        return verified
    never_verified = user_model.objects.filter(is_active=True).exclude(emailaddress__verified=True)
    primary_here = never_verified.filter(emailaddress__email__iexact=email, emailaddress__primary=True)
    # Accounts an administrator made (createsuperuser, Wagtail's "Add user") have no address records yet.
    made_by_staff = never_verified.filter(email__iexact=email, emailaddress__isnull=True)
    return list((primary_here | made_by_staff).distinct())


def is_abandoned_sign_up(user) -> bool:
    """An account nobody has used: never signed in, no group or permission, no access to the admin.

    Only these are deleted when they lose their last address or pass the purge window; anyone else
    (an editor made in the admin who has not signed in yet, say) keeps the account and loses only the claim.
    """
    return (
        user.last_login is None
        and not (user.is_staff or user.is_superuser)
        and not user.groups.exists()
        and not user.user_permissions.exists()
    )


@transaction.atomic
def release_unverified_claims(address: EmailAddress) -> int:
    """The owner of ``address`` has shown they read its mail: other accounts' unverified claims go.

    Returns how many claims were removed. An account left with no address is deleted (it was a
    sign-up nobody completed); one with other addresses keeps them, with its primary moved to one.
    """
    claims = (
        EmailAddress.objects.filter(email__iexact=address.email, verified=False)
        .exclude(user_id=address.user_id)
        .select_related("user")
    )
    removed = 0
    for claim in claims:
        user = claim.user
        claim.delete()
        removed += 1
        remaining = EmailAddress.objects.filter(user_id=user.pk).order_by("-verified", "pk")
        if not remaining.exists() and is_abandoned_sign_up(user):
            logger.info("Removed account %s: its only address was verified by another account", user.pk)
            user.delete()
            continue
        if user.email.lower() == address.email.lower():
            replacement = remaining.first()
            user.email = replacement.email if replacement else ""
            user.save(update_fields=["email"])
            if replacement and not replacement.primary:
                replacement.set_as_primary()
    return removed


def verify_after_reset(request, user) -> None:
    """A reset link reached a never-verified account's primary address: that mailbox is the owner's."""
    if has_verified_address(user):
        end_other_sessions(user, keep=request.session.session_key if request else None)
        return
    address = EmailAddress.objects.filter(user_id=user.pk, primary=True).first()
    if address is not None and not held_verified(address.email, excluding_user=user):
        address.verified = True
        address.save(update_fields=["verified"])
        release_unverified_claims(address)
        sync_tiers(user)
    end_other_sessions(user, keep=request.session.session_key if request else None)


def end_other_sessions(user, *, keep: str | None = None) -> int:
    """End every listed session of ``user`` except ``keep``.

    A new password already invalidates Django sessions started with the old one (their auth hash no
    longer matches); this also removes them from the member's list of sessions at once.
    """
    ended = 0
    for session in UserSession.objects.filter(user_id=user.pk).exclude(session_key=keep or ""):
        session.end()
        ended += 1
    return ended


def purge_unverified_signups(now=None) -> int:
    """Delete accounts that never verified any address and are older than the purge window."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ACCOUNT_UNVERIFIED_PURGE_DAYS)
    user_model = get_user_model()
    addresses = EmailAddress.objects.filter(user_id=OuterRef("pk"))
    stale = (
        user_model.objects.filter(
            date_joined__lt=cutoff,
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            groups__isnull=True,
            user_permissions__isnull=True,
        )
        # A sign-up: it gave an address (admin-made accounts have none) and verified none.
        .filter(Exists(addresses))
        .exclude(Exists(addresses.filter(verified=True)))
    )
    count = 0
    for user in user_model.objects.filter(pk__in=list(stale.values_list("pk", flat=True))):
        user.delete()
        count += 1
    if count:
        logger.info("Purged %d sign-ups never verified within %d days", count, settings.ACCOUNT_UNVERIFIED_PURGE_DAYS)
    return count
