"""The papers of the series a member follows that they have not opened yet (on /members/)."""

from __future__ import annotations

from django.db.models import Q

from wagtail.models import Page

from content.core.privacy import public_pages
from content.papers.models import PaperPage
from members.models import OpenedPage

from .models import Follow


def unread_papers(request, followed: list[Page] | None = None) -> list[tuple[Page, list]]:
    """For each followed series (``followed``, if the caller has read them), its released public papers the
    member has not opened."""
    if followed is None:
        follows = Follow.objects.filter(user=request.user, series__isnull=False).select_related("series")
        followed = [follow.series for follow in follows]
    if not followed:
        return []
    # Every followed series' papers in one query (as PaperSeriesPage.get_papers(), for all series at once).
    children = Q()
    for series in followed:
        children |= Q(path__startswith=series.path, depth=series.depth + 1)
    by_series: dict[str, list] = {}
    opened = OpenedPage.objects.filter(user=request.user).values("page_id")
    for paper in _papers_of(children).exclude(pk__in=opened):  # one query with the papers
        by_series.setdefault(paper.path[: -paper.steplen], []).append(paper)
    return [(series, [p for p in by_series.get(series.path, []) if p.is_released]) for series in followed]


def _papers_of(children: Q):
    return public_pages(PaperPage).filter(children).select_related("report").order_by("release_date", "path")
