"""A search as the site answers it, whichever the engine: failover to the database, spelling corrections."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from .engines import SearchRequest, SearchResponse
from .engines.database import DatabaseEngine
from .query import STOP_WORDS, SearchQuery
from .spelling import correct

logger = logging.getLogger(__name__)


def run_search(engine, search_request: SearchRequest) -> SearchResponse:
    """The engine's answer; a cluster that fails degrades to the database engine."""
    try:
        return engine.search(search_request)
    except Exception:  # noqa: BLE001 - a cluster that is down degrades to the database engine
        if not engine.uses_cluster:
            raise
        logger.warning("Search engine %s failed; answering from the database", engine.name, exc_info=True)
        response = DatabaseEngine().search(search_request)
        response.degraded = True
        return response


SCANNED_CHARS = 5_000  # of each hit's text: a word past it is asked of the engine (one indexed query)


def _found_already(search_request: SearchRequest, response: SearchResponse) -> Callable[[str], bool | None]:
    """Whether a typed word finds something for this reader, when the response already says so (else None).

    A word written in one of the hits (entries this reader may see, as a whole word, within the first
    SCANNED_CHARS of its text: a report can hold 200,000) finds that hit; a lone word without filters that
    found nothing finds nothing. Either saves a search per word (``engine.finds``). Stop words are left to
    the engine, which may not index them (PostgreSQL's english configuration).
    """
    parsed = search_request.parsed
    only = parsed.words[0].lower() if len(parsed.words) == 1 and not (parsed.phrases or parsed.excluded) else None
    alone = only is not None and not search_request.filters and not response.total

    def found(word: str) -> bool | None:
        lowered = word.lower()
        if alone and lowered == only:
            return False
        if lowered in STOP_WORDS:
            return None
        written = re.compile(rf"(?<![^\W_]){re.escape(lowered)}(?![^\W_])", re.IGNORECASE)
        for hit in response.hits:
            entry = hit.entry
            fields = (entry.title, entry.keywords, entry.summary, (entry.text or "")[:SCANNED_CHARS])
            if any(written.search(text) for text in fields if text):
                return True
        return None

    return found


def _corrected(
    engine, search_request: SearchRequest, response: SearchResponse
) -> tuple[SearchResponse, SearchQuery | None]:
    """When a query holds a word the index does not know: the corrected query's results, if they are more."""
    if response.degraded:
        return response, None

    known = _found_already(search_request, response)

    def finds(word: str) -> bool:
        answer = known(word)
        return engine.finds(word, search_request.levels) if answer is None else answer

    corrected, lost = correct(search_request.parsed, finds)
    if corrected is None:
        return response, None
    retried = run_search(
        engine,
        SearchRequest(
            str(corrected),
            search_request.levels,
            search_request.filters,
            search_request.sort,
            search_request.offset,
            search_request.limit,
        ),
    )
    # A word that found nothing as typed is worth correcting if the correction finds as much; one that found
    # something already (a form the site writes differently: "participating") only if it finds more.
    better = retried.total > response.total or (lost and retried.total and retried.total >= response.total)
    return (retried, corrected) if better else (response, None)


def answer(engine, search_request: SearchRequest, spelling: bool = True) -> tuple[SearchResponse, SearchQuery | None]:
    """The response to show, and the corrected query when the response is for a correction."""
    response = run_search(engine, search_request)
    if not spelling:
        return response, None
    return _corrected(engine, search_request, response)
