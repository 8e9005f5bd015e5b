"""One interface for every search engine: a request in, results with facets and snippets out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.cache import cache
from django.db import transaction

from content.core import request_memo

from ..highlight import WORD, query_stems, stem
from ..models import SearchEntry
from ..query import SearchQuery, parse

FACETS = ("kind", "topic", "series", "year", "local_authority")
SORTS = ("relevance", "newest")
TOPICS_CACHE_KEY = "hub-search-topics"  # forgotten when a topic is saved or deleted (search.signal_handlers)


@dataclass(frozen=True)
class SearchRequest:
    """One search. ``query`` is what the reader typed; engines build their queries from ``parsed`` only."""

    query: str
    levels: frozenset[str]
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    offset: int = 0
    limit: int = 10
    parsed: SearchQuery = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parsed", parse(self.query))


@dataclass
class Hit:
    entry: SearchEntry
    snippet: str  # safe HTML with <mark> around matched words, from text this reader may see


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResponse:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]
    engine: str
    suggestion: str = ""
    degraded: bool = False


class SearchEngine:
    name = "base"
    uses_cluster = False

    def search(self, request: SearchRequest) -> SearchResponse:
        raise NotImplementedError

    def autocomplete(self, prefix: str, levels: frozenset[str], limit: int = 8) -> list[SearchEntry]:
        """Entries whose title starts with the typed words (the last one may be unfinished)."""
        raise NotImplementedError

    def finds(self, word: str, levels: frozenset[str]) -> bool:
        """Whether ``word`` matches anything a reader of ``levels`` may see (before a correction is offered)."""
        return bool(self.search(SearchRequest(word, levels, limit=1)).total)

    def push_pending(self) -> int:
        return 0

    def rebuild(self, progress=None) -> dict:
        return {}


class NamedTopic(NamedTuple):
    pk: int
    slug: str


def forget_topics() -> None:
    """Now, and again when the transaction commits (a search in between may have cached the old names)."""
    request_memo.current().pop(TOPICS_CACHE_KEY, None)
    cache.delete(TOPICS_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(TOPICS_CACHE_KEY))


def topics_named_by(parsed: SearchQuery) -> list[NamedTopic]:
    """Topics whose names hold every word typed (compared by English stem), from the shared cache (read once
    per request: a corrected search asks again).

    Every engine multiplies the score of an entry filed under one of them by ``ranking.TOPIC_BONUS``.
    """
    wanted = query_stems(parsed)
    if not wanted:
        return []
    memo = request_memo.current()
    topics = memo.get(TOPICS_CACHE_KEY)
    if topics is None:
        topics = cache.get(TOPICS_CACHE_KEY)
    if topics is None:
        model = SearchEntry.topics.field.related_model
        topics = [tuple(row) for row in model.objects.values_list("pk", "slug", "name")]
        cache.set(TOPICS_CACHE_KEY, topics, 600)
    memo[TOPICS_CACHE_KEY] = topics
    return [NamedTopic(pk, slug) for pk, slug, name in topics if wanted <= {stem(word) for word in WORD.findall(name)}]
