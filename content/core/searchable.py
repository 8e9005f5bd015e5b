"""What a page contributes to the site's search: part of the page-type contract (``BasePage.search_document``).

Each page type says it on its own model; the search app (``search.entries``) turns a document into entries
and never asks what type a page is. Plain text is made here, where the content's blocks are known, one
block a line, so that a snippet is cut from one block and sentences of different blocks are never glued.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.html import strip_tags

SPACES = re.compile(r"[^\S\n]+")
BLOCK_TAGS = re.compile(
    r"<(?:/?(?:p|h[1-6]|li|ul|ol|blockquote|div|table|tr|td|th|figcaption|pre)\b[^>]*|br\s*/?)>", re.I
)
SKIPPED_KEYS = {"type", "id", "image", "level", "unit"}  # StreamField keys that hold no words a reader sees


@dataclass(kw_only=True)
class SearchDocument:
    """One page as search sees it. ``teaser_text`` is what anyone may read of a restricted page (its teaser);
    ``full_text`` is for readers of the page itself. Keywords only: two texts swapped by position would put
    a member-only page's text in its public teaser."""

    kind: str  # the "Type" facet's value: paper, blog, definition, case_study, series, page
    kind_label: str  # the facet's and the result's label
    summary: str
    teaser_text: str
    full_text: str
    keywords: str = ""  # other names (a definition's), weighted as the title
    date: date | None = None
    series: str = ""
    local_authority: str = ""
    topics: list = field(default_factory=list)
    short_definition: str = ""
    public_teaser: bool = False  # only page types with a teaser view show a restricted page's teaser
    report: Any = None  # a document whose text follows the page's (a paper's report, read by search.documents)


def _text(markup: str) -> str:
    """Text of one value: rich text's blocks (paragraphs, items, headings) on lines of their own."""
    return html.unescape(strip_tags(BLOCK_TAGS.sub("\n", markup)))


def plain(value: Any) -> str:
    """Text from rich text, StreamField raw data or plain values, without markup: one block a line."""
    parts: list[str] = []

    def walk(item: Any) -> None:
        if item is None or isinstance(item, bool | int | float):
            return
        if isinstance(item, str):
            parts.append(_text(item))
        elif isinstance(item, Mapping):  # StreamField raw data: {"type": ..., "value": ..., "id": ...}
            for key, sub in item.items():
                if key not in SKIPPED_KEYS:
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
