"""Telling the people who decide access requests that one is waiting.

The email carries no personal data: no name, address or reason (those stay in the admin, behind its
sign-in), so it is safe to send to every decider, technical superusers included, and nothing a member
typed reaches a subject line or becomes a link. It is sent by the worker, not in the member's request.
"""

from __future__ import annotations

import logging

from django_tasks import task

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from .emails import send_templated_email
from .models import AccessRequest

logger = logging.getLogger(__name__)


def _holders(app_label: str, codename: str):
    """Ids of users given the permission, themselves or through a group (whatever the login backends)."""
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(Q(user_permissions__in=permission) | Q(groups__permissions__in=permission))
        .values("pk")
    )


def deciders() -> list[str]:
    """The addresses of the active users who may open the admin and change access requests."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    may_decide = Q(pk__in=_holders("members", "change_accessrequest")) & Q(
        pk__in=_holders("wagtailadmin", "access_admin")
    )
    return sorted(set(users.filter(Q(is_superuser=True) | may_decide).values_list("email", flat=True)))


@task()
def tell_deciders(access_request_id: int) -> int:
    """One email to each decider, to their own address; none if the request was decided or withdrawn since."""
    access_request = AccessRequest.objects.filter(pk=access_request_id, status=AccessRequest.Status.PENDING).first()
    if access_request is None:
        return 0
    context = {
        "decide_url": reverse("access_requests:edit", args=[access_request.pk]),
        "waiting": AccessRequest.objects.filter(status=AccessRequest.Status.PENDING).count(),
    }
    addresses = deciders()
    for address in addresses:
        send_templated_email("email/access_request_new", context, [address])
    return len(addresses)


def queue_notice(access_request: AccessRequest) -> None:
    """After the commit (a rolled-back request tells nobody), for the worker."""
    if access_request.status != AccessRequest.Status.PENDING:
        return
    pk = access_request.pk

    def enqueue() -> None:
        try:
            tell_deciders.enqueue(pk)
        except Exception:  # noqa: BLE001 - the member's request is saved; the admin's queue still shows it
            logger.exception("Could not queue the notice of access request %s", pk)

    transaction.on_commit(enqueue)
