"""Staff use two-factor authentication: anyone who can open the Wagtail admin enrols, then uses it.

allauth's MFA asks for the second factor at sign-in once an authenticator exists. This middleware closes
the gaps around it, on every request, not only the admin's: a staff session carries editors' rights across
the site (unpublished documents, restricted pages, members' attachments). A staff account without an
authenticator is sent to set one up, and a session that signed in without the second factor (say, before
enrolment, or by a password alone) is asked for a code. Only the account pages that do this, and static
files, stay open. ``HUB_STAFF_MFA_REQUIRED`` is on in every settings module but the test one, where the
tests of this middleware switch it on (tests/members/test_account_security.py).
"""

from __future__ import annotations

from collections.abc import Callable

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

# Where a staff member without the second factor may still go: signing in, out, enrolling, and the files
# those pages need.
OPEN_PREFIXES = ("/accounts/", "/static/", "/favicon.ico", "/robots.txt")


def can_open_admin(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def session_used_second_factor(request: HttpRequest) -> bool:
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def totp_exists(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def is_totp_activation(request: HttpRequest) -> bool:
    try:
        return resolve(request.path_info).url_name == "mfa_activate_totp"
    except Resolver404:
        return False


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path_info.startswith("/accounts/") and is_totp_activation(request):
            return self.activate(request)
        if (
            getattr(settings, "HUB_STAFF_MFA_REQUIRED", True)
            and not request.path_info.startswith(OPEN_PREFIXES)
            and can_open_admin(request.user)
        ):
            next_query = urlencode({"next": request.get_full_path()})
            if not totp_exists(request.user):
                messages.info(request, "Staff accounts use two-factor authentication. Set it up to continue.")
                return redirect(f"{reverse('mfa_activate_totp')}?{next_query}")
            if not session_used_second_factor(request):
                return redirect(f"{reverse('mfa_reauthenticate')}?{next_query}")
        return self.get_response(request)

    def activate(self, request: HttpRequest) -> HttpResponse:
        """Setting up the app takes a valid code from it: this session has then used the second factor, as a
        sign-in with it would (so a new staff member is not asked for another code straight away). Decided
        here, around that very request, because allauth announces the new authenticator after its commit."""
        user = request.user
        had_one = user.is_authenticated and totp_exists(user)
        response = self.get_response(request)
        if user.is_authenticated and not had_one and response.status_code == 302 and totp_exists(user):
            record_authentication(request, user, method="mfa", type=Authenticator.Type.TOTP)
        return response
