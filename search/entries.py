"""Turn a live page into its search entries, and keep them in step with the site.

What a page contributes is the page's own to say (``BasePage.search_document``, part of the page-type
contract): this module never asks what type a page is.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

from wagtail.models import Page

from content.core.models import BasePage
from content.core.searchable import plain

from .access import PUBLIC, access_level
from .documents import reading_inline, report_text
from .highlight import REPORT_MARK
from .models import SearchEntry
from .spelling import add_words
from .synonyms import forget_names


@transaction.atomic
def update_entries_for_page(page: Page) -> list[SearchEntry]:
    """Replace a page's entries with what it shows now (none if it is not live or not searchable)."""
    try:
        page = page.specific
    except ObjectDoesNotExist:  # being deleted: Django removed its own row before its view restriction's
        SearchEntry.objects.filter(page_id=page.pk).delete()
        forget_names()
        return []
    data = page.search_document() if page.live and isinstance(page, BasePage) else None
    if data is None:
        SearchEntry.objects.filter(page=page).delete()
        forget_names()  # it may have been a definition
        return []
    level = access_level(page)
    topic_names = " ".join(topic.name for topic in data.topics)
    common = {
        "access": level,
        "kind": data.kind,
        "kind_label": data.kind_label,
        "title": page.title,
        "url_path": page.get_url() or "",
        "date": data.date,
        "year": data.date.year if data.date else None,
        "series": data.series,
        "local_authority": data.local_authority,
        "short_definition": data.short_definition,
        "cluster_synced": False,
    }
    full_text = f"{data.full_text}\n{topic_names}"
    report = plain(report_text(data.report)) if data.report else ""  # read once the paper is out
    if report:  # a snippet from it says it is from the report (search.highlight)
        full_text += f"\n{REPORT_MARK}\n{report}"
    variants = {SearchEntry.Variant.FULL: (data.summary, full_text, data.keywords)}
    if level != PUBLIC and data.public_teaser:
        variants[SearchEntry.Variant.TEASER] = (data.summary, f"{data.teaser_text}\n{topic_names}", "")
    SearchEntry.objects.filter(page=page).exclude(variant__in=list(variants)).delete()
    entries = []
    for variant, (summary, text, keywords) in variants.items():
        entry, _ = SearchEntry.objects.update_or_create(
            page=page,
            variant=variant,
            defaults={**common, "summary": summary, "text": text, "keywords": keywords},
        )
        entry.topics.set(data.topics)
        entries.append(entry)
    add_words([page.title, data.keywords, data.summary, data.full_text, report])
    if data.kind == "definition":
        forget_names()
    return entries


@transaction.atomic
def rebuild_all_entries() -> int:
    """Bring every entry up to date in place (ids kept), dropping those of pages no longer searchable."""
    kept: list[int] = []
    with reading_inline():  # a command: reports not read yet are read here (search.documents)
        for page in Page.objects.live().specific().iterator(chunk_size=200):
            kept += [entry.pk for entry in update_entries_for_page(page)]
    SearchEntry.objects.filter(page__isnull=False).exclude(pk__in=kept).delete()
    return SearchEntry.objects.filter(pk__in=kept).values("page").distinct().count()
