from wagtail import hooks

from .views_admin import AlertsViewSetGroup


@hooks.register("register_admin_viewset")
def register_alerts_viewsets():
    return AlertsViewSetGroup()
