"""The guided case-study form: one page per step, every POST saves the draft, nothing typed is lost."""

from __future__ import annotations

import mimetypes
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from content.core import params
from content.core.cache_headers import private
from content.core.uploads import check_upload
from members.models import MemberProfile

from .access import can_open_files, can_submit
from .forms import ATTACHMENT_KINDS, MAX_ATTACHMENTS, STEPS, STEPS_BY_SLUG, Step, StepForms, raw_from_post
from .models import CaseStudySubmission, SubmissionAttachment
from .moderation import NotSubmittable, submit_for_review
from .preview import preview_page

RECOVERY_KEY = "submissions:typed-before-sign-in"
RECOVERY_MAX_AGE = 2 * 60 * 60  # seconds: typed text kept across a sign-in is given back within two hours
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
}


def step_url(submission: CaseStudySubmission | None, step: Step) -> str:
    if submission is None:
        return reverse("submissions:start")
    return reverse("submissions:step", args=[submission.pk, step.slug])


def _next_step(step: Step, offset: int) -> Step:
    index = STEPS.index(step) + offset
    return STEPS[max(0, min(index, len(STEPS) - 1))]


def _defaults(step: Step, request: HttpRequest) -> dict[str, Any]:
    """What a step shows before it was ever saved: the member's authority and the member as first contact."""
    if step.slug != "authority":
        return {}
    profile = MemberProfile.objects.filter(user=request.user).select_related("local_authority").first()
    contact = {
        "name": (profile.full_name if profile else "") or request.user.get_full_name(),
        "role": profile.job_role if profile else "",
        "email": request.user.email,
    }
    authority = profile.local_authority_id if profile else None
    return {"form": {"local_authority": authority} if authority else {}, "rows": [contact]}


def step_state(submission: CaseStudySubmission | None, step: Step) -> str:
    """'done', 'incomplete' or 'not started', from what was last saved."""
    if step.slug == "preview":
        return "not started"
    raw = (submission.data.get(step.slug) if submission else None) or None
    if step.slug == "attachments":
        return "done" if raw is not None or (submission and submission.attachments.exists()) else "not started"
    if raw is None:
        return "not started"
    return "done" if StepForms.bound(step, raw).is_valid() else "incomplete"


def step_items(submission: CaseStudySubmission | None, current: Step) -> list[dict[str, Any]]:
    items = []
    for number, step in enumerate(STEPS, start=1):
        state = "current" if step == current else step_state(submission, step)
        items.append(
            {
                "number": number,
                "title": step.title,
                "url": step_url(submission, step) if submission is not None or number == 1 else "",
                "current": step == current,
                "state": state,
            }
        )
    return items


def _not_allowed(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "submissions/not_allowed.html", {}, status=403)


def _keep_typed_text(request: HttpRequest, pk: int | None, step: Step) -> None:
    """The session expired mid-step: keep the typed text (never files) until the member signs in again.

    Who typed it is unknown by now (the session that knew is gone), so the text is given back once, to
    the first member with submit rights who opens that step within RECOVERY_MAX_AGE, and only to the
    draft's owner when it was an existing draft.
    """
    request.session[RECOVERY_KEY] = {
        "pk": pk,
        "step": step.slug,
        "data": raw_from_post(request.POST),
        "kept_at": timezone.now().timestamp(),
    }


def _recovered(request: HttpRequest, submission: CaseStudySubmission | None, step: Step) -> dict | None:
    kept = request.session.get(RECOVERY_KEY)
    if not kept:
        return None
    kept_at = kept.get("kept_at")
    if not isinstance(kept_at, (int, float)) or timezone.now().timestamp() - kept_at > RECOVERY_MAX_AGE:
        del request.session[RECOVERY_KEY]
        return None
    if kept.get("step") != step.slug or kept.get("pk") != (submission.pk if submission else None):
        return None
    del request.session[RECOVERY_KEY]
    return kept["data"]


