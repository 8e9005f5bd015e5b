"""What other apps add to a member's own area, so that ``members`` imports none of them.

Apps register with Wagtail's hooks, in their ``wagtail_hooks.py``, as they extend Wagtail's admin:

- ``MEMBER_DASHBOARD``: ``fn(request, profile) -> dict``, merged into the template context of /members/
  (alerts: the settings form and the followed series' unread papers).
- ``MEMBER_EXPORT``: ``fn(user) -> dict``, merged into the member's data export, "Download my data"
  (alerts, questions to authors, case-study submissions).

``topics_chosen`` is sent when a member ticks topics as they sign up (alerts follows them).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal
from django.http import HttpRequest

from wagtail import hooks

MEMBER_DASHBOARD = "hub_member_dashboard"
MEMBER_EXPORT = "hub_member_export"
EMPTY: Mapping[str, Any] = MappingProxyType({})

topics_chosen = Signal()  # kwargs: user, topics (the Topic objects ticked)


def dashboard_sections(request: HttpRequest, profile, taken: Mapping[str, Any] = EMPTY) -> dict[str, Any]:
    """The context every registered app adds to /members/ (``taken``: the members app's own)."""
    return _gathered(MEMBER_DASHBOARD, (request, profile), taken)


def export_sections(user, taken: Mapping[str, Any] = EMPTY) -> dict[str, Any]:
    """What every registered app keeps about ``user``, for their data export (``taken``: the members app's)."""
    return _gathered(MEMBER_EXPORT, (user,), taken)


def _gathered(hook: str, args: tuple, taken: Mapping[str, Any]) -> dict[str, Any]:
    """Each section's keys, refusing one that another section (or the members app) gives: one app must never
    replace another's part of a member's area or data without anyone noticing."""
    gathered: dict[str, Any] = {}
    for section in hooks.get_hooks(hook):
        part = section(*args)
        clash = set(part) & (set(gathered) | set(taken))
        if clash:
            raise ImproperlyConfigured(
                f"{section.__module__}.{section.__qualname__} gives {', '.join(sorted(clash))} to {hook}, "
                "which another part of the member's area already gives."
            )
        gathered.update(part)
    return gathered
