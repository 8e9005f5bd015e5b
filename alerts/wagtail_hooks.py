from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.admin_policies import LimitedPermissionPolicy

from .models import Delivery, EmailSubscription
from .views_admin import AlertsViewSetGroup

# Created by the site only: staff look, put a delivery back in the queue, end a subscription or erase one.
register_permission_policy(Delivery, LimitedPermissionPolicy(Delivery, actions={"view", "change"}))
register_permission_policy(
    EmailSubscription, LimitedPermissionPolicy(EmailSubscription, actions={"view", "change", "delete"})
)


@hooks.register("register_admin_viewset")
def register_alerts_viewsets():
    return AlertsViewSetGroup()
