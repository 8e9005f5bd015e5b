"""Pages linked from rich text, looked up once per request, and kept by the worker until the content changes.

A page's rich text is expanded block by block; the pages it links are looked up once per request
(``content.core.request_memo``), in one query however many links and blocks there are, and the worker keeps
what a link needs (``content.core.worker_memo``) until the next publish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape

from wagtail.models import Page, get_page_models

from . import request_memo, worker_memo

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


@dataclass(frozen=True)
class LinkTarget:
    """What a link to a page needs, the same for every reader (kept by the worker: ``worker_memo``)."""

    path: str  # tree path: whether this reader may see the term's definition is decided per request
    url: str
    title: str
    definition: str | None  # a live glossary term's short definition, else None


def link_tags(page_ids: Iterable[int]) -> dict[int, str]:
    """The opening tag of a link to each page, memoised for the request; unknown pages are left out.

    A term's link carries its short definition (the glossary pop-up) only when this request's read of the
    view restrictions says the term is public: the targets are kept between requests, that decision never.
    """
    memo = request_memo.current().setdefault("page_links", {})
    missing = {int(pk) for pk in page_ids} - memo.keys()
    if missing:
        targets = worker_memo.kept_many("link_target", missing, _link_targets)
        for pk, target in targets.items():
            if target is None:
                continue
            url = escape(target.url)
            if target.definition is not None and request_memo.is_public(target):
                memo[pk] = (
                    f'<a href="{url}" class="glossary-term" '
                    f'data-term="{escape(target.title)}" data-definition="{escape(target.definition)}">'
                )
            else:
                memo[pk] = f'<a href="{url}">'
    return memo


def _link_targets(page_ids: set[int]) -> dict[int, LinkTarget]:
    """One query: the pages, with the pop-up text joined for page types that have one (a glossary term's
    short definition: ``BasePage.link_preview_field``, so that this module reads no content app)."""
    previews = {
        ContentType.objects.get_for_model(model).pk: (model._meta.model_name, model.link_preview_field)
        for model in get_page_models()
        if vars(model).get("link_preview_field")  # the declaring model's own row joins Page's directly
    }
    pages = list(
        Page.objects.filter(pk__in=page_ids)
        .select_related(*(relation for relation, _ in previews.values()))
        .only(*LINK_FIELDS, *(f"{relation}__{field}" for relation, field in previews.values()))
    )
    root_paths = request_memo.site_root_paths()
    targets = {}
    for page in pages:
        page._wagtail_cached_site_root_paths = root_paths  # one look-up for every link's URL
        preview = previews.get(page.content_type_id) if page.live else None
        targets[page.pk] = LinkTarget(
            path=page.path,
            url=page.url or "",
            title=page.title,
            definition=getattr(getattr(page, preview[0]), preview[1]) if preview else None,
        )
    return targets
