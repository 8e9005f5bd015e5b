"""The case-study editor as a moderator uses it in Wagtail's admin: create, edit, publish."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from content.case_studies.models import CaseStudyIndexPage, CaseStudyPage

BODY = "Wombatgleam"  # a made-up word in the member-only text: seen only by readers with access


def form(title: str, audience: str, **extra) -> dict:
    """The case-study edit form as an editor fills it in."""
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "audience": audience,
            "local_authority": "",
            "summary": "A public teaser.",
            "published_date": "2026-01-05",
            "topics": [],
            "challenge": rich_text(f"<p>{BODY} challenge.</p>"),
            "what_we_did": rich_text("<p>What was done.</p>"),
            "outcomes": rich_text("<p>What happened.</p>"),
            "figures": streamfield([]),
            "lessons": rich_text("<p>What was learned.</p>"),
            "contacts": streamfield([]),
            "attachments": inline_formset([]),
            **extra,
        }
    )


def create(moderator: Client, title: str, audience: str, *, publish: bool = True, **extra) -> CaseStudyPage:
    index = CaseStudyIndexPage.objects.get()
    data = form(title, audience, **extra, **({"action-publish": "publish"} if publish else {}))
    response = moderator.post(
        reverse("wagtailadmin_pages:add", args=["case_studies", "casestudypage", index.pk]), data
    )
    assert response.status_code == 302, response.content[:3000]
    return CaseStudyPage.objects.get(slug=data["slug"])


def edit(moderator: Client, study: CaseStudyPage, audience: str, *, publish: bool, **extra) -> None:
    data = form(study.title, audience, **extra, **({"action-publish": "publish"} if publish else {}))
    response = moderator.post(reverse("wagtailadmin_pages:edit", args=[study.pk]), data)
    assert response.status_code == 302, response.content[:3000]
