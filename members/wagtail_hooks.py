from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.admin_policies import LimitedPermissionPolicy

from .models import AccessRequest, MemberProfile
from .views_admin import MembershipViewSetGroup

# Members join through the site; their requests come from /members/. Staff never add either here.
register_permission_policy(MemberProfile, LimitedPermissionPolicy(MemberProfile, actions={"view", "change", "delete"}))
register_permission_policy(AccessRequest, LimitedPermissionPolicy(AccessRequest, actions={"view", "change"}))


@hooks.register("register_admin_viewset")
def register_membership_viewsets():
    return MembershipViewSetGroup()
