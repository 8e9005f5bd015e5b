"""The member's own area: details, consents, notifications, access requests, export, deletion."""

from __future__ import annotations

import json

from allauth.account.decorators import reauthentication_required
from allauth.account.models import EmailAddress

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from wagtail.models import Page

from content.core import params, request_memo

from . import consents
from .forms import AccessRequestForm, DeleteAccountForm, ProfileForm
from .models import AccessRequest, Consent, MemberProfile, OpenedPage, SavedPage
from .reading_list import can_list, is_saveable, saved_pages
from .sections import dashboard_sections, export_sections
from .tiers import LOCAL_GOVERNMENT_MEMBERS, MEMBERS, is_local_government_member


def _profile(user) -> MemberProfile:
    try:
        return user.member_profile  # read with the user (members.auth_backends)
    except MemberProfile.DoesNotExist:
        pass
    profile, _ = MemberProfile.objects.get_or_create(
        user=user, defaults={"full_name": user.get_full_name() or user.email, "organisation_type": "other"}
    )
    return profile


def membership_label(user) -> str:
    """The member's tier in words, not the names of Django groups."""
    names = request_memo.user_group_names(user)
    if LOCAL_GOVERNMENT_MEMBERS in names:
        return "local government member (you can read the case studies shared with local government)"
    if MEMBERS in names:
        return "member"
    return "not active yet: confirm your email address to start"


@never_cache
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The member's account at a glance: details, alerts, reading list, contributions, privacy."""
    if request.method == "POST":  # the details form of a page opened before it moved: keep what was typed
        return HttpResponseRedirect(reverse("members:details"), status=307)
    if request.method not in {"GET", "HEAD"}:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    profile = _profile(request.user)
    access_requests = list(AccessRequest.objects.filter(user=request.user))  # newest first
    given = list(Consent.objects.filter(user=request.user))
    context = {
        "profile": profile,
        "consents": given,
        "newsletter_active": any(c.kind == Consent.Kind.NEWSLETTER and c.withdrawn_at is None for c in given),
        "newsletter_wording": consents.wording(Consent.Kind.NEWSLETTER),
        "access_requests": access_requests,
        "is_local_government": is_local_government_member(request.user),
        "pending_request": next((r for r in access_requests if r.status == AccessRequest.Status.PENDING), None),
        "access_form": AccessRequestForm(prefix="access"),
        "membership": membership_label(request.user),
        "local_government_tier": LOCAL_GOVERNMENT_MEMBERS,
        "saved_pages": saved_pages(request),
    }
    context.update(dashboard_sections(request, profile, taken=context))  # alerts: members.sections' registry
    return TemplateResponse(request, "members/dashboard.html", context)


@never_cache
@login_required
def details(request: HttpRequest) -> HttpResponse:
    """The member's name, organisation and role: shown on /members/, changed here."""
    form = ProfileForm(request.POST or None, instance=_profile(request.user), prefix="profile")
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your details have been saved.")
        return redirect("members:dashboard")  # to the top, where the message says it was saved
    return TemplateResponse(request, "members/details.html", {"form": form})


@require_POST
@login_required
def withdraw_consent(request: HttpRequest, pk: int) -> HttpResponse:
    consent = get_object_or_404(Consent, pk=pk, user=request.user)
    if consent.kind == Consent.Kind.PRIVACY_NOTICE:
        messages.error(
            request,
            "Your membership depends on the privacy notice: to withdraw it, delete your account below.",
        )
    else:
        consents.withdraw(consent)
        messages.success(request, f"Consent withdrawn: {consent.get_kind_display()}.")
    return redirect("members:dashboard")


@require_POST
@login_required
def give_newsletter_consent(request: HttpRequest) -> HttpResponse:
    if not consents.has_active(request.user, Consent.Kind.NEWSLETTER):
        consents.record(request.user, Consent.Kind.NEWSLETTER)
        messages.success(request, "You will receive the newsletter.")
    return redirect("members:dashboard")


