"""Who may submit case studies, and who may open a submission's files."""

from __future__ import annotations

from django.http import HttpRequest

from wagtail.models import Site


def allowed_group_names(request: HttpRequest | None = None) -> set[str]:
    from .models import SubmissionSettings

    if request is not None:
        settings = SubmissionSettings.for_request(request)
    else:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        settings = SubmissionSettings.for_site(site)
    return settings.allowed_group_names()


def can_submit(user, request: HttpRequest | None = None) -> bool:
    """Members of the local government tier, and of any further groups chosen in the site settings."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name__in=allowed_group_names(request)).exists()


def can_open_files(user, submission) -> bool:
    """The member who submitted, or someone who may edit the page it became (editors, moderators)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if submission.owner_id == user.pk:
        return True
    if submission.page_id is None:
        return False
    return submission.page.permissions_for_user(user).can_edit()
