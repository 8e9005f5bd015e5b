"""Daily aggregates for staff insight: how often pages are read and what readers search for.

Privacy-first: no user, session, address or agent is stored, only a count per page (or search
term) per day. Search terms are typed by the public and may hold personal data, so they are
pruned after a retention period (``insights.recording.prune_old``).
"""

from __future__ import annotations

from django.db import models


class PageReadDaily(models.Model):
    """How many times a page was read in full on one day (teasers, previews and bots are not reads)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(db_index=True)
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day"]
        verbose_name = "page reads on a day"
        verbose_name_plural = "page reads per day"
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="insights_one_read_row_per_page_day")]

    def __str__(self) -> str:
        return f"{self.page_id} on {self.day}: {self.reads}"


class SearchTermDaily(models.Model):
    """How many first-page searches for a normalised term on one day, and how many found nothing."""

    term = models.CharField(max_length=100)
    day = models.DateField(db_index=True)
    searches = models.PositiveIntegerField(default=0)
    no_results = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "term"]
        verbose_name = "search term on a day"
        verbose_name_plural = "search terms per day"
        constraints = [models.UniqueConstraint(fields=["term", "day"], name="insights_one_row_per_term_day")]

    def __str__(self) -> str:
        return f"{self.term!r} on {self.day}: {self.searches}"
