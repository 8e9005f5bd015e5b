"""search.backends: Wagtail's database backend with typed text made safe, for the admin's search boxes too."""

from __future__ import annotations

import pytest

from django.db import connection

from wagtail.search.backends.database import SearchBackend as WagtailDatabaseBackend
from wagtail.search.query import And, Not, Phrase, PlainText

from content.topics.models import Topic
from search.backends import SafeQueries, SearchBackend, safe_query
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

TYPED = ['"', 'x"y', '"a:b"', "\x00", 'name:"x', '" NEAR(a b) "', '" OR title:* "', "a\x00b"]


def test_it_is_wagtails_backend_for_the_database_with_safe_queries():
    backend = SearchBackend({})
    assert isinstance(backend, SafeQueries)
    assert isinstance(backend, type(WagtailDatabaseBackend({})))


@pytest.mark.parametrize("typed", TYPED)
def test_typed_text_never_breaks_a_search(typed):
    backend = SearchBackend({})
    list(backend.search(typed, Topic))
    list(backend.search(typed, SearchEntry.objects.all(), operator="or"))
    list(backend.autocomplete(typed, Topic))
    list(backend.search(And([PlainText(typed), Not(PlainText(typed)), Phrase(typed)]), SearchEntry))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the quote bug is in the SQLite FTS5 backend")
def test_wagtails_own_sqlite_backend_breaks_on_a_quote():
    """Why search.backends exists: without it a quote in an admin search box is a 500."""
    from django.db import OperationalError

    assert type(WagtailDatabaseBackend({})).__name__ == "SQLiteSearchBackend"
    with pytest.raises(OperationalError):
        list(WagtailDatabaseBackend({}).search('"a:b"', Topic))


def test_words_still_find_what_they_found():
    backend = SearchBackend({})
    topic = Topic.objects.first()
    assert topic in list(backend.search(topic.name, Topic))
    assert topic in list(backend.search(f'"{topic.name}"', Topic))


def test_safe_query_keeps_the_structure():
    query = safe_query(And([PlainText('a"b\x00', operator="or"), Not(Phrase('"c d"'))]))
    assert isinstance(query, And)
    assert query.subqueries[0].query_string == "a b " and query.subqueries[0].operator == "or"
    assert query.subqueries[1].subquery.query_string == " c d "
    assert safe_query('"') == "" and safe_query("\x00 ") == ""
