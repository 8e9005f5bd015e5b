"""Fixtures for the content tests."""

from __future__ import annotations

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from tests.members.conftest import make_member


@pytest.fixture
def moderator() -> Client:
    """A moderator in the admin: Wagtail's Moderators may publish, and so could set any other page's privacy."""
    user = make_member("moderator@example.org")
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client
