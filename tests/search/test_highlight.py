"""Snippets: whole sentences of the block that matched, words marked on whole words and their stems only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from search.highlight import REPORT_MARK, snippet_for, snippet_text, stem, stem_start
from search.models import SearchEntry
from search.query import parse

DEMO_CONTENT = Path(__file__).resolve().parents[2] / "content" / "demo" / "content"
# Words whose stems the English stemmer changes most (suffixes replaced, y turned to i, exceptions).
HARD_WORDS = [
    "happy",
    "happiness",
    "possibility",
    "sensibility",
    "organization",
    "organisation",
    "relational",
    "operator",
    "curator",
    "fluency",
    "hopefully",
    "generously",
    "activity",
    "biology",
    "realization",
    "dying",
    "lying",
    "tying",
    "skies",
    "skis",
    "idly",
    "gently",
    "ugly",
    "early",
    "only",
    "singly",
    "news",
    "cries",
    "generational",
    "volunteering",
    "volunteers",
    "regenerating",
    "regeneration",
    "loneliness",
    "community",
    "communities’",
    "children’s",
]


def test_a_word_is_marked_on_its_stem_and_never_inside_another_word():
    snippet = str(
        snippet_text("The association met. Regenerating a social space helps.", parse("social regeneration"))
    )
    assert "<mark>social</mark>" in snippet
    assert "<mark>Regenerating</mark>" in snippet
    assert "as<mark>" not in snippet and "association" in snippet


def test_a_snippet_is_cut_from_one_block_and_never_glues_two():
    text = "Housing\nA paragraph about something else entirely.\nSocial capital grows where neighbours meet."
    snippet = str(snippet_text(text, parse("social capital")))
    assert snippet == "<mark>Social</mark> <mark>capital</mark> grows where neighbours meet."


def test_prose_is_preferred_to_a_heading_holding_the_same_words():
    text = "Social capital\nWe found that social capital grows where neighbours meet every week."
    assert str(snippet_text(text, parse("social capital"))).startswith("We found that <mark>social</mark>")


def test_a_snippet_from_the_report_says_so():
    text = f"The page's own text.\n{REPORT_MARK}\nThe report says volunteering doubled."
    snippet = str(snippet_text(text, parse("volunteers")))
    assert snippet.startswith('<span class="search-result__source">From the report:</span>')
    assert "<mark>volunteering</mark>" in snippet


def test_typed_markup_is_escaped():
    snippet = str(snippet_text("Use <script>alert(1)</script> with care.", parse("script")))
    assert "<script>" not in snippet and "&lt;<mark>script</mark>&gt;" in snippet


def test_a_teaser_is_snippeted_from_its_public_summary_only():
    entry = SearchEntry(
        variant=SearchEntry.Variant.TEASER, summary="A public summary about allotments.", text="Secret allotments."
    )
    assert str(snippet_for(entry, parse("allotments"))) == "A public summary about <mark>allotments</mark>."


def _vocabulary() -> set[str]:
    words = set(HARD_WORDS)
    for path in DEMO_CONTENT.rglob("*.yaml"):
        words |= set(re.findall(r"\w+(?:['’]\w+)*", path.read_text(encoding="utf-8").lower()))
    return words


@pytest.mark.parametrize("word", sorted(HARD_WORDS))
def test_every_word_begins_as_its_stem_says_hard_words(word):
    assert any(word.replace("’", "'").startswith(start) for start in stem_start(stem(word)))


def test_every_word_of_the_demo_site_begins_as_its_stem_says():
    """Only words beginning so are stemmed when a snippet is marked: a word that did not would go unmarked."""
    missed = sorted(
        word
        for word in _vocabulary()
        if not any(word.replace("’", "'").startswith(start) for start in stem_start(stem(word)))
    )
    assert len(_vocabulary()) > 2000
    assert missed == []
