"""submissions/rich_text.py: what a member types in a textarea is what a reader sees, character for character."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from django.template import Context, Template

from submissions.rich_text import sanitise_html, to_rich_text

PROSE = [
    "We went from x<y to a<b in cost",
    "Contact me at <jo@council.gov.uk>",
    "see <ol> list",
    "R&D spend &amp; more: 3 > 2 and 1 < 2",
    "<p>typed tags</p> stay as text",
    "Quotes \"double\" and 'single'",
]


def _text(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


def _rendered(html: str) -> str:
    """As the case-study template renders a RichTextField (Wagtail's richtext filter)."""
    return Template("{% load wagtailcore_tags %}{{ value|richtext }}").render(Context({"value": html}))


@pytest.mark.parametrize("typed", PROSE)
def test_prose_with_angle_brackets_and_ampersands_reads_exactly_as_typed(typed):
    html = to_rich_text(typed)
    soup = BeautifulSoup(html, "html.parser")
    assert [tag.name for tag in soup.find_all()] == ["p"], html
    assert _text(html) == typed
    assert _text(_rendered(html)) == typed


def test_paragraphs_line_breaks_and_bullets_are_escaped_too():
    typed = "First <b>line</b>\nsecond & last\n\n- item x<y\n- <jo@council.gov.uk>\nafter the list"
    html = to_rich_text(typed)
    assert html == (
        "<p>First &lt;b&gt;line&lt;/b&gt;<br>second &amp; last</p>"
        "<ul><li>item x&lt;y</li><li>&lt;jo@council.gov.uk&gt;</li></ul>"
        "<p>after the list</p>"
    )


@pytest.mark.django_db
def test_the_page_renders_what_was_typed(db):
    typed = "We went from x<y to a<b in cost. Contact <jo@council.gov.uk>; see <ol> list"
    rendered = _rendered(to_rich_text(typed))
    assert _text(rendered) == typed
    assert "<ol>" not in rendered and "<jo@" not in rendered


HOSTILE = (
    '<p onclick="steal()">Hello</p><script>steal()</script><img src=x onerror=steal()>'
    '<a href="javascript:steal()">click</a><iframe src=//evil.example></iframe><svg onload=steal()></svg>'
)


def test_hostile_markup_typed_in_the_textarea_is_inert_text():
    html = to_rich_text(HOSTILE)
    soup = BeautifulSoup(html, "html.parser")
    assert [tag.name for tag in soup.find_all()] == ["p"]
    assert all(not tag.attrs for tag in soup.find_all())
    assert _text(html) == HOSTILE


@pytest.mark.parametrize(
    "href",
    [
        "/relative",
        "relative/path",
        "//evil.example/x",
        " //evil.example",
        "\\\\evil.example",
        "javascript:x()",
        "#top",
    ],
)
def test_the_second_layer_drops_relative_and_protocol_relative_links(href):
    html = sanitise_html(f'<a href="{href}">link</a>')
    assert "href" not in html, html


@pytest.mark.parametrize("href", ["https://example.org/", "http://example.org/a?b=1", "mailto:jo@council.gov.uk"])
def test_the_second_layer_keeps_absolute_links(href):
    assert f'href="{href.replace("&", "&amp;")}"' in sanitise_html(f'<a href="{href}">link</a>')


def test_the_second_layer_still_removes_scripts_and_event_attributes():
    html = sanitise_html('<p onclick="x()">a</p><script>x()</script><img src=x onerror=x()>')
    assert html == "<p>a</p>"
