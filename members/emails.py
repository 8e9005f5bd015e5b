"""Email with a plain-text and an HTML part, the HTML in the hub's style."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import escape, urlize


def _html_from_text(text: str) -> str:
    paragraphs = [p.strip() for p in text.strip().split("\n\n") if p.strip()]
    return "".join(f"<p>{urlize(escape(p)).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def attach_html_alternative(message: EmailMultiAlternatives) -> None:
    """Give a text-only message an HTML part built from its text, unless it has one already."""
    if getattr(message, "alternatives", None) and any(m == "text/html" for _, m in message.alternatives):
        return
    if not isinstance(message, EmailMultiAlternatives):
        return
    if message.content_subtype == "html":
        return
    html = render_to_string(
        "email/base.html", {"body_html": _html_from_text(message.body), "subject": message.subject}
    )
    message.attach_alternative(html, "text/html")


def send_templated_email(
    template_prefix: str, context: dict, to: list[str], *, reply_to: list[str] | None = None
) -> None:
    """Render email/<prefix>_subject.txt and _message.txt, add the HTML part, send (with Reply-To if given)."""
    context = {"base_url": settings.WAGTAILADMIN_BASE_URL, **context}
    subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
    body = render_to_string(f"{template_prefix}_message.txt", context)
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body=body, to=to, reply_to=reply_to
    )
    attach_html_alternative(message)
    message.send()
