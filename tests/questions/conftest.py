"""Fixtures for the question relay: a local-government case study with two contacts, and its readers."""

from __future__ import annotations

import re

import pytest

from django.core import mail
from django.core.cache import cache
from django.test import Client

from content.case_studies.models import CaseStudyIndexPage
from members.models import LocalAuthority
from tests.factories import CaseStudyPageFactory
from tests.members.conftest import make_member

CONTACTS = [
    {"name": "Priya Author", "role": "Neighbourhoods lead", "email": "priya.author@council.example.org"},
    {"name": "Sam Coauthor", "role": "Researcher", "email": "sam.coauthor@council.example.org"},
]
ASKER_EMAIL = "asker@leeds.gov.uk"
LINK = re.compile(r"https?://[^/\s]+(/[^\s]+)")


@pytest.fixture(autouse=True)
def fresh_outbox():
    cache.clear()
    mail.outbox.clear()
    yield
    cache.clear()


def publish_case_study(**kwargs):
    fields = {
        "parent": CaseStudyIndexPage.objects.get(),
        "title": "Guarded case study for questions",
        "audience": "local_government",
        "contacts": [("contact", contact) for contact in CONTACTS],
        **kwargs,
    }
    study = CaseStudyPageFactory(**fields)
    study.save_revision().publish()
    study.refresh_from_db()
    return study


@pytest.fixture
def study(db):
    return publish_case_study()


@pytest.fixture
def asker(db):
    user = make_member(ASKER_EMAIL)
    profile = user.member_profile
    profile.full_name = "Asha Asker"
    profile.organisation_type = "local_authority"
    profile.local_authority = LocalAuthority.objects.get(gss_code="E08000035")
    profile.save()
    return user


def client_for(user=None) -> Client:
    client = Client(HTTP_HOST="localhost")
    if user is not None:
        client.force_login(user)
    return client


def links_in(message) -> list[str]:
    return LINK.findall(message.body)