def _render_step(
    request: HttpRequest,
    submission: CaseStudySubmission | None,
    step: Step,
    step_forms: StepForms,
    *,
    status: int = 200,
) -> HttpResponse:
    errors = step_forms.error_links() if step_forms.form is None or step_forms.form.is_bound else []
    context = {
        "submission": submission,
        "step": step,
        "step_number": STEPS.index(step) + 1,
        "step_count": len(STEPS),
        "steps": step_items(submission, step),
        "form": step_forms.form,
        "rows": step_forms.rows,
        "row_noun": step.rows[2] if step.rows else "",
        "errors": errors,
        "action_url": step_url(submission, step),
        "attachments": list(submission.attachments.all()) if submission else [],
        "max_attachments": MAX_ATTACHMENTS,
        "drafts": (
            CaseStudySubmission.objects.filter(owner=request.user) if submission is None and step == STEPS[0] else []
        ),
        "is_first": step == STEPS[0],
    }
    return TemplateResponse(request, step.template, context, status=status)


def _handle_attachments(request: HttpRequest, submission: CaseStudySubmission, step_forms: StepForms) -> None:
    """Remove what the member asked to remove; keep each new file that passes the checks, refuse the rest."""
    action = request.POST.get("action", "")
    if action.startswith("remove-"):
        attachment_id = params.object_id(action.removeprefix("remove-"))
        attachment = submission.attachments.filter(pk=attachment_id).first() if attachment_id else None
        if attachment is not None:
            attachment.delete()  # its private file (and unused document) go after the commit: signal_handlers
            messages.success(request, f"Removed {attachment.original_name}.")
    room = MAX_ATTACHMENTS - submission.attachments.count()
    for upload in request.FILES.getlist("files"):
        if room <= 0:
            step_forms.form.add_error(
                "files", f"{upload.name} was not added: a case study can have up to {MAX_ATTACHMENTS} files."
            )
            continue
        try:
            kind = check_upload(upload, ATTACHMENT_KINDS)
        except ValidationError as error:
            step_forms.form.add_error("files", error)
            continue
        SubmissionAttachment.objects.create(
            submission=submission, file=upload, original_name=upload.name, kind=kind, size=upload.size
        )
        room -= 1


@never_cache
@private  # every answer, redirects included, is this member's own
def start(request: HttpRequest) -> HttpResponse:
    """/case-studies/submit/: the first step of a new case study, with the member's drafts above it."""
    return step(request, None, STEPS[0].slug)


@never_cache
@private  # every answer, redirects included, is this member's own
def step(request: HttpRequest, pk: int | None, slug: str) -> HttpResponse:
    current = STEPS_BY_SLUG.get(slug)
    if current is None:
        raise Http404
    if not request.user.is_authenticated:
        if request.method == "POST" and current.slug != "preview":
            _keep_typed_text(request, pk, current)
        return redirect_to_login(step_url(None, current) if pk is None else request.path)
    if not can_submit(request.user, request):
        request.session.pop(RECOVERY_KEY, None)  # someone else's words, never theirs to see
        return _not_allowed(request)
    submission = None
    if pk is not None:
        submission = get_object_or_404(CaseStudySubmission, pk=pk, owner=request.user)
        if not submission.is_editable:
            return redirect(submission)
    if current.slug == "preview":
        return preview(request, submission, current)

    if request.method != "POST":
        recovered = _recovered(request, submission, current)
        if recovered is not None:
            messages.info(
                request,
                "You were signed out before this step was saved. We kept what you typed: check it and save the step.",
            )
            return _render_step(request, submission, current, StepForms.bound(current, recovered))
        raw = submission.data.get(current.slug) if submission else None
        return _render_step(request, submission, current, StepForms.unbound(current, raw, _defaults(current, request)))

    action = request.POST.get("action", "next")
    raw = raw_from_post(request.POST)
    if submission is None:
        submission = CaseStudySubmission.objects.create(owner=request.user)
    if action.startswith("add-") and current.rows:
        prefix = current.rows[0]
        total_key = f"{prefix}-TOTAL_FORMS"
        try:
            raw[total_key] = [str(int((raw.get(total_key) or ["0"])[0]) + 1)]
        except ValueError:
            raw[total_key] = ["1"]
    submission.data = {**submission.data, current.slug: raw}
    submission.touch()
    submission.save(update_fields=["data", "updated_at"])

    if action.startswith("add-") and current.rows:
        prefix, formset_class, _ = current.rows
        last_row = len(StepForms.unbound(current, raw).rows.forms) - 1
        first_field = next(iter(formset_class.form.base_fields))
        return redirect(f"{step_url(submission, current)}#id_{prefix}-{last_row}-{first_field}")

    step_forms = StepForms.bound(current, request.POST)
    if current.slug == "attachments":
        step_forms.form.is_valid()
        _handle_attachments(request, submission, step_forms)
        if action.startswith("remove-"):
            return _render_step(request, submission, current, step_forms)
    valid = step_forms.is_valid()
    if action == "save":
        messages.success(request, "Your draft is saved. You can come back to it at any time.")
        return redirect("submissions:start")
    if not valid:
        return _render_step(request, submission, current, step_forms)
    target = _next_step(current, -1 if action == "back" else 1)
    return redirect(step_url(submission, target))


