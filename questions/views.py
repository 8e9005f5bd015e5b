"""Ask a case study's authors a question; answer one through the link in the email."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import http_date
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from content.case_studies.models import CaseStudyPage
from content.core.cache_headers import private_response

from . import relay
from .forms import QuestionForm, ReplyForm
from .tasks import queue_answer, queue_question


@never_cache
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest, page_id: int) -> HttpResponse:
    """The form lives on the case study page; this view takes its POST and shows it again with errors.

    Anyone who may not read the full case study gets the same 404 as for a page that does not exist.
    """
    page = CaseStudyPage.objects.live().filter(pk=page_id).first()
    if page is None or not relay.can_ask(request, page):
        raise Http404
    form = QuestionForm(request.POST if request.method == "POST" else None)
    status = 200
    retry_after = None
    if form.is_bound and form.is_valid():
        with transaction.atomic():
            result = relay.ask(request.user, page, form.cleaned_data["text"])
            if isinstance(result, relay.RateLimited):
                form.add_error(None, result.message)
                status, retry_after = 429, result.retry_after
            else:
                queue_question(result)
        if status == 200:
            return redirect(f"{page.get_url(request)}#ask-question")
    response = TemplateResponse(
        request, "questions/ask.html", {"case_study": page, "form": form, "limited": status == 429}, status=status
    )
    if retry_after:
        response["Retry-After"] = http_date(retry_after.timestamp())
    return private_response(response)


def _reply_response(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    response = TemplateResponse(request, template, context, status=status)
    # The link is the key: never pass it on as a referrer, never index or store the page.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return private_response(response)


@never_cache
@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, signed: str) -> HttpResponse:
    """One answer per question, from the link in the authors' email; no sign-in needed."""
    found = relay.question_for_link(signed)
    if found is None:
        return _reply_response(request, "questions/reply_invalid.html", {}, status=404)
    question, recipient = found
    asker_name, asker_organisation = relay.asker_display(question)
    context = {
        "question": question,
        "case_study": question.page,
        "recipient": recipient,
        "asker_name": asker_name,
        "asker_organisation": asker_organisation,
    }
    if question.is_answered:
        return _reply_response(
            request,
            "questions/reply_done.html",
            {**context, "already": True},
            409 if request.method == "POST" else 200,
        )
    form = ReplyForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        with transaction.atomic():
            answered = relay.record_answer(question, recipient, form.cleaned_data["reply"])
            if answered:
                queue_answer(question)
        if not answered:
            question.refresh_from_db()
            return _reply_response(request, "questions/reply_done.html", {**context, "already": True}, 409)
        return _reply_response(request, "questions/reply_done.html", {**context, "already": False})
    return _reply_response(request, "questions/reply.html", {**context, "form": form})
