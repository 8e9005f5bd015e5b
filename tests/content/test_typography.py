"""House typography: curly quotes and apostrophes (’ ‘ “ ”) in the words readers see, as the site's own
templates mostly had them, never straight ones (' ") mixed in (issue 14).

Only the visible text counts, with the words for screen readers: attributes, JSON-LD and other scripts,
styles and code (BibTeX, RIS) keep their straight quotes, as they must.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction

from django.test import Client

pytestmark = pytest.mark.django_db

NOT_PROSE = {"script", "style", "template", "code", "pre", "kbd", "samp", "textarea"}
STRAIGHT = re.compile(r"['\"]")

PAGES = [
    "/",
    "/papers/social-capital-2025/the-ties-that-bind/",
    "/papers/social-capital-2025/doubly-disadvantaged/",
    "/blog/what-counts-as-social-infrastructure/",
    "/blog/notes-from-stoke-on-trent/",
    "/definitions/",
    "/definitions/left-behind-neighbourhoods/",
    "/search/?q=social+capital",
    "/search/?q=children+social+care",  # no quote in the queries: a query is shown as the reader typed it
]


def straight_quotes_in_visible_text(html: str) -> list[str]:
    """Each visible text with a straight quote in it, with a little of its context."""
    document = BeautifulSoup(html, "html.parser")
    found = []
    for text in document.find_all(string=STRAIGHT):
        if isinstance(text, Comment | Declaration | Doctype | ProcessingInstruction):
            continue
        if any(parent.name in NOT_PROSE for parent in text.parents):
            continue
        for match in STRAIGHT.finditer(text):
            found.append(text[max(0, match.start() - 30) : match.end() + 30].strip())
    return found


@pytest.mark.parametrize("path", PAGES)
def test_visible_text_has_curly_quotes_only(path):
    response = Client(HTTP_HOST="localhost").get(path)
    assert response.status_code == 200
    found = straight_quotes_in_visible_text(response.content.decode())
    assert not found, f"straight quotes in what readers see on {path}: {found}"


def test_the_check_sees_text_and_skips_code_attributes_and_json_ld():
    html = (
        '<html><head><title>A reader\'s title</title><script type="application/ld+json">{"a": "b"}</script></head>'
        '<body><p title="x\'s">Network’s “quote”</p><code>@article{key, title = "x"}</code>'
        "<p>It's</p><span class=\"visually-hidden\">the hub's</span></body></html>"
    )
    assert straight_quotes_in_visible_text(html) == ["A reader's title", "It's", "the hub's"]
