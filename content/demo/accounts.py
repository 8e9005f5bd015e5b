"""Demo accounts for development: one per tier, with verified addresses (stated in the README)."""

from __future__ import annotations

from allauth.account.models import EmailAddress

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


@transaction.atomic
def create_demo_accounts() -> list[str]:
    user_model = get_user_model()
    created = []
    for account in DEMO_ACCOUNTS:
        if user_model.objects.filter(email__iexact=account["email"]).exists():
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
        created.append(account["email"])
    return created
