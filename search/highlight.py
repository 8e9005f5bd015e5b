"""Snippets with the reader's words marked, cut from text the reader is allowed to see."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"[\w'’-]+", re.UNICODE)
STOPWORDS = {
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "in",
    "is",
    "it",
    "of",
    "on",
    "or",
    "the",
    "to",
    "what",
    "with",
    "how",
    "do",
    "does",
    "define",
}


def query_stems(query: str) -> list[str]:
    """Crude stems of the query's words: enough to find 'regenerating' for 'regeneration'."""
    stems = []
    for word in WORD.findall(query.lower()):
        if word in STOPWORDS or len(word) < 2:
            continue
        stems.append(word[: max(4, len(word) - 3)] if len(word) > 5 else word)
    return stems


def snippet(text: str, query: str, width: int = 240) -> SafeString:
    """The window of ``text`` with the most query words, HTML-escaped, matches in <mark>."""
    stems = query_stems(query)
    if not text:
        return mark_safe("")  # noqa: S308
    if not stems:
        return mark_safe(escape(text[:width]) + ("…" if len(text) > width else ""))  # noqa: S308
    lowered = text.lower()
    positions = sorted(m.start() for stem in stems for m in re.finditer(re.escape(stem), lowered[:20000]))[:200]
    if positions:
        best = max(positions, key=lambda p: sum(p - 40 <= q < p + width - 40 for q in positions))
        start = max(0, best - 40)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    else:
        start = 0
    window = text[start : start + width]
    pattern = re.compile("(" + "|".join(re.escape(stem) + r"[\w'’-]*" for stem in stems) + ")", re.IGNORECASE)
    parts = pattern.split(window)
    html = "".join(f"<mark>{escape(part)}</mark>" if i % 2 else escape(part) for i, part in enumerate(parts))
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308
