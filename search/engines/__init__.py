"""The search engine, chosen by one setting (SEARCH_URL) behind one cached accessor."""

from __future__ import annotations

from functools import cache

from django.conf import settings

from .base import SearchEngine, SearchRequest, SearchResponse  # noqa: F401
from .database import DatabaseEngine


@cache
def get_engine() -> SearchEngine:
    url = getattr(settings, "SEARCH_URL", "") or ""
    if url.startswith(("http://", "https://")):
        from .cluster import ClusterEngine  # the cluster clients load only in a process that uses one

        return ClusterEngine(url, index_prefix=getattr(settings, "SEARCH_INDEX_PREFIX", "hub"))
    return DatabaseEngine()


def reset_engine() -> None:
    """Forget the cached engine (tests that switch engines, settings changes)."""
    get_engine.cache_clear()
