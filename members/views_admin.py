"""Staff views of members in the Wagtail admin: list, filters, detail, CSV export, request queue."""

from __future__ import annotations

import django_filters

from django.contrib.auth.models import Group

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from hub.spreadsheets import SafeSpreadsheetViewSetMixin

from .models import AccessRequest, LocalAuthority, LocalGovernmentDomain, MemberProfile, OrganisationType
from .tiers import TIERS


class MemberFilterSet(WagtailFilterSet):
    tier = django_filters.ModelChoiceFilter(
        label="Tier",
        field_name="user__groups",
        queryset=Group.objects.filter(name__in=TIERS),
    )
    organisation_type = django_filters.ChoiceFilter(choices=OrganisationType.choices)
    local_authority = django_filters.ModelChoiceFilter(queryset=LocalAuthority.objects.all())
    joined = django_filters.DateFromToRangeFilter(
        label="Joined", field_name="user__date_joined", widget=DateRangePickerWidget
    )

    class Meta:
        model = MemberProfile
        fields = ["tier", "organisation_type", "local_authority", "joined"]


class MemberViewSet(SafeSpreadsheetViewSetMixin, ModelViewSet):
    """Names, organisations and job roles are typed by members: the CSV/XLSX export defuses formulas."""

    model = MemberProfile
    icon = "user"
    menu_label = "Members"
    name = "member_profiles"
    url_prefix = "member-profiles"
    add_to_admin_menu = False
    inspect_view_enabled = True
    list_display = [
        "full_name",
        Column("email", label="Email", accessor="email"),
        "organisation_type",
        Column("organisation", label="Organisation", accessor="organisation"),
        DateColumn("created_at", label="Joined"),
    ]
    list_export = [
        "full_name",
        "email",
        "organisation_type",
        "organisation",
        "job_role",
        "release_alerts",
        "created_at",
    ]
    export_headings = {"email": "Email", "organisation": "Organisation", "created_at": "Joined"}
    export_filename = "members"
    filterset_class = MemberFilterSet
    search_fields = ["full_name", "organisation_name", "user__email", "job_role"]
    search_backend_name = None  # plain database filtering over the fields above
    inspect_view_fields = [
        "full_name",
        "email",
        "organisation_type",
        "organisation_name",
        "local_authority",
        "job_role",
        "topics",
        "release_alerts",
        "created_at",
    ]
    form_fields = ["full_name", "organisation_type", "organisation_name", "local_authority", "job_role", "topics"]

    def get_queryset(self, request):
        return MemberProfile.objects.select_related("user", "local_authority")


def member_label(access_request: AccessRequest) -> str:
    """Who asked, as editors know them: their name and address (not the login name)."""
    user = access_request.user
    profile = getattr(user, "member_profile", None)
    name = profile.full_name if profile and profile.full_name else ""
    return f"{name} <{user.email}>" if name else user.email


class AccessRequestEditView(EditView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        if instance.status != AccessRequest.Status.PENDING:
            instance.decided_by = self.request.user
        instance.save()
        return instance


class AccessRequestViewSet(ModelViewSet):
    model = AccessRequest
    icon = "key"
    menu_label = "Access requests"
    name = "access_requests"
    url_prefix = "access-requests"
    edit_view_class = AccessRequestEditView
    edit_template_name = "members/admin/access_request_edit.html"  # the request itself above the decision
    list_display = [
        # Linked to the decision form (a plain Column left the rows with nothing to open: browser walk).
        TitleColumn("member", label="Member", accessor=member_label, url_name="access_requests:edit"),
        "reason",
        "status",
        DateColumn("created_at", label="Asked"),
    ]
    list_filter = ["status"]
    form_fields = ["status", "decision_note"]
    search_fields = ["user__email", "reason"]
    search_backend_name = None

    def get_queryset(self, request):
        return AccessRequest.objects.select_related("user__member_profile").order_by("status", "-created_at")


class LocalGovernmentDomainViewSet(ModelViewSet):
    model = LocalGovernmentDomain
    icon = "globe"
    menu_label = "Local government domains"
    name = "local_government_domains"
    url_prefix = "local-government-domains"
    list_display = ["domain", "note"]
    form_fields = ["domain", "note"]


class MembershipViewSetGroup(ViewSetGroup):
    menu_label = "Membership"
    menu_icon = "group"
    menu_order = 230
    items = (MemberViewSet, AccessRequestViewSet, LocalGovernmentDomainViewSet)
