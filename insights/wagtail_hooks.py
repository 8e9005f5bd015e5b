from django.urls import include, path, reverse_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .views import user_can_view_insights


class InsightMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return user_can_view_insights(request.user)


@hooks.register("register_admin_urls")
def register_insight_urls():
    return [path("insights/", include(urls, namespace="insights"))]


@hooks.register("register_admin_menu_item")
def register_insight_menu_item():
    # Just after "Membership" (230).
    return InsightMenuItem(
        "Network insight", reverse_lazy("insights:dashboard"), icon_name="insights-chart", order=235
    )


@hooks.register("register_icons")
def register_insight_icon(icons):
    return [*icons, "insights/icons/chart.svg"]
