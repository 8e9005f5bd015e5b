"""Responses for one reader only: the one place that says how a page rendered for its reader is sent.

A member-only page, a search for a signed-in member, a submission draft or a protected document holds what
this reader may see and another may not. Whatever else a view adds (``never_cache``'s max-age=0), such a
response carries:

- ``Cache-Control: private``: no shared cache (a proxy, a CDN, the page cache in ``website``) may keep it;
- ``Cache-Control: no-store``: the browser keeps no copy either, so the back button on a shared computer
  after signing out shows nothing of it;
- ``Vary: Cookie``: any cache that ignores the two above still keys the copy by the reader's session.

Directives and Vary values already on the response are kept (Django's ``patch_*`` merge, never replace).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers


def private_response(response: HttpResponse) -> HttpResponse:
    """Mark ``response`` as for this reader only (private, no-store, Vary: Cookie) and return it; for code
    that holds a response rather than a view (a Wagtail page's ``serve()``)."""
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """View decorator: every response of ``view``, redirects and errors it returns included, goes through
    ``private_response``."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return private_response(view(request, *args, **kwargs))

    return wrapped
