"""Email with a plain-text and an HTML part, the HTML in the hub's style."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import escape, urlize

from wagtail.models import Site

from content.core.models import SiteSettings

from .tasks import send_or_queue


def _html_from_text(text: str) -> str:
    paragraphs = [p.strip() for p in text.strip().split("\n\n") if p.strip()]
    return "".join(f"<p>{urlize(escape(p)).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def site_name(request=None) -> str:
    """The network's name from Wagtail's site settings: the one name that pages, emails and the admin use.

    Never the host: allauth's default ``current_site.name`` is the request's host ("127.0.0.1:8010") when
    django.contrib.sites is not installed.
    """
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is not None:
        name = SiteSettings.for_site(site).organisation_name
        if name:
            return name
    return settings.WAGTAIL_SITE_NAME


def attach_html_alternative(message: EmailMultiAlternatives, *, request=None) -> None:
    """Give a text-only message an HTML part built from its text, unless it has one already."""
    if getattr(message, "alternatives", None) and any(m == "text/html" for _, m in message.alternatives):
        return
    if not isinstance(message, EmailMultiAlternatives):
        return
    if message.content_subtype == "html":
        return
    html = render_to_string(
        "email/base.html",
        {"body_html": _html_from_text(message.body), "subject": message.subject, "site_name": site_name(request)},
    )
    message.attach_alternative(html, "text/html")


def send_templated_email(
    template_prefix: str, context: dict, to: list[str], *, reply_to: list[str] | None = None
) -> None:
    """Render email/<prefix>_subject.txt and _message.txt, add the HTML part, send (with Reply-To if given)."""
    context = {"base_url": settings.WAGTAILADMIN_BASE_URL, "site_name": site_name(), **context}
    subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
    body = render_to_string(f"{template_prefix}_message.txt", context)
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body=body, to=to, reply_to=reply_to
    )
    attach_html_alternative(message)
    send_or_queue(message)  # a mail server away: the worker tries again later (members.tasks)