def _all_steps_cleaned(submission: CaseStudySubmission) -> tuple[dict[str, Any], list[dict[str, str]]]:
    cleaned: dict[str, Any] = {}
    problems = []
    for candidate in STEPS:
        if candidate.form_class is None or candidate.slug == "attachments":
            continue
        step_forms = StepForms.bound(candidate, submission.data.get(candidate.slug) or {})
        if step_forms.is_valid():
            cleaned.update(step_forms.cleaned())
        else:
            problems.append({"title": candidate.title, "url": step_url(submission, candidate)})
    return cleaned, problems


def preview(request: HttpRequest, submission: CaseStudySubmission | None, current: Step) -> HttpResponse:
    """The case study exactly as the published page will show it, and the button that sends it for review."""
    if submission is None:
        return redirect("submissions:start")
    cleaned, problems = _all_steps_cleaned(submission)
    if request.method == "POST" and not problems:
        try:
            submit_for_review(submission, cleaned)
        except NotSubmittable:
            messages.info(request, "This case study was already sent to the editors; nothing was sent twice.")
        else:
            messages.success(request, "Thank you: your case study has been sent to the editors for review.")
        return redirect(submission)
    page = preview_page(submission, cleaned) if not problems else None
    request.is_preview = True  # Wagtail's flag: page-level extras (e.g. the ask-a-question form) stay out
    context = {
        "submission": submission,
        "step": current,
        "step_number": STEPS.index(current) + 1,
        "step_count": len(STEPS),
        "steps": step_items(submission, current),
        "problems": problems,
        "page": page,
        "self": page,
        "action_url": step_url(submission, current),
        "is_resubmission": submission.page_id is not None,
    }
    template = "submissions/preview.html" if page is not None else "submissions/preview_problems.html"
    return TemplateResponse(request, template, context, status=200)


@never_cache
@private  # every answer, redirects included, is this member's own
def status(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.path)
    submission = get_object_or_404(CaseStudySubmission, pk=pk, owner=request.user)
    first_step = STEPS[0]
    if submission.status == CaseStudySubmission.Status.DRAFT:
        first_step = next((s for s in STEPS if step_state(submission, s) != "done"), STEPS[-1])
    context = {
        "submission": submission,
        "continue_url": step_url(submission, first_step),
        "page_url": submission.page.url if submission.page and submission.page.live else "",
        "attachments": list(submission.attachments.all()),
    }
    return TemplateResponse(request, "submissions/status.html", context)


@never_cache
@private  # every answer, redirects included, is this member's own
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """A submitted file, for its owner and the editors who may edit its page; 404 for anyone else."""
    found = (
        SubmissionAttachment.objects.select_related("submission__page", "submission")
        .filter(pk=attachment_pk, submission_id=pk)
        .first()
    )
    if found is None or not can_open_files(request.user, found.submission):
        raise Http404
    try:
        handle = found.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type = CONTENT_TYPES.get(found.kind) or mimetypes.guess_type(found.original_name)[0]
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=found.original_name,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
