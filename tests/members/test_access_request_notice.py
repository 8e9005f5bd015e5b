"""A request for local government access reaches everyone who may decide it, once, with a link to decide,
and no personal data (who asked and why stay behind the admin's sign-in)."""

from __future__ import annotations

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client

from members.models import AccessRequest
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def decider():
    group = Group.objects.create(name="Access deciders")
    group.permissions.add(Permission.objects.get(codename="change_accessrequest"))
    user = get_user_model().objects.create_user("decider", "decider@example.org", "a-long-test-password-1")
    user.groups.add(group)
    user.is_staff = True
    user.save()
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_deciders_are_told_of_a_new_request_and_can_open_it(decider, django_capture_on_commit_callbacks):
    member = make_member("officer@charity.example.org")
    get_user_model().objects.create_user("former", "former@example.org", "x", is_active=False, is_superuser=True)
    half = get_user_model().objects.create_user("half", "no-admin@example.org", "x")  # may change, cannot open
    half.user_permissions.add(Permission.objects.get(codename="change_accessrequest"))
    client = Client()
    client.force_login(member)
    mail.outbox.clear()
    reason = "Housing officer\nat https://evil.example/approve"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/members/local-government-access/", {"access-reason": reason})
    assert response.status_code == 302
    told = [message for message in mail.outbox if "local government access is waiting" in message.subject]
    recipients = sorted(address for message in told for address in message.to)
    superusers = get_user_model().objects.filter(is_superuser=True, is_active=True).values_list("email", flat=True)
    assert recipients == sorted({"decider@example.org", *superusers}), "each decider once; never the member"
    assert all(len(message.to) == 1 for message in told), "no decider sees the others' addresses"
    message = next(message for message in told if message.to == ["decider@example.org"])
    html = message.alternatives[0][0]
    for private in (member.email, "Test Member", "Housing officer", "evil.example"):
        assert private not in message.body and private not in html and private not in message.subject
    request = AccessRequest.objects.get(user=member)
    link = next(word for word in message.body.split() if "/access-requests/edit/" in word)
    path = link[link.index("/admin/") :]
    assert path.rstrip("/").endswith(str(request.pk)) and "only request waiting" in message.body
    editor = Client()
    editor.force_login(decider)
    assert editor.get(path).status_code == 200


def test_a_decision_tells_no_decider(decider, django_capture_on_commit_callbacks):
    request = AccessRequest.objects.create(user=make_member("asker@example.org"), reason="A reason")
    mail.outbox.clear()
    request.status = AccessRequest.Status.APPROVED
    with django_capture_on_commit_callbacks(execute=True):
        request.save()
    assert [message.to for message in mail.outbox] == [["asker@example.org"]]


def test_a_request_decided_before_the_worker_runs_tells_nobody(decider):
    from members.access_notice import tell_deciders

    request = AccessRequest.objects.create(
        user=make_member("quick@example.org"), reason="A reason", status=AccessRequest.Status.DECLINED
    )
    mail.outbox.clear()
    assert tell_deciders.call(request.pk) == 0 and mail.outbox == []
