"""One interface for every search engine: a request in, results with facets and snippets out."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import SearchEntry
from ..query import SearchQuery, parse

FACETS = ("kind", "topic", "series", "year", "local_authority")
SORTS = ("relevance", "newest")


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
