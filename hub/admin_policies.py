"""Permission policies for admin listings of records the site creates itself (no "Add" in the admin).

Wagtail's ModelViewSet shows Add/Edit/Delete by the model's permissions; these policies take away
the actions that make no sense for a record (a delivery, a task result, a sign-up) for everyone,
superusers included, so the buttons disappear and the views refuse.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from wagtail.permission_policies import ModelPermissionPolicy


class LimitedPermissionPolicy(ModelPermissionPolicy):
    def __init__(self, model, *, actions: set[str], **kwargs):
        super().__init__(model, **kwargs)
        self.allowed_actions = actions

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in self.allowed_actions]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
