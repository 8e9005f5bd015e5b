"""Helpers for membership journeys: read links out of emails, make members of each tier."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from members import consents
from members.models import Consent, MemberProfile
from members.tiers import sync_tiers

LINK = re.compile(r"https?://[^/\s]+(/[^\s]+)")


def links_in(message) -> list[str]:
    """Paths of the links in an email's plain-text body."""
    return LINK.findall(message.body)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth keeps rate-limit counters in the cache: each test starts with none."""
    cache.clear()
    mail.outbox.clear()
    yield
    cache.clear()


def make_member(email: str, *, verified: bool = True, password: str = "a-long-test-password-1") -> object:
    user = get_user_model().objects.create_user(email, email, password)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    MemberProfile.objects.create(user=user, full_name="Test Member", organisation_type="voluntary_community")
    consents.record(user, Consent.Kind.PRIVACY_NOTICE)
    sync_tiers(user)
    return user


@pytest.fixture
def member(db):
    return make_member("reader@example.org")


@pytest.fixture
def council_member(db):
    return make_member("officer@leeds.gov.uk")


@pytest.fixture
def unverified_user(db):
    return make_member("unverified@example.org", verified=False)
