"""The one way in: allauth's backend, with a signed-in user's profile and permissions read in one query each."""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

UserModel = get_user_model()


class AuthenticationBackend(AllauthBackend):
    """allauth's backend (email sign-in, rate limits, mandatory verification), unchanged but for reading.

    The request's user comes with their member profile (the members' area and alerts read it). Django's
    ``ModelBackend`` reads a user's own permissions and their groups' permissions in two queries, and Wagtail's
    user bar asks for one on every Wagtail page a signed-in reader opens. One query with both as subqueries
    gives the same set (``tests/members/test_auth_backend.py`` compares them), kept for the request on the
    user object under the name Django's backend uses.
    """

    def get_user(self, user_id):
        """The signed-in user of a request, with their member profile (and its council) in the same query."""
        users = UserModel._default_manager.select_related("member_profile__local_authority")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            granted = Permission.objects.all()
            if not user_obj.is_superuser:
                own = Permission.user_set.through.objects.filter(user=user_obj).values("permission_id")
                groups = Permission.group_set.through.objects.filter(group__user=user_obj).values("permission_id")
                granted = granted.filter(Q(pk__in=own) | Q(pk__in=groups))
            pairs = granted.values_list("content_type__app_label", "codename").order_by().distinct()
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in pairs}
        return user_obj._perm_cache
