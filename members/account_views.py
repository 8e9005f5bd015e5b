"""Wagtail's own login routes, closed in favour of allauth's."""

from django.http import HttpRequest, HttpResponse, HttpResponseGone
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def to_allauth_login(request: HttpRequest) -> HttpResponse:
    """Send Wagtail's admin and front-end login URLs to allauth's login, keeping a safe `next`."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = ""
    url = reverse("account_login")
    return redirect(f"{url}?{urlencode({'next': target})}" if target else url)


def gone(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """Shared-password page privacy is switched off."""
    return HttpResponseGone()
