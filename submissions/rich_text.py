"""Members' text becomes safe rich text: plain text as paragraphs and lists, every character escaped.

The form is a plain textarea, so whatever a member types is text, never markup: each line and list item
is HTML-escaped before it is wrapped in p/ul/li, and a reader sees exactly what was typed ("x<y",
"<jo@council.gov.uk>", "see <ol> list", "R&D"). nh3 then cleans the result as a second layer: only p,
br, strong, em, ul, ol, li and a[href] with an absolute http, https or mailto address survive;
relative and protocol-relative ("//host") links lose their href; script, style and event attributes
never reach an editor's preview or the published page.
"""

from __future__ import annotations

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
ABSOLUTE_LINK = re.compile(r"^(?:https?://[^/\\\s]|mailto:[^/\\\s])", re.IGNORECASE)
BULLET = re.compile(r"^\s*[-*]\s+")
EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")


def _only_absolute_links(tag: str, attribute: str, value: str) -> str | None:
    """nh3 attribute filter: an href survives only as an absolute http(s) or mailto address."""
    if tag == "a" and attribute == "href":
        return value if ABSOLUTE_LINK.match(value.strip()) else None
    return value


def sanitise_html(markup: str) -> str:
    """Keep the allowed tags and absolute links; drop everything else (script and style with their content)."""
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_only_absolute_links,
        url_schemes=ALLOWED_URL_SCHEMES,
        url_relative="deny",
        clean_content_tags={"script", "style"},
        strip_comments=True,
        link_rel="noopener noreferrer",
    ).strip()


def _escaped(line: str) -> str:
    return html.escape(line, quote=False)


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_escaped(item)}</li>" for item in items) + "</ul>"


def _paragraph(lines: list[str]) -> str:
    return "<p>" + "<br>".join(_escaped(line) for line in lines) + "</p>"


def paragraphs_from_text(text: str) -> str:
    """A blank line starts a new paragraph; lines starting '- ' make a bulleted list; other line breaks stay.

    Every line is escaped: the result's only tags are the ones made here.
    """
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    parts = []
    for block in blocks:
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        paragraph: list[str] = []
        items: list[str] = []
        for line in lines:
            if BULLET.match(line):
                if paragraph:
                    parts.append(_paragraph(paragraph))
                    paragraph = []
                items.append(BULLET.sub("", line, count=1))
            else:
                if items:
                    parts.append(_list(items))
                    items = []
                paragraph.append(line.strip())
        if paragraph:
            parts.append(_paragraph(paragraph))
        if items:
            parts.append(_list(items))
    return "".join(parts)


def to_rich_text(value: str) -> str:
    """What a member typed in a textarea, as sanitised rich text for a RichTextField.

    Always treated as plain text (escaped, then paragraphs and lists); nh3 has the last word.
    """
    value = (value or "").strip()
    if not value:
        return ""
    return EMPTY_PARAGRAPH.sub("", sanitise_html(paragraphs_from_text(value)))
