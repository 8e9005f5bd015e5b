"""The public search page and its autocomplete: member-aware, the same for every engine."""

from __future__ import annotations

import logging
import unicodedata

from django.core.paginator import Paginator
from django.http import HttpRequest, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from content.core import params
from content.core.cache_headers import private, private_response
from content.core.privacy import readable_by
from insights.recording import record_search

from .access import LOCAL_GOVERNMENT, STAFF, readable_levels
from .engines import SearchRequest, SearchResponse, get_engine
from .engines.base import FACETS, SORTS
from .engines.database import DatabaseEngine
from .models import SearchEntry
from .query import MAX_CHARS, clean, parse
from .service import answer, run_search

logger = logging.getLogger(__name__)
RESULTS_PER_PAGE = 10
MAX_PAGE = 10_000 // RESULTS_PER_PAGE
MAX_FACET_VALUE = 255  # the longest facet value a column holds (series)
MAX_SUGGEST = 80
LOCK_LABELS = {LOCAL_GOVERNMENT: "Local government members only", STAFF: "Staff only"}  # as includes/lock_label
FACET_LABELS = {
    "kind": "Type",
    "topic": "Topic",
    "series": "Series",
    "year": "Year",
    "local_authority": "Local authority",
}


def _filters(request: HttpRequest) -> dict[str, tuple[str, ...]]:
    """Selected facet values (at most ten each, each cleaned and capped); a year that is not a year is ignored."""
    filters = {}
    for name in FACETS:
        values = request.GET.getlist(name)
        if name == "year":
            values = [str(value) for value in params.years(values)]
        cleaned = params.texts(values, max_length=MAX_FACET_VALUE)
        if cleaned:
            filters[name] = cleaned
    return filters


def _longer_than_searched(raw: str) -> bool:
    """Whether the typed text, cleaned as ``clean`` cleans it, runs past the MAX_CHARS characters searched for."""
    normalised = unicodedata.normalize("NFKC", params.strip_controls(raw[: MAX_CHARS * 4]))
    return len(params.text(normalised, MAX_CHARS * 4)) > MAX_CHARS


def _page_number(request: HttpRequest) -> int:
    """1..MAX_PAGE (a cluster answers at most 10,000 results deep); anything else is the first page."""
    return params.page_number(request.GET.get("page"), maximum=MAX_PAGE)


def direct_answer(query: str, hits) -> SearchEntry | None:
    """A glossary term among the first results whose name or other name is the query ('what is …' the term).

    Read from the results already found (an exactly named term ranks near the top), so it costs no query
    and can only ever show a definition this reader may see.
    """
    wanted = query.lower().strip(" ?")
    for prefix in ("what is ", "what are ", "what does ", "define ", "definition of ", "meaning of "):
        if wanted.startswith(prefix):
            wanted = wanted[len(prefix) :]
    wanted = wanted.removesuffix(" mean").removeprefix("a ").removeprefix("an ").removeprefix("the ").strip()
    if not wanted:
        return None
    for hit in hits:
        entry = hit.entry
        if entry.kind != "definition":
            continue
        names = [entry.title.lower(), *(name.strip().lower() for name in entry.keywords.split(",") if name.strip())]
        if wanted in names:
            return entry
    return None


def promoted(query: str, request: HttpRequest) -> list:
    """Editors' promoted results for this query that this reader may open (one query; Wagtail's ``Query`` row
    for it is written with the search's count, after the response: ``insights.recording.SEARCHES``)."""
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    pages = [pick.page for pick in picks if pick.page_id and pick.page.live]
    readable = readable_by(pages, request)
    return [pick for pick in picks if pick.external_link_url or (pick.page_id and readable.get(pick.page_id))]


@require_safe
def search(request: HttpRequest) -> TemplateResponse:
    raw = request.GET.get("q", "")
    typed = clean(raw)  # shown back as typed, without control characters
    parsed = parse(typed)
    query = str(parsed)  # the canonical query: for promotions, insight and direct answers
    sort = params.choice(request.GET.get("sort"), SORTS, "relevance")
    levels = readable_levels(request.user)
    filters = _filters(request)
    page_number = _page_number(request)
    spelling_exact = request.GET.get("spelling") == "exact"
    context = {
        "search_query": typed,
        "sort": sort,
        "filters": filters,
        "facet_labels": FACET_LABELS,
        "spelling_exact": spelling_exact,
        # Only the first MAX_CHARS characters are searched for: the page says so rather than cutting silently.
        "query_truncated": _longer_than_searched(raw),
        "max_query_chars": MAX_CHARS,
        "today": timezone.localdate(),  # announced papers (released after today) are labelled "Coming soon"
    }
    if typed and not parsed:  # only punctuation, or only exclusions: nothing to look for
        context.update(
            response=SearchResponse([], 0, {}, get_engine().name), hits=[], facets=[], nothing_to_search=True
        )
    elif parsed:
        search_request = SearchRequest(
            typed, levels, filters, sort, (page_number - 1) * RESULTS_PER_PAGE, RESULTS_PER_PAGE
        )
        engine = get_engine()
        response, corrected = answer(engine, search_request, spelling=not spelling_exact)
        paginator = Paginator(range(response.total), RESULTS_PER_PAGE)
        page_obj = paginator.get_page(page_number)
        if page_obj.number < page_number and response.total:  # past the last page: show the last page
            search_request = SearchRequest(
                str(corrected) if corrected else typed,
                levels,
                filters,
                sort,
                (page_obj.number - 1) * RESULTS_PER_PAGE,
                RESULTS_PER_PAGE,
            )
            response = run_search(engine, search_request)
        if page_number == 1 and not filters and sort == "relevance":  # paging, facet and sort clicks: same search
            record_search(request, query, response.total)
        context.update(
            response=response,
            corrected=corrected,
            query_shown=str(corrected) if corrected else typed,  # quoted as typed, or in curly quotes
            hits=response.hits,
            page_obj=page_obj,
            paginator=paginator,
            answer=direct_answer(str(corrected) if corrected else typed, response.hits)
            if page_number == 1 and not filters
            else None,
            promotions=promoted(query, request) if page_number == 1 else [],
            facets=[(name, FACET_LABELS[name], values) for name, values in response.facets.items() if values],
        )
    result = TemplateResponse(request, "search/search.html", context)
    if request.user.is_authenticated:
        return private_response(result)  # a member's results include what only their tier may read
    patch_vary_headers(result, ["Cookie"])  # anyone signed out gets the same page, which a cache may keep
    return result


@require_safe
@private
def autocomplete(request: HttpRequest) -> JsonResponse:
    prefix = clean(request.GET.get("q", ""))[:MAX_SUGGEST]
    suggestions = []
    if len(prefix) >= 2 and parse(prefix):
        engine = get_engine()
        try:
            entries = engine.autocomplete(prefix, readable_levels(request.user))
        except Exception:  # noqa: BLE001 - a cluster that is down degrades to the database engine
            if not engine.uses_cluster:
                raise
            entries = DatabaseEngine().autocomplete(prefix, readable_levels(request.user))
        # A locked item (a teaser) says so, and the engines list it after everything the reader may open.
        suggestions = [
            {
                "title": e.title,
                "url": e.url_path,
                "kind": e.kind_label,
                "locked": e.variant == SearchEntry.Variant.TEASER,
                "lock": LOCK_LABELS.get(e.access, "Members only") if e.variant == SearchEntry.Variant.TEASER else "",
            }
            for e in entries
        ]
    return JsonResponse({"query": prefix, "suggestions": suggestions})
