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


def sign_in(client, user, password: str = "a-long-test-password-1") -> None:
    """Sign in through allauth's form, as a person would: the session records a password sign-in, which
    re-authentication-protected views (address, password, export, deletion) accept for five minutes."""
    response = client.post("/accounts/login/", {"login": user.email, "password": password})
    assert response.status_code == 302 and "_auth_user_id" in client.session, "signed in"


def reauthenticate(client, password: str = "a-long-test-password-1", next_path: str = "/members/"):
    """Enter the password again, as allauth asks before changing an address or the password, exporting
    data or deleting the account (a sign-in alone does not count: only a re-entry in the last 5 minutes)."""
    return client.post(f"/accounts/reauthenticate/?next={next_path}", {"password": password})


@pytest.fixture
def member(db):
    return make_member("reader@example.org")


@pytest.fixture
def council_member(db):
    return make_member("officer@leeds.gov.uk")


@pytest.fixture
def unverified_user(db):
    return make_member("unverified@example.org", verified=False)
