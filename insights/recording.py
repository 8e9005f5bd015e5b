"""Recording reads and searches as anonymous daily counts, and pruning what is kept no longer.

Everything here fails silently (logged): a page or a search never breaks because of insight.
"""

from __future__ import annotations

import atexit
import collections
import logging
import re
import threading
import time
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from .models import PageReadDaily, SearchTermDaily

logger = logging.getLogger(__name__)

MAX_TERM = 100
BOT_MARKERS = ("bot", "spider", "crawl")
# Search terms come from the public and can hold names or addresses: keep them about 13 months.
DEFAULT_SEARCH_TERM_RETENTION_DAYS = 396
_WHITESPACE = re.compile(r"\s+")


def is_bot(request: HttpRequest | None) -> bool:
    """An obvious crawler by its own User-Agent; everything else counts."""
    if request is None:
        return False
    agent = request.headers.get("User-Agent", "").lower()
    return any(marker in agent for marker in BOT_MARKERS)


def normalise_term(query: str) -> str:
    """Lower-case, whitespace collapsed, at most 100 characters."""
    return _WHITESPACE.sub(" ", query).strip().lower()[:MAX_TERM].strip()


def _increment(model: type[models.Model], lookup: dict, increments: dict[str, int]) -> None:
    """Add to today's row, creating it if need be; two first requests at once both count."""
    changes = {field: F(field) + amount for field, amount in increments.items()}
    # One UPDATE is atomic on its own: no transaction round trips on every read, only around a first insert.
    if model.objects.filter(**lookup).update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **increments)
    except IntegrityError:  # another request created the row between our update and insert
        model.objects.filter(**lookup).update(**changes)


class Tally:
    """Counts kept in memory and written together: after a response, once INSIGHTS_READ_FLUSH_SECONDS have
    passed since the oldest waiting count (``flush_if_due``, on Django's ``request_finished``), and when the
    process exits.

    Written one by one, every read of a paper and every search was a write to the database inside the
    request: on SQLite an exclusive lock the app servers' other requests waited for. Counts are anonymous
    daily totals, so seconds of delay change nothing a report shows; a process killed outright loses what it
    held. A write that fails keeps its counts for the next try (up to MAX_KEPT keys).
    """

    MAX_KEPT = 100_000
    what = "counts"

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: collections.Counter[tuple] = collections.Counter()
        self.since = time.monotonic()

    def add(self, key: tuple, amount: int = 1) -> None:
        with self.lock:
            if not self.pending:
                self.since = time.monotonic()
            self.pending[key] += amount

    def flush_if_due(self, **kwargs: Any) -> None:
        if self.pending and time.monotonic() - self.since >= settings.INSIGHTS_READ_FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        with self.lock:
            pending, self.pending = self.pending, collections.Counter()
        if not pending:
            return
        try:
            with transaction.atomic():
                self.write(pending)
        except Exception:  # noqa: BLE001 - insight must never break a page
            logger.exception("Could not record %s %s; kept for the next try", sum(pending.values()), self.what)
            with self.lock:
                self.since = time.monotonic()  # the next try after as long again, not after every response
                if len(self.pending) + len(pending) <= self.MAX_KEPT:
                    self.pending.update(pending)
                else:
                    logger.error("Dropped %s %s: too many kept waiting", sum(pending.values()), self.what)

    def write(self, pending: collections.Counter) -> None:
        raise NotImplementedError


class ReadCounter(Tally):
    """Full reads of pages: (page id, day) → reads."""

    what = "reads"

    def write(self, pending: collections.Counter) -> None:
        pages = PageReadDaily._meta.get_field("page").related_model
        existing = set(pages.objects.filter(pk__in={pk for pk, _ in pending}).values_list("pk", flat=True))
        # In one order in every process, so that two workers writing the same rows never deadlock.
        for (page_id, day), reads in sorted(pending.items()):
            if page_id in existing:  # else deleted since it was read
                _increment(PageReadDaily, {"page_id": page_id, "day": day}, {"reads": reads})


class SearchCounter(Tally):
    """First-page searches: (term, day, found nothing) → searches, written to the insight's daily terms and
    to Wagtail's own query hits (its promotions' "Search terms" report), by the term as Wagtail normalises it."""

    what = "searches"

    def write(self, pending: collections.Counter) -> None:
        terms: collections.defaultdict[tuple[str, date], collections.Counter] = collections.defaultdict(
            collections.Counter
        )
        for (term, day, nothing), searches in pending.items():
            terms[term, day]["searches"] += searches
            terms[term, day]["no_results"] += searches if nothing else 0
        hits: collections.Counter[tuple[str, date]] = collections.Counter()
        for (term, day), counts in sorted(terms.items()):  # one order in every process: no deadlock
            _increment(SearchTermDaily, {"term": term, "day": day}, counts)
            hits[normalise_query_string(term), day] += counts["searches"]
        queries = {}
        for (query_string, day), count in sorted(hits.items()):
            if query_string not in queries:
                queries[query_string] = Query.get(query_string)
            _increment(QueryDailyHits, {"query": queries[query_string], "date": day}, {"hits": count})


READS = ReadCounter()
SEARCHES = SearchCounter()
atexit.register(READS.flush)
atexit.register(SEARCHES.flush)


def record_read(page, request: HttpRequest | None = None, *, day: date | None = None) -> None:
    """Count one full read of ``page`` today, unless a crawler asked for it (written later, with others: READS)."""
    if is_bot(request):
        return
    try:
        READS.add((page.pk, day or timezone.localdate()))
    except Exception:  # noqa: BLE001 - insight must never break a page
        logger.exception("Could not record a read of page %s", page.pk)


def record_search(request: HttpRequest | None, query: str, total_results: int, *, day: date | None = None) -> None:
    """Count one search for ``query`` today, and whether this reader got nothing back (written later, with
    others: SEARCHES), unless a crawler searched.

    The caller records only the first page of a query without facets, so paging and facet clicks
    do not count the same search again.
    """
    term = normalise_term(query)
    if not term or is_bot(request):
        return
    try:
        SEARCHES.add((term, day or timezone.localdate(), not total_results))
    except Exception:  # noqa: BLE001 - insight must never break a search
        logger.exception("Could not record a search")


def search_term_retention_days() -> int:
    return int(getattr(settings, "INSIGHTS_SEARCH_TERM_RETENTION_DAYS", DEFAULT_SEARCH_TERM_RETENTION_DAYS))


def prune_old(today: date | None = None) -> int:
    """Delete search terms older than the retention period; returns how many daily rows went.

    Meant for the worker's periodic clock (daily is plenty). Page reads hold no personal data and stay.
    """
    cutoff = (today or timezone.localdate()) - timedelta(days=search_term_retention_days())
    deleted, _ = SearchTermDaily.objects.filter(day__lt=cutoff).delete()
    if deleted:
        logger.info("Pruned %s daily search-term rows before %s", deleted, cutoff)
    return deleted
