"""Member tiers are Django groups; who belongs where follows from verified emails and decisions."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group

from content.core import request_memo
from content.core.groups import LOCAL_GOVERNMENT_MEMBERS, MEMBER_TIERS, MEMBERS

from .models import AccessRequest, LocalGovernmentDomain

TIERS = MEMBER_TIERS


def tier_group(name: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    return group


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def domain_is_local_government(email: str) -> bool:
    """True when the address's domain is on the editable allowlist (or a subdomain of an entry)."""
    domain = email_domain(email)
    if not domain:
        return False
    candidates = {domain}
    parts = domain.split(".")
    candidates.update(".".join(parts[i:]) for i in range(1, len(parts)))
    return LocalGovernmentDomain.objects.filter(domain__in=candidates).exists()


def verified_emails(user) -> list[str]:
    """The addresses this user has shown they read: the only ones a tier is ever computed from."""
    return list(EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True))


def verified_email(user) -> str | None:
    """The user's verified address to write to: the primary one if verified, else any verified one."""
    address = EmailAddress.objects.filter(user=user, verified=True).order_by("-primary", "pk").first()
    return address.email if address else None


def sync_tiers(user) -> None:
    """Put the user in exactly the tiers they qualify for now, from verified addresses only."""
    members, local_government = tier_group(MEMBERS), tier_group(LOCAL_GOVERNMENT_MEMBERS)
    emails = verified_emails(user)
    if not emails:
        user.groups.remove(members, local_government)
        return
    user.groups.add(members)
    approved = AccessRequest.objects.filter(user=user, status=AccessRequest.Status.APPROVED).exists()
    if approved or any(domain_is_local_government(email) for email in emails):
        user.groups.add(local_government)
    else:
        user.groups.remove(local_government)


def is_local_government_member(user) -> bool:
    return LOCAL_GOVERNMENT_MEMBERS in request_memo.user_group_names(user)
