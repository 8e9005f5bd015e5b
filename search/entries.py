"""Turn a live page into its search entries, and keep them in step with the site."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.html import strip_tags

from wagtail.models import Page

from .access import PUBLIC, access_level
from .documents import reading_inline, report_text
from .highlight import REPORT_MARK
from .models import SearchEntry
from .spelling import add_words
from .synonyms import forget_names

SPACES = re.compile(r"[^\S\n]+")
BLOCK_TAGS = re.compile(
    r"<(?:/?(?:p|h[1-6]|li|ul|ol|blockquote|div|table|tr|td|th|figcaption|pre)\b[^>]*|br\s*/?)>", re.I
)


def _text(markup: str) -> str:
    """Text of one value: rich text's blocks (paragraphs, items, headings) on lines of their own."""
    return html.unescape(strip_tags(BLOCK_TAGS.sub("\n", markup)))


def plain(value: Any) -> str:
    """Text from rich text, StreamField raw data or plain values, without markup: one block a line.

    Each string value (a paragraph block, a heading, a rich-text paragraph) is a line of its own, so a
    snippet is cut from one block and sentences of different blocks are never glued together.
    """
    parts: list[str] = []

    def walk(item: Any) -> None:
        if item is None or isinstance(item, bool | int | float):
            return
        if isinstance(item, str):
            parts.append(_text(item))
        elif isinstance(item, Mapping):
            # StreamField raw data: {"type": ..., "value": ..., "id": ...}
            for key, sub in item.items():
                if key not in {"type", "id", "image", "level", "unit"}:
                    walk(sub)
        elif hasattr(item, "raw_data"):
            walk(item.raw_data)
        elif hasattr(item, "source"):  # RichText
            walk(item.source)
        elif isinstance(item, Iterable):  # lists, and StreamField's RawDataView
            for sub in item:
                walk(sub)
        else:
            walk(str(item))

    walk(value)
    lines = (SPACES.sub(" ", line).strip() for part in parts for line in part.split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass
class EntryData:
    kind: str
    kind_label: str
    summary: str
    teaser_text: str
    full_text: str
    keywords: str = ""
    date: date | None = None
    series: str = ""
    local_authority: str = ""
    topics: list = field(default_factory=list)
    short_definition: str = ""
    public_teaser: bool = False  # only page types with a teaser view show a restricted page's teaser
    report_text: str = ""  # a paper's report (its PDF): last in the full text, after a line of REPORT_MARK


def entry_data(page: Page) -> EntryData | None:
    """What each page type contributes to search; None for pages search should not list."""
    from content.blog.models import BlogPage
    from content.case_studies.models import CaseStudyPage
    from content.glossary.models import DefinitionPage
    from content.papers.models import PaperPage, PaperSeriesPage
    from content.standard_pages.models import StandardPage

    if isinstance(page, PaperPage):
        teaser = plain([page.subtitle, page.summary])
        authors = ", ".join(author.person.name for author in page.ordered_authors)
        body, report = "", ""
        if page.is_released:  # the report is read only once the paper is out (search.documents)
            body = plain([page.key_findings.raw_data, page.body.raw_data])
            report = plain(report_text(page.report))
        series = page.get_parent()
        return EntryData(
            "paper",
            "Paper",
            page.summary,
            teaser,
            plain([teaser, authors, body]),
            date=page.release_date,
            series=series.title if series else "",
            topics=list(page.topics.all()),
            report_text=report,
        )
    if isinstance(page, BlogPage):
        authors = ", ".join(person.name for person in page.authors)
        return EntryData(
            "blog",
            "Blog post",
            page.intro,
            page.intro,
            plain([page.intro, authors, page.body.raw_data]),
            date=page.date,
            topics=list(page.topics.all()),
        )
    if isinstance(page, DefinitionPage):
        return EntryData(
            "definition",
            "Definition",
            page.short_definition,
            page.short_definition,
            plain([page.short_definition, page.explanation, page.sources.raw_data]),
            keywords=", ".join(page.alternative_names),
            topics=list(page.topics.all()),
            short_definition=page.short_definition,
        )
    if isinstance(page, CaseStudyPage):
        authority = page.local_authority.official_name if page.local_authority else ""
        topics = list(page.topics.all())
        teaser = plain([page.summary, authority, " ".join(t.name for t in topics)])
        member_text = plain(
            [
                page.challenge,
                page.what_we_did,
                page.outcomes,
                page.figures.raw_data,
                page.lessons,
                # Names and roles only: contacts' addresses are private (members ask through the relay).
                [[c["value"].get("name", ""), c["value"].get("role", "")] for c in page.contacts.raw_data],
                [a.display_title for a in page.attachments.select_related("document")],
            ]
        )
        return EntryData(
            "case_study",
            "Case study",
            page.summary,
            teaser,
            f"{teaser}\n{member_text}",
            date=page.published_date,
            local_authority=authority,
            topics=topics,
            public_teaser=page.teaser_is_public(),
        )
    if isinstance(page, PaperSeriesPage):
        text = plain([page.intro, page.description])
        return EntryData("series", "Paper series", page.intro, text, text)
    if isinstance(page, StandardPage):
        text = plain([page.intro, page.body.raw_data])
        return EntryData("page", "Page", page.intro or page.search_description, page.intro, text)
    return None


@transaction.atomic
def update_entries_for_page(page: Page) -> list[SearchEntry]:
    """Replace a page's entries with what it shows now (none if it is not live or not searchable)."""
    page = page.specific
    data = entry_data(page) if page.live else None
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
    if data.report_text:  # a snippet from it says it is from the report (search.highlight)
        full_text += f"\n{REPORT_MARK}\n{data.report_text}"
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
    add_words([page.title, data.keywords, data.summary, data.full_text, data.report_text])
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
