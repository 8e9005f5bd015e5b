"""Staff of each kind, a clean slate of insight data, and a browser-like reader."""

from __future__ import annotations

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

from tests.members.conftest import make_member

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def client_for(user=None, **headers) -> Client:
    client = Client(**{"HTTP_HOST": "localhost", "HTTP_USER_AGENT": BROWSER, **headers})
    if user is not None:
        client.force_login(user)
    return client


def staff_in(group_name: str, email: str):
    user = get_user_model().objects.create_user(email, email, "a-long-test-password-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def reader() -> Client:
    return client_for()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("boss@example.org", "boss@example.org", "a-long-test-password-1")


@pytest.fixture
def editor(db):
    return staff_in("Editors", "editor@example.org")


@pytest.fixture
def moderator(db):
    return staff_in("Moderators", "moderator@example.org")


@pytest.fixture
def admin_user_without_insight(db):
    """Can open the Wagtail admin (a group of its own with access_admin) but is neither editor nor moderator."""
    group = Group.objects.create(name="Image librarians")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("librarian@example.org", "librarian@example.org", "a-long-pw-1")
    user.groups.add(group)
    return user


@pytest.fixture
def plain_member(db):
    return make_member("plain@example.org")
