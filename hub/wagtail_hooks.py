"""The background worker's queue in the admin (Settings → Background tasks), for staff to see failures."""

from django_tasks_db.models import DBTaskResult

from django.apps import apps
from django.urls import path

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.redirects.views import IndexView as RedirectIndexView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.permissions import register_permission_policy

from .admin_policies import LimitedPermissionPolicy
from .spreadsheets import safe_export_view


class TaskResultViewSet(ModelViewSet):
    model = DBTaskResult
    icon = "cogs"
    menu_label = "Background tasks"
    name = "background_tasks"
    url_prefix = "background-tasks"
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = [
        Column("task_path", label="Task"),
        Column("status", label="Status"),
        DateColumn("enqueued_at", label="Queued"),
        DateColumn("finished_at", label="Finished"),
        Column("exception_class_path", label="Error"),
    ]
    list_filter = ["status", "task_path"]
    inspect_view_fields = [
        "task_path",
        "status",
        "args_kwargs",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
        "worker_ids",
        "exception_class_path",
        "traceback",
    ]
    ordering = ["-enqueued_at"]
    # Nothing to edit by hand: a task is re-run by the code that queued it (deliveries retry themselves).
    form_fields = ["priority"]


register_permission_policy(DBTaskResult, LimitedPermissionPolicy(DBTaskResult, actions={"view"}))


@hooks.register("register_admin_viewset")
def register_task_results():
    return TaskResultViewSet()


@hooks.register("register_admin_urls", order=-1)
def export_wagtail_listings_through_the_formula_rule():
    """Wagtail's "Search terms" report (terms typed by the public) and redirects listing, at their own
    addresses, with their CSV/XLSX downloads through hub.spreadsheets.

    Wagtail adds these apps' admin URLs from their own register_admin_urls hooks (order 0); this hook runs
    first, so the same paths resolve here. The views are Wagtail's, with SafeSpreadsheetExportMixin in front.
    Wagtail's core reports (locked pages, aging pages, site history, workflows) are in wagtail.admin.urls
    itself, ahead of every hook: they cannot be replaced from here (tests/hub/test_exports.py names them).
    """
    urls = []
    if apps.is_installed("wagtail.contrib.search_promotions"):
        terms = safe_export_view(SearchTermsReportView)
        urls += [
            path("searchpicks/reports/search-terms/", terms.as_view()),
            path("searchpicks/reports/search-terms/results/", terms.as_view(results_only=True)),
        ]
    if apps.is_installed("wagtail.contrib.redirects"):
        redirects = safe_export_view(RedirectIndexView)
        urls += [
            path("redirects/", redirects.as_view()),
            path("redirects/results/", redirects.as_view(results_only=True)),
        ]
    return urls
