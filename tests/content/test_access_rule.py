"""One rule for who passes a view restriction (content.core.privacy.passes), used by listings, the reading
list, documents and the case-study teaser (for a request) and by alerts (for many members at once)."""

from __future__ import annotations

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group

from wagtail.models import Page, PageViewRestriction

from alerts.announce import readers_among
from content.core.privacy import passes

pytestmark = pytest.mark.django_db


def restriction(kind: str, *groups: Group) -> PageViewRestriction:
    page = Page.objects.get(depth=2)
    made = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="x" if kind == "password" else ""
    )
    made.groups.set(groups)
    return made


def test_who_passes_each_kind_of_restriction():
    insiders = Group.objects.create(name="Insiders")
    user_model = get_user_model()
    member = user_model.objects.create_user("m", "m@example.org", "a-long-test-password-1")
    insider = user_model.objects.create_user("i", "i@example.org", "a-long-test-password-1")
    insider.groups.add(insiders)
    admin = user_model.objects.create_superuser("a", "a@example.org", "a-long-test-password-1")

    def groups_of(user):
        return lambda: set(user.groups.values_list("pk", flat=True))

    login, group, password = restriction("login"), restriction("groups", insiders), restriction("password")
    anonymous = AnonymousUser()
    assert [passes(login, u, groups_of(u)) for u in (member, insider, admin)] == [True, True, True]
    assert not passes(login, anonymous, lambda: set())
    assert [passes(group, u, groups_of(u)) for u in (member, insider, admin)] == [False, True, True]
    assert not passes(group, anonymous, lambda: {insiders.pk}), "an anonymous reader is in no group"
    assert not any(passes(password, u, groups_of(u)) for u in (member, insider, admin)), "shared passwords are off"
    # Alerts decide for many members with the same rule (the page keeps only its group restriction).
    login.delete()
    password.delete()
    assert set(readers_among(group.page, {u.pk: u for u in (member, insider, admin)})) == {insider.pk, admin.pk}
