"""Wagtail's core reports at their own addresses, with their CSV/XLSX downloads through hub.spreadsheets.

wagtail.admin.urls lists these reports ahead of every register_admin_urls hook, so the hub's URLconf serves
them first (website/urls.py, before the admin's include). The views are Wagtail's own, with the same admin
access check and no caching; only the export cells change (page titles, workflow names and log messages
that editors type).
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView

from .spreadsheets import safe_export_view

REPORTS = {
    "locked/": LockedPagesView,
    "workflow/": WorkflowView,
    "workflow_tasks/": WorkflowTasksView,
    "site-history/": LogEntriesView,
    "aging-pages/": AgingPagesView,
}


def _admin_view(view):
    wrapped = never_cache(require_admin_access(view))
    wrapped.view_class, wrapped.view_initkwargs = view.view_class, view.view_initkwargs  # as Django's own views
    return wrapped


urlpatterns = []
for _route, _view_class in REPORTS.items():
    _safe = safe_export_view(_view_class)
    urlpatterns += [
        path(_route, _admin_view(_safe.as_view())),
        path(f"{_route}results/", _admin_view(_safe.as_view(results_only=True))),
    ]
