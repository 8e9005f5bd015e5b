"""What other apps add to a member's own area, so that ``members`` imports none of them.

Apps register with Wagtail's hooks, in their ``wagtail_hooks.py``, as they extend Wagtail's admin:

- ``MEMBER_DASHBOARD``: ``fn(request, profile) -> dict``, merged into the template context of /members/
  (alerts: the settings form and the followed series' unread papers).
- ``MEMBER_EXPORT``: ``fn(user) -> dict``, merged into the member's data export, "Download my data"
  (alerts, questions to authors, case-study submissions).

``topics_chosen`` is sent when a member ticks topics as they sign up (alerts follows them).
"""

from __future__ import annotations

from typing import Any

from django.dispatch import Signal
from django.http import HttpRequest

from wagtail import hooks

MEMBER_DASHBOARD = "hub_member_dashboard"
MEMBER_EXPORT = "hub_member_export"

topics_chosen = Signal()  # kwargs: user, topics (the Topic objects ticked)


def dashboard_sections(request: HttpRequest, profile) -> dict[str, Any]:
    """The context every registered app adds to /members/."""
    context: dict[str, Any] = {}
    for section in hooks.get_hooks(MEMBER_DASHBOARD):
        context.update(section(request, profile))
    return context


def export_sections(user) -> dict[str, Any]:
    """What every registered app keeps about ``user``, for their data export."""
    data: dict[str, Any] = {}
    for section in hooks.get_hooks(MEMBER_EXPORT):
        data.update(section(user))
    return data
