"""Snippets with the reader's words marked, cut from text the reader is allowed to see.

An entry's text keeps its blocks (paragraphs, list items, headings) on separate lines. A snippet is made
of whole sentences from the one block that matches best, never glued across blocks; a word is marked
when it is a query word or shares its English stem ("regenerating" for "regeneration"), never for a
piece inside another word ("association" for "social").

A paper's entry holds the text of its report (its PDF) after the page's own text, from a line holding only
``REPORT_MARK``: a snippet from there says so ("From the report:"), so a reader knows why a paper matched
words its page does not show. The mark is a control character every engine's tokenizer skips.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchEntry
from .query import SearchQuery

WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£])")
WIDTH = 240
MAX_BLOCK_CHARS = 20_000  # a pathological block is only read this far
REPORT_MARK = "\x1e"  # ASCII record separator: the line between a paper's own text and its report's
REPORT_LABEL = '<span class="search-result__source">From the report:</span> '
_local = threading.local()  # a Snowball stemmer keeps state while it stems: one per thread


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word.lower().replace("’", "'"))


def query_stems(parsed: SearchQuery) -> frozenset[str]:
    """The stems of the words that should match (each part of "looked-after" on its own)."""
    return frozenset(stem(part) for word in parsed.terms for part in WORD.findall(word))


def stem_start(word_stem: str) -> set[str]:
    """What every word with this stem begins with: the stem less its last letter, or its first two.

    The English stemmer changes at most a stem's last letter ("happy" → "happi", "possibility" →
    "possibl"), except for the three-letter stems of "dying", "lying", "tying" and the like ("die");
    tests/search/test_highlight.py checks this over a large vocabulary.
    """
    starts = {word_stem[: max(2, len(word_stem) - 1)]}
    if len(word_stem) == 3 and word_stem.endswith("ie"):
        starts.add(word_stem[0] + "y")
    return starts


@lru_cache(maxsize=256)
def _candidates(stems: frozenset[str]) -> re.Pattern:
    """Words that begin as a stem's words do (``stem_start``): the only ones worth stemming."""
    starts = sorted({re.escape(start) for s in stems if s for start in stem_start(s)}) or ["(?!)"]
    return re.compile(r"\b(?:" + "|".join(starts) + r")\w*(?:['’]\w+)*", re.IGNORECASE)


def _matches(text: str, stems: frozenset[str]) -> list[re.Match]:
    if not stems:
        return []
    return [m for m in _candidates(stems).finditer(text) if stem(m.group()) in stems]


def _matched_stems(text: str, stems: frozenset[str]) -> set[str]:
    """Which of ``stems`` the text holds, read only until it has shown them all."""
    found: set[str] = set()
    for match in _candidates(stems).finditer(text):
        word = stem(match.group())
        if word in stems:
            found.add(word)
            if len(found) == len(stems):
                break
    return found


def _mark(text: str, stems: frozenset[str]) -> str:
    html, last = [], 0
    for match in _matches(text, stems):
        html += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    html.append(escape(text[last:]))
    return "".join(html)


def _shorten(text: str, width: int, around: int = 0) -> tuple[str, bool, bool]:
    """At most ``width`` characters of ``text`` cut at spaces, keeping position ``around`` in view."""
    if len(text) <= width:
        return text, False, False
    start = max(0, min(around - width // 4, len(text) - width))
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + width
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return text[start:end].strip(), start > 0, end < len(text)


def _best_window(sentences: list[str], counts: list[int], width: int) -> tuple[int, int]:
    """The run of whole sentences, at most ``width`` characters, with the most matched words."""
    best, best_score = (0, 1), (-1, 0)
    for first in range(len(sentences)):
        length, score, last = 0, 0, first
        while last < len(sentences) and (last == first or length + len(sentences[last]) + 1 <= width):
            length += len(sentences[last]) + 1
            score += counts[last]
            last += 1
        candidate = (score, -first)
        if candidate > best_score:
            best, best_score = (first, last), candidate
        if last == len(sentences):
            break
    return best


def _is_prose(block: str) -> bool:
    return block.rstrip().endswith((".", "!", "?", ":", "…")) or len(block.split()) >= 15


def snippet_text(text: str, parsed: SearchQuery, width: int = WIDTH) -> SafeString:
    """The best block of ``text``, as whole sentences where they fit, HTML-escaped, matches in <mark>."""
    own, _, report = (text or "").partition(f"\n{REPORT_MARK}\n")
    blocks = [block.strip() for block in own.split("\n") if block.strip()]
    from_report = len(blocks)  # blocks from here on are the report's
    blocks += [block.strip() for block in report.split("\n") if block.strip()]
    if not blocks:
        return mark_safe("")  # noqa: S308
    stems = query_stems(parsed)
    # Prose first: a block of sentences beats a heading or a list of topic names matching as many words.
    best, block, chosen_index = None, blocks[0][:MAX_BLOCK_CHARS], 0
    if stems:
        for i, candidate in enumerate(blocks):
            candidate = candidate[:MAX_BLOCK_CHARS]
            matched = _matched_stems(candidate, stems)
            key = (bool(matched), _is_prose(candidate), len(matched), -i)
            if best is None or key > best:
                best, block, chosen_index = key, candidate, i
            if key[:3] == (True, True, len(stems)):
                break  # prose holding every word: no later block can rank above it
    sentences = [s for s in SENTENCE_END.split(block) if s.strip()]
    counts = [len(_matches(sentence, stems)) for sentence in sentences]
    first, last = _best_window(sentences, counts, width)
    chosen = " ".join(sentences[first:last])
    more_before, more_after = first > 0, last < len(sentences)
    matches = _matches(chosen, stems)
    shortened, cut_before, cut_after = _shorten(chosen, width, matches[0].start() if matches else 0)
    prefix = "…" if (more_before or cut_before) else ""
    suffix = "…" if (cut_after or (more_after and not shortened.endswith((".", "!", "?")))) else ""
    source = REPORT_LABEL if chosen_index >= from_report else ""
    return mark_safe(f"{source}{prefix}{_mark(shortened, stems)}{suffix}")  # noqa: S308


def snippet_for(entry, parsed: SearchQuery, width: int = WIDTH) -> SafeString:
    """A result's snippet: a teaser from its public summary only; a full entry from its best block."""
    if entry.variant == SearchEntry.Variant.TEASER or not entry.text:
        return snippet_text(entry.summary, parsed, width)
    marked = snippet_text(entry.text, parsed, width)
    if "<mark>" not in marked and entry.summary:
        return snippet_text(entry.summary, parsed, width)
    return marked
