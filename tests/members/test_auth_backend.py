"""A user's permissions, read in one query, are exactly the set Django's own backend reads in two."""

from __future__ import annotations

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.core import request_memo
from members.auth_backends import AuthenticationBackend
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as a new request loads it: nothing cached on the object."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def editor():
    """Permissions of both kinds: one given to the user, others through two groups (one shared)."""
    user = make_member("editor@example.org")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    first, second = Group.objects.create(name="Reviewers"), Group.objects.create(name="Proof-readers")
    first.permissions.add(*Permission.objects.filter(codename__in=["add_page", "change_page"]))
    second.permissions.add(*Permission.objects.filter(codename__in=["change_page", "add_document"]))
    user.groups.add(first, second)
    return user


def test_the_same_permissions_as_djangos_backend_in_one_query(editor):
    expected = ModelBackend().get_all_permissions(fresh(editor))
    assert {"wagtailadmin.access_admin", "wagtailcore.add_page", "wagtaildocs.add_document"} <= expected
    user = fresh(editor)
    with CaptureQueriesContext(connection) as queries:
        assert AuthenticationBackend().get_all_permissions(user) == expected
        assert user.has_perm("wagtailcore.change_page") and not user.has_perm("wagtailcore.delete_page")
    assert len(queries) == 1


def test_a_member_without_a_profile_still_opens_their_account(client):
    user = make_member("no-profile@example.org")
    user.member_profile.delete()
    client.force_login(user)
    assert client.get("/members/").status_code == 200
    assert client.get("/members/details/").status_code == 200


@pytest.mark.parametrize("kind", ["member", "superuser", "inactive", "inactive superuser"])
def test_other_users_get_what_djangos_backend_gives(kind):
    user = make_member(f"{kind}@example.org")
    if "superuser" in kind:
        user.is_superuser = True
    if "inactive" in kind:
        user.is_active = False
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(Group.objects.create(name="Former editors"))
    user.save()
    expected = ModelBackend().get_all_permissions(fresh(user))
    assert AuthenticationBackend().get_all_permissions(fresh(user)) == expected
    if kind == "superuser":
        assert len(expected) == Permission.objects.count()
    else:
        assert expected == set()  # a member has no permission; an inactive user none at all


def test_a_request_reads_the_user_and_their_profile_in_one_query():
    user = make_member("reader@example.org")
    with CaptureQueriesContext(connection) as queries:
        loaded = AuthenticationBackend().get_user(user.pk)
        assert loaded == user and loaded.member_profile.user_id == user.pk
    assert len(queries) == 1


def test_a_deactivated_or_deleted_user_is_nobody():
    user = make_member("gone@example.org")
    user.is_active = False
    user.save()
    assert AuthenticationBackend().get_user(user.pk) is None
    assert AuthenticationBackend().get_user(user.pk + 10_000) is None


def test_a_change_of_groups_is_seen_at_once_by_the_access_checks():
    """The groups read once per request are Django's prefetched rows on the user: a change through it drops them."""
    user = make_member("tiers@example.org")
    reviewers = Group.objects.create(name="Reviewers")
    assert "Reviewers" not in request_memo.user_group_names(user)
    user.groups.add(reviewers)
    assert "Reviewers" in request_memo.user_group_names(user)
    user.groups.remove(reviewers)
    assert "Reviewers" not in request_memo.user_group_names(user)
