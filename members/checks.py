"""Deployment checks for accounts: production refuses staff without a second factor."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def staff_use_two_factor(app_configs, **kwargs) -> list[Error]:
    if getattr(settings, "HUB_STAFF_MFA_REQUIRED", True):
        return []
    return [
        Error(
            "HUB_STAFF_MFA_REQUIRED is off: staff could open the admin with a password alone.",
            hint="Leave it on in production; members/middleware.py sends staff to enrol on first visit.",
            id="members.E001",
        )
    ]
