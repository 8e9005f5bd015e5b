"""Emails to members about their submissions, sent in the background (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from django.conf import settings

from members.emails import send_templated_email
from members.models import MemberProfile

from .models import CaseStudySubmission


@task()
def send_submission_email(submission_id: int, kind: str) -> None:
    """kind: 'changes_requested' (with the editor's comment) or 'published' (with the page's link)."""

    submission = CaseStudySubmission.objects.select_related("owner", "page").filter(pk=submission_id).first()
    if submission is None or not submission.owner.email:
        return
    profile = MemberProfile.objects.filter(user=submission.owner).first()
    base_url = settings.WAGTAILADMIN_BASE_URL
    page = submission.page
    context = {
        "name": profile.full_name if profile else "",
        "title": page.title if page else submission.title,
        "comment": submission.editor_comment,
        "status_url": base_url + submission.get_absolute_url(),
        "edit_url": base_url + submission.get_absolute_url(),
        "page_url": (page.get_full_url() or "") if page else "",
    }
    send_templated_email(f"email/submission_{kind}", context, [submission.owner.email])
