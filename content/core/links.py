"""Pages linked from rich text, looked up once per request.

A page's rich text is expanded block by block; the pages it links are looked up once per request
(``content.core.request_memo``), in two queries however many links and blocks there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape

from wagtail.models import Page

from . import request_memo

LINK_TAG = re.compile(r"<a\b[^>]*>")
PAGE_LINK_TYPE = re.compile(r'\blinktype=\\?"page\\?"')
LINK_ID = re.compile(r'\bid=\\?"(\d+)\\?"')


def page_link_ids(*texts: str) -> set[int]:
    """Ids of the pages linked from rich text (stored HTML, or a StreamField's JSON)."""
    ids = set()
    for text in texts:
        for tag in LINK_TAG.findall(text or ""):
            if PAGE_LINK_TYPE.search(tag) and (match := LINK_ID.search(tag)):
                ids.add(int(match.group(1)))
    return ids


LINK_FIELDS = ("id", "path", "depth", "url_path", "live", "content_type_id", "locale_id", "alias_of_id", "title")


def link_tags(page_ids: Iterable[int]) -> dict[int, str]:
    """The opening tag of a link to each page, memoised for the request; unknown pages are left out."""
    from content.glossary.models import DefinitionPage

    memo = request_memo.current().setdefault("page_links", {})
    missing = {int(pk) for pk in page_ids} - memo.keys()
    if missing:
        # One query: the pages, with a definition's own fields joined when the page is a term.
        pages = list(
            Page.objects.filter(pk__in=missing)
            .select_related("definitionpage")
            .only(*LINK_FIELDS, "definitionpage__short_definition")
        )
        root_paths = request_memo.site_root_paths()
        term_type = ContentType.objects.get_for_model(DefinitionPage).pk
        terms = {
            page.pk: page.definitionpage.short_definition
            for page in pages
            if page.content_type_id == term_type and page.live and request_memo.is_public(page)
        }
        for page in pages:
            page._wagtail_cached_site_root_paths = root_paths  # one look-up for every link's URL
            url = escape(page.url or "")
            definition = terms.get(page.pk)
            if definition is not None:
                memo[page.pk] = (
                    f'<a href="{url}" class="glossary-term" '
                    f'data-term="{escape(page.title)}" data-definition="{escape(definition)}">'
                )
            else:
                memo[page.pk] = f'<a href="{url}">'
    return memo
