"""Demo accounts for development: one per tier, with verified addresses (stated in the README)."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time

from django.contrib.auth import get_user_model
from django.db import transaction

from members import consents
from members.models import Consent, LocalAuthority, MemberProfile, OrganisationType
from members.tiers import sync_tiers

DEMO_ACCOUNTS = [
    {
        "label": "Administrator (all access)",
        "email": "admin@example.org",
        "password": "hub-demo-admin",
        "full_name": "Demo Administrator",
        "organisation_type": OrganisationType.OTHER,
        "organisation_name": "The network",
        "superuser": True,
    },
    {
        "label": "Member",
        "email": "member@example.org",
        "password": "hub-demo-member",
        "full_name": "Sam Member",
        "organisation_type": OrganisationType.VOLUNTARY,
        "organisation_name": "Longton Community Trust",
    },
    {
        "label": "Local government member",
        "email": "officer@stoke.gov.uk",
        "password": "hub-demo-council",
        "full_name": "Alex Officer",
        "organisation_type": OrganisationType.LOCAL_AUTHORITY,
        "local_authority_gss": "E06000021",
    },
]


# Staff sign in with a second factor (members/middleware.py). The demo administrator's authenticator key
# is this published, development-only secret: add it to any authenticator app, or run
# `python manage.py demo_code` for the current code, or use a recovery code that create_demo_accounts prints.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - demo accounts refuse to exist with DEBUG off


def enrol_second_factor(user) -> None:
    """A TOTP authenticator with the demo secret and a set of recovery codes (allauth's own records)."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    RecoveryCodes.activate(user)


def current_demo_code() -> str:
    """The six-digit code an authenticator app with the demo secret shows now."""
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))


def demo_recovery_codes(email: str) -> list[str]:
    authenticator = Authenticator.objects.filter(
        user__email__iexact=email, type=Authenticator.Type.RECOVERY_CODES
    ).first()
    return RecoveryCodes(authenticator).get_unused_codes() if authenticator else []


@transaction.atomic
def create_demo_accounts() -> list[str]:
    user_model = get_user_model()
    created = []
    for account in DEMO_ACCOUNTS:
        existing = user_model.objects.filter(email__iexact=account["email"]).first()
        if existing is not None:
            if account.get("superuser"):
                enrol_second_factor(existing)  # a database made before staff used a second factor
            continue
        username = account["email"].split("@")[0] if account.get("superuser") else account["email"]
        if account.get("superuser"):
            user = user_model.objects.create_superuser(username, account["email"], account["password"])
        else:
            user = user_model.objects.create_user(username, account["email"], account["password"])
        EmailAddress.objects.create(user=user, email=account["email"], verified=True, primary=True)
        MemberProfile.objects.create(
            user=user,
            full_name=account["full_name"],
            organisation_type=account["organisation_type"],
            organisation_name=account.get("organisation_name", ""),
            local_authority=LocalAuthority.objects.filter(gss_code=account.get("local_authority_gss", "")).first(),
        )
        consents.record(user, Consent.Kind.PRIVACY_NOTICE)
        sync_tiers(user)
        if account.get("superuser"):
            enrol_second_factor(user)
        created.append(account["email"])
    return created
