"""Where signing in or out returns the reader: the page they were on, never another site.

Signing in goes back to any page of the site (``?next=``, or the page the Sign in link was followed from);
signing out only to a page anyone may read, since the reader no longer passes a view restriction (else the
home page). Every path here is a local one: a path on this site, never an address elsewhere.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import Http404, HttpRequest
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.models import Page, Site

from content.core.privacy import public_pages

# Routes outside Wagtail's pages that anyone may open; any other route (the members' area, case-study
# submissions, the admin, the rest of /accounts/) is not returned to after signing out.
PUBLIC_ROUTES = {"search", "account_login", "account_signup", "alerts:subscribe"}
# Account pages are never a place to return to after signing in: the reader came to them to sign in.
ACCOUNT_PREFIX = "/accounts/"


def local_path(request: HttpRequest, url: str) -> str | None:
    """``url``'s path and query when it is an address on this site (a path, or the site's own host), else None."""
    if (
        not url
        or "\\" in url
        or not url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return None
    parts = urlsplit(url)
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def referring_path(request: HttpRequest) -> str | None:
    """The page of this site the request came from (its Referer), unless an account page; else None.

    The site's Referrer-Policy (strict-origin-when-cross-origin) sends the whole address within the site;
    without one (a browser that sends none), the reader simply lands where they would have before.
    """
    path = local_path(request, request.headers.get("referer", ""))
    if path is None or path.startswith(ACCOUNT_PREFIX):
        return None
    return path


def is_public(request: HttpRequest, path: str) -> bool:
    """Whether anyone, signed in or not, may open ``path``: a live page without a view restriction on it
    or an ancestor (``content.core.privacy``), or one of ``PUBLIC_ROUTES``."""
    route_path = urlsplit(path).path
    try:
        match = resolve(route_path)
    except Resolver404:
        return False
    if match.view_name in PUBLIC_ROUTES:
        return True
    if match.url_name != "wagtail_serve":
        return False
    site = Site.find_for_request(request)
    if site is None:
        return False
    try:
        page = site.root_page.specific.route(request, [part for part in route_path.split("/") if part])[0]
    except (Http404, Page.DoesNotExist):
        return False
    return public_pages(Page).filter(pk=page.pk).exists()


def return_address(request: HttpRequest, page: Page | None) -> str:
    """The address the header's Sign in and Sign out carry as ``next``: this one when it is a page of the site or
    one of ``PUBLIC_ROUTES`` outside the account pages, else none. Never an address with a secret in it (a
    question's reply link, an alerts token), which would travel on in the sign-in form, its links and logs."""
    if page is None:
        try:
            view_name = resolve(request.path_info).view_name
        except Resolver404:
            return ""
        if view_name not in PUBLIC_ROUTES or request.path.startswith(ACCOUNT_PREFIX):
            return ""
    return request.get_full_path()
