"""Who may submit case studies, and who may open a submission's files."""

from __future__ import annotations

from django.http import HttpRequest

from wagtail.models import Site

from content.core import request_memo
from content.core.groups import LOCAL_GOVERNMENT_MEMBERS

from .models import SubmissionSettings


def allowed_group_names(request: HttpRequest | None = None) -> set[str]:
    """Local government members, and the further groups ticked in the site's settings (read in one query,
    as ``SubmissionSettings.allowed_group_names`` for the request's site)."""
    if request is not None:
        site = Site.find_for_request(request)  # already known to the request
    else:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    ticked = SubmissionSettings.further_groups.through.objects.filter(submissionsettings__site=site)
    return {LOCAL_GOVERNMENT_MEMBERS, *ticked.values_list("group__name", flat=True)}


def can_submit(user, request: HttpRequest | None = None) -> bool:
    """Members of the local government tier, and of any further groups chosen in the site settings."""
    if not user.is_authenticated or not user.is_active:
        return False
    names = request_memo.user_group_names(user)
    if LOCAL_GOVERNMENT_MEMBERS in names:
        return True  # always allowed: no need to read the settings' further groups
    return bool(names & allowed_group_names(request))


def can_open_files(user, submission) -> bool:
    """The member who submitted, or someone who may edit the page it became (editors, moderators)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if submission.owner_id == user.pk:
        return True
    if submission.page_id is None:
        return False
    return submission.page.permissions_for_user(user).can_edit()
