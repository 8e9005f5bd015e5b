"""Members' text becomes safe rich text: plain text as paragraphs and lists, any HTML sanitised by nh3.

Whatever a member types, only p, br, strong, em, ul, ol, li and a[href] (http, https, mailto) reach an
editor's preview or the published page; script, style and event attributes never do.
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
BLOCK_TAG = re.compile(r"<\s*(p|ul|ol)\b", re.IGNORECASE)
BULLET = re.compile(r"^\s*[-*]\s+")
EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")


def sanitise_html(html: str) -> str:
    """Keep the allowed tags and safe links; drop everything else (script and style with their content)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        clean_content_tags={"script", "style"},
        strip_comments=True,
        link_rel="noopener noreferrer",
    ).strip()


def paragraphs_from_text(text: str) -> str:
    """A blank line starts a new paragraph; lines starting '- ' make a bulleted list; other line breaks stay."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    html = []
    for block in blocks:
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        paragraph: list[str] = []
        items: list[str] = []
        for line in lines:
            if BULLET.match(line):
                if paragraph:
                    html.append("<p>" + "<br>".join(paragraph) + "</p>")
                    paragraph = []
                items.append(BULLET.sub("", line, count=1))
            else:
                if items:
                    html.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
                    items = []
                paragraph.append(line.strip())
        if paragraph:
            html.append("<p>" + "<br>".join(paragraph) + "</p>")
        if items:
            html.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
    return "".join(html)


def to_rich_text(value: str) -> str:
    """What a member typed, as sanitised rich text for a RichTextField.

    Text that already has paragraphs or lists in HTML is kept as written (after sanitising); anything
    else is turned into paragraphs first. Either way nh3 has the last word, so stray '<' and '&' are
    escaped and hostile markup is removed.
    """
    value = (value or "").strip()
    if not value:
        return ""
    html = value if BLOCK_TAG.search(value) else paragraphs_from_text(value)
    return EMPTY_PARAGRAPH.sub("", sanitise_html(html))
