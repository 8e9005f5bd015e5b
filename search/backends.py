"""Wagtail's database search backend, with typed text made safe for the database's query syntax.

Set ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}``: the same backend Wagtail
picks for the database (SQLite FTS5, PostgreSQL full text), for every search that goes through Wagtail,
the admin's listings and choosers included.

Why: modelsearch's SQLite backend puts each typed word between double quotes for FTS5 without doubling a
double quote inside it, so a ``"`` typed into any admin search box ends the string and what follows is
read as FTS5 syntax (``a:b`` a column filter, ``NEAR(`` a function): an OperationalError, a 500. SQLite
and PostgreSQL both refuse NUL in a query. This backend removes control characters and double quotes from
the text of every query before the backend compiles it (a quote inside a word means nothing to either
database). The site's own search never sends typed text at all: it builds Wagtail query objects from
``search.query``'s parsed words and phrases.
"""

from __future__ import annotations

import copy

from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from content.core import params


def clean_text(text: str) -> str:
    return params.strip_controls(text).replace('"', " ")


def safe_query(query):
    """A copy of ``query`` (a string or Wagtail query objects) whose texts hold no quote or control character.

    Parts left without a word are dropped (the backends cannot compile an empty one); a query left with
    nothing is "", which Wagtail answers with no results, as for an empty search box.
    """
    cleaned = _safe(query)
    return "" if cleaned is None else cleaned


def _safe(query):
    if isinstance(query, str):
        cleaned = clean_text(query)
        return cleaned if cleaned.strip() else None
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        text = clean_text(query.query_string)
        if not text.strip():
            return None
        query = copy.copy(query)
        query.query_string = text
    elif isinstance(query, (And, Or)):
        subqueries = [part for part in map(_safe, query.subqueries) if part is not None]
        if not subqueries:
            return None
        query = copy.copy(query)
        query.subqueries = subqueries
    elif isinstance(query, (Not, Boost)):
        subquery = _safe(query.subquery)
        if subquery is None:
            return None
        query = copy.copy(query)
        query.subquery = subquery
    return query


class SafeQueries:
    """Mixed into a search backend: every search and autocomplete gets ``safe_query``'s copy."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, safe_query(query), model_or_queryset, **kwargs)


_SAFE_CLASSES: dict[type, type] = {}


def SearchBackend(params):  # noqa: N802 - Wagtail looks for this name in a backend module
    """The backend Wagtail would pick for the default database, with ``SafeQueries`` mixed in."""
    vendor_class = type(database_backend(params))
    if vendor_class not in _SAFE_CLASSES:
        _SAFE_CLASSES[vendor_class] = type(f"Safe{vendor_class.__name__}", (SafeQueries, vendor_class), {})
    return _SAFE_CLASSES[vendor_class](params)
