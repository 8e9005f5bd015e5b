"""Editors see that questions are flowing: a read-only admin listing, without the messages themselves.

The list shows the case study, when, where it went and whether it was answered. It leaves out the
question and answer text and who asked: they are private messages between a member and the authors,
and editors need only know that the relay works (data minimisation), not what was said or by whom.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from members.sections import MEMBER_EXPORT
from members.views_admin import MembershipViewSetGroup

from .export import questions_for_export
from .models import Question


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view" exists, for superusers too: nobody adds, edits or deletes a member's question here."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


register_permission_policy(Question, ViewOnlyPermissionPolicy(Question))

# Under "Membership" once its group names a submenu hook (MembershipViewSetGroup.submenu_hook);
# until then, an item of its own in the main menu.
MEMBERSHIP_SUBMENU_HOOK = getattr(MembershipViewSetGroup, "submenu_hook", None)


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = "Questions to authors"
    menu_order = 231
    menu_hook = MEMBERSHIP_SUBMENU_HOOK or "register_admin_menu_item"
    name = "case_study_questions"
    url_prefix = "case-study-questions"
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["routed_to"]  # required by ModelViewSet; the policy above keeps every form closed
    list_display = [
        Column("page", label="Case study", accessor="page"),
        DateColumn("created_at", label="Asked"),
        "routed_to",
        BooleanColumn("is_answered", label="Answered"),
        DateColumn("answered_at", label="Answered on"),
    ]
    list_filter = ["routed_to"]
    search_fields = None

    def get_queryset(self, request):
        return Question.objects.select_related("page").order_by("-created_at")

    def get_permissions_to_register(self):
        # The view permission is the only one; let administrators give it to groups in Settings → Groups.
        return Permission.objects.filter(content_type__app_label="questions", codename="view_question")


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet()


@hooks.register(MEMBER_EXPORT)
def questions_in_the_data_export(user) -> dict:
    return {"case_study_questions": questions_for_export(user)}
