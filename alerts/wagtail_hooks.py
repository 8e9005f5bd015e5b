from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.admin_policies import LimitedPermissionPolicy
from members.sections import MEMBER_DASHBOARD, MEMBER_EXPORT

from .forms import AlertSettingsForm
from .models import Delivery, EmailSubscription, Follow
from .unread import unread_papers
from .views_admin import AlertsViewSetGroup

# Created by the site only: staff look, put a delivery back in the queue, end a subscription or erase one.
register_permission_policy(Delivery, LimitedPermissionPolicy(Delivery, actions={"view", "change"}))
register_permission_policy(
    EmailSubscription, LimitedPermissionPolicy(EmailSubscription, actions={"view", "change", "delete"})
)


@hooks.register("register_admin_viewset")
def register_alerts_viewsets():
    return AlertsViewSetGroup()


@hooks.register(MEMBER_DASHBOARD)
def alerts_on_the_members_area(request, profile) -> dict:
    """/members/: the alert settings (follows, frequency) and each followed series' unread papers."""
    follows = list(Follow.objects.filter(user=request.user).select_related("series"))
    return {
        "alerts_form": AlertSettingsForm(user=request.user, profile=profile, follows=follows, prefix="alerts"),
        "unread_series": unread_papers(request, [follow.series for follow in follows if follow.series_id]),
    }


@hooks.register(MEMBER_EXPORT)
def alerts_in_the_data_export(user) -> dict:
    return {
        "alerts": {
            "frequency": getattr(getattr(user, "alert_settings", None), "frequency", "immediate"),
            "follows": [
                follow.target_label for follow in Follow.objects.filter(user=user).select_related("series", "topic")
            ],
            "emails_sent": [
                {"page": d.announcement.page.title, "status": d.get_status_display(), "sent_at": d.sent_at}
                for d in Delivery.objects.filter(user=user).select_related("announcement__page")
            ],
        },
    }
