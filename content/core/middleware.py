"""The request's Wagtail site, from what the worker keeps (``content.core.worker_memo``)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponseBase

from .views import kept_site, kept_site_root_paths


class KeptSiteMiddleware:
    """Sets the request's site where ``Site.find_for_request`` keeps it (``request._wagtail_site``, as its
    docstring says), from the worker's memo: Wagtail's own look-up queries every site on each request, and
    every view asks (the header's menu, the site settings). Its root paths too, where ``Page.get_url(request)``
    looks for them first (``request._wagtail_cached_site_root_paths``): a read of the shared cache before."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not hasattr(request, "_wagtail_site"):
            with contextlib.suppress(DisallowedHost):  # left to Django, which answers 400
                request._wagtail_site = kept_site(request)
        if not hasattr(request, "_wagtail_cached_site_root_paths"):
            request._wagtail_cached_site_root_paths = kept_site_root_paths()
        return self.get_response(request)
