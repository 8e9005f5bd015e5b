from wagtail import hooks

from .views_admin import MembershipViewSetGroup


@hooks.register("register_admin_viewset")
def register_membership_viewsets():
    return MembershipViewSetGroup()
