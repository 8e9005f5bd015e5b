"""The wording of each consent, versioned: a change of wording gets a new version."""

from __future__ import annotations

from django.utils import timezone

from .models import Consent

WORDINGS = {
    Consent.Kind.PRIVACY_NOTICE: (
        "2025-01",
        "I have read the privacy notice and agree that the network holds my details to run my membership.",
    ),
    # 2026-12: says what the newsletter holds, how often it comes and how to stop it (issue 14).
    Consent.Kind.NEWSLETTER: (
        "2026-12",
        "Email me the network’s newsletter, at most once a month: news of the network, its new research and "
        "events. I can unsubscribe from any newsletter email, or in my account, at any time.",
    ),
}


def wording(kind: str) -> str:
    return WORDINGS[kind][1]


def record(user, kind: str) -> Consent:
    version, text = WORDINGS[kind]
    return Consent.objects.create(user=user, kind=kind, wording_version=version, wording=text)


def withdraw(consent: Consent) -> None:
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])


def has_active(user, kind: str) -> bool:
    return Consent.objects.filter(user=user, kind=kind, withdrawn_at__isnull=True).exists()
