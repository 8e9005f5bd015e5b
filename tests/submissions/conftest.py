"""Members of each tier and a moderator for the case-study submission tests."""

from __future__ import annotations

import pytest

from django.core import mail
from django.core.cache import cache

from tests.submissions.submission_helpers import council_officer, make_member, moderator_user


@pytest.fixture(autouse=True)
def clean_slate():
    cache.clear()
    mail.outbox.clear()
    yield
    cache.clear()


@pytest.fixture
def officer(db):
    return council_officer()


@pytest.fixture
def member(db):
    return make_member("reader@example.org")


@pytest.fixture
def moderator(db):
    return moderator_user()
