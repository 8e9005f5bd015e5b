"""The one place that decides which pages a listing, feed, sitemap or search may show.

Every public listing goes through ``public_pages``: no view filters by hand.
See docs/privacy.md.
"""

from __future__ import annotations

from typing import TypeVar

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

PageT = TypeVar("PageT", bound=Page)


def public_pages(model: type[Page] = Page) -> PageQuerySet:
    """Live pages of ``model`` that anyone may read: no view restriction on them or an ancestor."""
    return model.objects.live().public()


def is_public(page: Page) -> bool:
    """True when the page is live and neither it nor an ancestor carries a view restriction."""
    if not page.live:
        return False
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()
