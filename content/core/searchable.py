"""What a page contributes to the site's search: part of the page-type contract (``BasePage.search_document``).

Each page type says it on its own model; the search app (``search.entries``) turns a document into entries
and never asks what type a page is. Plain text is made here, one block a line, so that a snippet is cut from
one block and sentences of different blocks are never glued. A StreamField's text is what its blocks say is
searchable (Wagtail's ``get_searchable_content``): a block whose values are no words a reader sees (an image,
a heading's level, a chart's unit) declares ``search_index=False`` or says what it gives.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.html import strip_tags

from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

SPACES = re.compile(r"[^\S\n]+")
BLOCK_TAGS = re.compile(
    r"<(?:/?(?:p|h[1-6]|li|ul|ol|blockquote|div|table|tr|td|th|figcaption|pre)\b[^>]*|br\s*/?)>", re.I
)


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


def text_lines(markup: str) -> list[str]:
    """Rich text as lines of plain text, one for each of its blocks (paragraphs, items, headings)."""
    lines = (SPACES.sub(" ", line).strip() for line in _text(markup).split("\n"))
    return [line for line in lines if line]


def plain(value: Any) -> str:
    """Text from rich text, StreamField values, plain values or lists of them, without markup: one block a line."""
    parts: list[str] = []

    def walk(item: Any) -> None:
        if item is None or isinstance(item, bool | int | float):
            return
        if isinstance(item, str):
            parts.append(_text(item))
        elif isinstance(item, StreamValue):  # already text: each block's searchable content, a string or more
            parts.extend(item.stream_block.get_searchable_content(item))
        elif isinstance(item, RichText):
            walk(item.source)
        elif isinstance(item, Mapping):  # a StructValue or dict: its values, never its keys
            for sub in item.values():
                walk(sub)
        elif isinstance(item, Iterable):
            for sub in item:
                walk(sub)
        else:
            walk(str(item))

    walk(value)
    lines = (SPACES.sub(" ", line).strip() for part in parts for line in part.split("\n"))
    return "\n".join(line for line in lines if line)
