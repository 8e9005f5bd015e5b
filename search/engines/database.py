"""The embedded engine: Wagtail's database search backend (SQLite FTS5, PostgreSQL full text)."""

from __future__ import annotations

import difflib
from collections import Counter
from itertools import islice

from django.db.models import Count

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from hub import params

from ..highlight import snippet_for
from ..models import SearchEntry
from ..query import SearchQuery, parse
from .base import FacetValue, Hit, SearchEngine, SearchRequest, SearchResponse

CHUNK = 500
FACET_FIELDS = {"kind": "kind", "series": "series", "year": "year", "local_authority": "local_authority"}


def _chunks(items, size=CHUNK):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def filtered_entries(request: SearchRequest):
    """Entries this reader may see, narrowed by the selected facet values."""
    qs = SearchEntry.objects.filter(SearchEntry.visible_to(request.levels))
    for facet, field_name in FACET_FIELDS.items():
        values = request.filters.get(facet)
        if values and facet == "year":  # a number too large for the column is an error in SQLite
            values = params.years(values) or [0]  # no such year: nothing matches
        if values:
            qs = qs.filter(**{f"{field_name}__in": values})
    topics = request.filters.get("topic")
    if topics:
        for slug in topics:  # every selected topic must apply
            qs = qs.filter(pk__in=SearchEntry.topics.through.objects.filter(topic__slug=slug).values("searchentry_id"))
    return qs


def facet_counts(ids: list[int], request: SearchRequest) -> dict[str, list[FacetValue]]:
    """Counts per facet value among the matched entries (which already honour every selected filter)."""
    counters: dict[str, Counter] = {name: Counter() for name in (*FACET_FIELDS, "topic")}
    labels: dict[str, dict[str, str]] = {"kind": {}, "topic": {}}
    for chunk in _chunks(ids):
        rows = SearchEntry.objects.filter(pk__in=chunk)
        for facet, field_name in FACET_FIELDS.items():
            for row in (
                rows.exclude(**{field_name: ""} if facet != "year" else {"year__isnull": True})
                .values(field_name, *(["kind_label"] if facet == "kind" else []))
                .annotate(n=Count("pk"))
            ):
                value = str(row[field_name])
                counters[facet][value] += row["n"]
                if facet == "kind":
                    labels["kind"][value] = row["kind_label"]
        for row in (
            SearchEntry.topics.through.objects.filter(searchentry_id__in=chunk)
            .values("topic__slug", "topic__name")
            .annotate(n=Count("pk"))
        ):
            counters["topic"][row["topic__slug"]] += row["n"]
            labels["topic"][row["topic__slug"]] = row["topic__name"]
    facets = {}
    for name, counter in counters.items():
        selected = set(request.filters.get(name, ()))
        ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        if name == "year":
            ordered = sorted(counter.items(), key=lambda item: item[0], reverse=True)
        facets[name] = [
            FacetValue(value, labels.get(name, {}).get(value, value), count, value in selected)
            for value, count in ordered
        ]
    return facets


def backend_query(parsed: SearchQuery):
    """Wagtail's query objects for what must match: any of the words, every phrase. Never a string to parse."""
    parts = []
    if parsed.words:
        parts.append(PlainText(" ".join(parsed.words), operator="or"))
    parts += [Phrase(" ".join(phrase)) for phrase in parsed.phrases]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def excluded_query(parsed: SearchQuery):
    """What must not match: any excluded word or phrase (None when nothing is excluded).

    Searched on its own and taken out of the entries, rather than ``Not`` inside the query: the SQLite
    backend writes ``a OR b NOT c`` without brackets (FTS5 reads ``a OR (b NOT c)``) and the PostgreSQL
    backend drops ``Not`` around a ``Phrase``.
    """
    parts = [PlainText(item[0]) if len(item) == 1 else Phrase(" ".join(item)) for item in parsed.excluded]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Or(parts)


class DatabaseEngine(SearchEngine):
    name = "database"

    def __init__(self) -> None:
        self.backend = get_search_backend()

    def _search(self, qs, parsed: SearchQuery, sort: str):
        excluded = excluded_query(parsed)
        if excluded is not None:
            qs = qs.exclude(pk__in=list(self.backend.search(excluded, qs, order_by_relevance=False).facet("id")))
        if sort == "newest":
            return self.backend.search(backend_query(parsed), qs.order_by("-date", "-id"), order_by_relevance=False)
        return self.backend.search(backend_query(parsed), qs)

    def search(self, request: SearchRequest) -> SearchResponse:
        parsed = request.parsed
        if not parsed:
            return SearchResponse([], 0, {}, self.name)
        results = self._search(filtered_entries(request), parsed, request.sort)
        ids = list(results.facet("id").keys())
        total = len(ids)
        page = list(results[request.offset : request.offset + request.limit]) if total else []
        hits = [Hit(entry, snippet_for(entry, parsed)) for entry in page]
        response = SearchResponse(hits, total, facet_counts(ids, request), self.name)
        if not total:
            response.suggestion = suggest_spelling(parsed.plain, request.levels)
        return response

    def autocomplete(self, prefix: str, levels: frozenset[str], limit: int = 8) -> list[SearchEntry]:
        terms = parse(prefix).terms
        if not terms:
            return []
        qs = SearchEntry.objects.filter(SearchEntry.visible_to(levels))
        return list(self.backend.autocomplete(PlainText(" ".join(terms), operator="and"), qs)[:limit])


def suggest_spelling(query: str, levels: frozenset[str]) -> str:
    """A spelling suggestion from the titles and other names of entries this reader may see."""
    vocabulary = set()
    for title, keywords in SearchEntry.objects.filter(SearchEntry.visible_to(levels)).values_list("title", "keywords")[
        :5000
    ]:
        vocabulary.update(word.lower() for word in f"{title} {keywords}".replace(",", " ").split() if len(word) > 3)
    words = query.lower().split()
    corrected = [(difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75) or [word])[0] for word in words]
    suggestion = " ".join(corrected)
    return suggestion if suggestion != query.lower() else ""