@never_cache
@login_required
def request_access(request: HttpRequest) -> HttpResponse:
    """Ask for the local government tier; the request joins the editors' queue."""
    if is_local_government_member(request.user):
        messages.info(request, "You already have local government access.")
        return redirect("members:dashboard")
    pending = AccessRequest.objects.filter(user=request.user, status=AccessRequest.Status.PENDING).first()
    form = AccessRequestForm(request.POST or None, prefix="access")
    if request.method == "POST" and pending is None and form.is_valid():
        access_request = form.save(commit=False)
        access_request.user = request.user
        access_request.save()
        messages.success(request, "Your request has been sent. We will email you when an editor has decided.")
        return HttpResponseRedirect(params.next_url(request, request.POST.get("next"), reverse("members:dashboard")))
    return TemplateResponse(
        request,
        "members/request_access.html",
        {"form": form, "pending_request": pending, "next": request.GET.get("next", "")},
    )


@never_cache
@login_required
@reauthentication_required
def export(request: HttpRequest) -> HttpResponse:
    """All the personal data the hub holds about the member, as JSON (a POST from the page a GET shows, so
    that after re-entering the password the member lands on a page, not a finished download)."""
    if request.method != "POST":
        return TemplateResponse(request, "members/export.html", {})
    user = request.user
    profile = (
        MemberProfile.objects.filter(user=user).prefetch_related("topics").select_related("local_authority").first()
    )
    data = {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "tiers": [group.name for group in user.groups.order_by("name")],
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "profile": None
        if profile is None
        else {
            "full_name": profile.full_name,
            "organisation_type": profile.get_organisation_type_display(),
            "organisation_name": profile.organisation_name,
            "local_authority": (
                {"name": profile.local_authority.official_name, "gss_code": profile.local_authority.gss_code}
                if profile.local_authority
                else None
            ),
            "job_role": profile.job_role,
            "topics": [topic.name for topic in profile.topics.all()],
            "release_alerts": profile.release_alerts,
            "created_at": profile.created_at,
        },
        "consents": [
            {
                "kind": c.get_kind_display(),
                "wording_version": c.wording_version,
                "wording": c.wording,
                "given_at": c.given_at,
                "withdrawn_at": c.withdrawn_at,
            }
            for c in Consent.objects.filter(user=user)
        ],
        "access_requests": [
            {
                "reason": r.reason,
                "status": r.get_status_display(),
                "created_at": r.created_at,
                "decided_at": r.decided_at,
            }
            for r in AccessRequest.objects.filter(user=user)
        ],
        "reading_list": [
            {"title": s.page.title, "url": s.page.url, "saved_at": s.saved_at}
            for s in SavedPage.objects.filter(user=user).select_related("page")
        ],
        "papers_opened": [
            {"title": o.page.title, "first_opened_at": o.first_opened_at}
            for o in OpenedPage.objects.filter(user=user).select_related("page")
        ],
    }
    data.update(export_sections(user, taken=data))  # alerts, questions, submissions: members.sections' registry
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-hub-data.json"'
    return response


@never_cache
@login_required
@reauthentication_required
def delete_account(request: HttpRequest) -> HttpResponse:
    """Delete the account and its personal data; pages the member wrote stay, without their name."""
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            logout(request)
            user.delete()  # profile, consents, emails, requests go with it; authored pages keep owner=None
        messages.success(request, "Your account and personal data have been deleted.")
        return redirect("/")
    return TemplateResponse(request, "members/delete.html", {"form": form})


@require_POST
@login_required
def reading_list(request: HttpRequest) -> HttpResponse:
    """Save a paper, post or case study to the reading list, or take it off."""
    page_id = params.id_or_404(request.POST.get("page"))
    if request.POST.get("action") == "remove":
        # Always possible, whatever has happened to the page or the member's access since.
        SavedPage.objects.filter(user=request.user, page_id=page_id).delete()
        messages.success(request, "Taken off your reading list.")
    else:
        page = get_object_or_404(Page.objects.live().select_related("content_type"), pk=page_id)
        # Only what the member may read, or whose teaser is public: never a title from a closed section.
        if not is_saveable(page) or not can_list(page, request):
            raise Http404
        SavedPage.objects.get_or_create(user=request.user, page=page)
        messages.success(request, f"“{page.title}” is on your reading list in your account.")
    return HttpResponseRedirect(
        params.next_url(request, request.POST.get("next"), f"{reverse('members:dashboard')}#reading-list")
    )
