"""The "Network insight" dashboard and its CSV downloads, for superusers, editors and moderators."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView, View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from content.core import request_memo
from content.core.groups import EDITORIAL_GROUPS
from hub.spreadsheets import csv_response

from .charts import chart_for
from .reports import DAY_CHOICES, REPORTS, WEEK_CHOICES, Period, all_reports


def user_can_view_insights(user) -> bool:
    """Superusers and members of the Editors or Moderators groups; nobody else, whatever their admin access."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(request_memo.user_group_names(user) & set(EDITORIAL_GROUPS))


class InsightAccessMixin:
    """Checked inside Wagtail's own admin-access check (register_admin_urls), which turns anonymous
    readers away to the login page first; a refusal here sends a signed-in user back to the admin home."""

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        if not user_can_view_insights(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


@method_decorator(never_cache, name="dispatch")
class DashboardView(InsightAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "insights/dashboard.html"
    page_title = "Network insight"
    header_icon = "insights-chart"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
        {"url": "", "label": "Network insight"},
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = Period.from_query(self.request.GET)
        query = f"?weeks={period.weeks}&days={period.days}"
        context.update(
            period=period,
            week_choices=WEEK_CHOICES,
            day_choices=DAY_CHOICES,
            sections=[
                {
                    "report": report,
                    "chart": chart_for(report),
                    "csv_url": reverse("insights:csv", args=[report.slug]) + query,
                }
                for report in all_reports(period)
            ],
        )
        return context


@method_decorator(never_cache, name="dispatch")
class ReportCSVView(InsightAccessMixin, View):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        build = REPORTS.get(slug)
        if build is None:
            raise Http404
        period = Period.from_query(request.GET)
        report = build(period)
        window = f"-{report.window}" if report.window else ""
        # Search terms come from the public: every cell goes through the staff exports' formula rule.
        return csv_response(report.csv_rows(), f"hub-{slug}{window}-{period.today.isoformat()}.csv")
