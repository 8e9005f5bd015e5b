# ruff: noqa: S608 - SQL is assembled from table names and constants; every typed value is a bound parameter
"""The embedded engine: matched, ranked, paged and counted in the database, in one statement per search.

- **SQLite**: an FTS5 table over the entries (``porter unicode61`` tokens, filled by triggers: see
  migration 0002), ranked by ``bm25`` with the field weights of ``search.ranking``.
- **PostgreSQL**: a weighted ``tsvector`` column the database generates from each entry, a GIN index,
  ranked by ``ts_rank_cd`` (cover density: words close together score higher).

Each search is a count of the matches, then one statement: a materialised set of the matching entries this
reader may see (with their scores), from which the page of results (``ORDER BY`` score ``LIMIT``) and the
facet counts (``GROUP BY``) are read together; a word most entries hold is ranked in tiers instead (each
dialect's ``common()``). Typed text never reaches either query language: FTS5 gets each parsed word or phrase as
a double-quoted string (quotes doubled), PostgreSQL gets them as bound parameters of ``plainto_tsquery`` and
``phraseto_tsquery``. Who may see which entry is ``SearchEntry.visible_to``, compiled by Django into the
same statement. Each database's matching and scoring is its dialect: ``sqlite.py`` and ``postgresql.py``,
what they share in ``sql.py``; this module builds the statement around them and reads its rows.

Why not Wagtail's database backend: measured with the worst corpus at 1,000 entries it answered in 0.7 to
2.4 s against tens of milliseconds here (README); its facet counts are one query per field over every
match; and it needs an index task per saved object; here the database keeps the index itself
(triggers, a generated column), so an entry is searchable the moment it is written.
"""

from __future__ import annotations

from collections import Counter
from contextlib import nullcontext

from django.db import connection, transaction

from ..highlight import snippet_for
from ..models import SearchEntry
from ..query import SearchQuery, parse
from ..spelling import rebuild_vocabulary
from ..synonyms import forget_names, with_synonyms
from .base import FacetValue, Hit, SearchEngine, SearchRequest, SearchResponse
from .postgresql import PostgreSQLDialect
from .sql import (
    ENTRY,
    ENTRY_TOPICS,
    FACET_FIELDS,
    NULL_INTEGER,
    NULL_TEXT,
    TOPIC,
    Dialect,
    filtered_entries,
    where_clause,
)
from .sqlite import FTS, NAMES, SQLiteDialect


def dialect() -> Dialect:
    if connection.vendor == "postgresql":
        return PostgreSQLDialect()
    if connection.vendor == "sqlite":
        return SQLiteDialect()
    raise NotImplementedError(f"The database engine supports SQLite and PostgreSQL, not {connection.vendor}.")


def statement(request: SearchRequest, parsed: SearchQuery) -> tuple[str, list]:
    """One statement: the page of results ('h' rows, best first) and the facet counts ('e' and 't' rows)."""
    relevance = request.sort != "newest"
    database = dialect()
    found = database.matches(parsed)
    if found.count > database.exact_rank_limit():
        return database.common(request, parsed)
    matched, values = database.ranked(parsed, filtered_entries(request), scored=relevance, ids=found.ids)
    order = "m.score DESC, m.id" if relevance else "m.date IS NULL, m.date DESC, m.id DESC"
    sql = (
        f"WITH m AS MATERIALIZED ({matched}) "
        f"SELECT * FROM (SELECT 'h' AS part, CAST(m.id AS TEXT) AS item, {NULL_TEXT} AS label, "
        f"{NULL_INTEGER} AS year, {NULL_TEXT} AS series, {NULL_TEXT} AS local_authority, 0 AS n FROM m "
        f"ORDER BY {order} LIMIT %s OFFSET %s) hits "
        "UNION ALL SELECT 'e', m.kind, m.kind_label, m.year, m.series, m.local_authority, COUNT(*) FROM m "
        "GROUP BY m.kind, m.kind_label, m.year, m.series, m.local_authority "
        f"UNION ALL SELECT 't', {TOPIC}.slug, {TOPIC}.name, {NULL_INTEGER}, {NULL_TEXT}, {NULL_TEXT}, COUNT(*) FROM m "
        f"JOIN {ENTRY_TOPICS} ON {ENTRY_TOPICS}.searchentry_id = m.id "
        f"JOIN {TOPIC} ON {TOPIC}.id = {ENTRY_TOPICS}.topic_id GROUP BY {TOPIC}.slug, {TOPIC}.name"
    )
    return sql, [*values, request.limit, request.offset]


def read_rows(rows, request: SearchRequest) -> tuple[list[int], int, dict[str, list[FacetValue]]]:
    hit_ids: list[int] = []
    counters: dict[str, Counter] = {name: Counter() for name in (*FACET_FIELDS, "topic")}
    labels: dict[str, dict[str, str]] = {"kind": {}, "topic": {}}
    for part, key, label, year, series, authority, count in rows:
        if part == "h":
            hit_ids.append(int(key))
        elif part == "e":
            counters["kind"][key] += count
            labels["kind"][key] = label
            if year is not None:
                counters["year"][str(year)] += count
            if series:
                counters["series"][series] += count
            if authority:
                counters["local_authority"][authority] += count
        else:
            counters["topic"][key] += count
            labels["topic"][key] = label
    total = sum(counters["kind"].values())
    facets = {}
    for name, counter in counters.items():
        selected = set(request.filters.get(name, ()))
        if name == "year":
            ordered = sorted(counter.items(), key=lambda item: item[0], reverse=True)
        else:
            ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        facets[name] = [
            FacetValue(value, labels.get(name, {}).get(value, value), count, value in selected)
            for value, count in ordered
        ]
    return hit_ids, total, facets


class DatabaseEngine(SearchEngine):
    name = "database"

    def search(self, request: SearchRequest) -> SearchResponse:
        parsed = request.parsed
        if not parsed:
            return SearchResponse([], 0, {}, self.name)
        postgresql = connection.vendor == "postgresql"
        with transaction.atomic() if postgresql else nullcontext(), connection.cursor() as cursor:
            if postgresql:
                # The planner's estimate for a common word favours reading every row, which unpacks every
                # text's vector; the GIN index answers without (22 ms against 330 ms at 20,000 entries).
                cursor.execute("SET LOCAL enable_seqscan = off")
            sql, values = statement(request, with_synonyms(parsed))
            cursor.execute(sql, values)
            rows = cursor.fetchall()
        hit_ids, total, facets = read_rows(rows, request)
        # Read again with the reader's rule: an entry restricted since the statement ran is left out.
        entries = SearchEntry.objects.filter(SearchEntry.visible_to(request.levels)).in_bulk(hit_ids)
        hits = [Hit(entries[pk], snippet_for(entries[pk], parsed)) for pk in hit_ids if pk in entries]
        return SearchResponse(hits, total, facets, self.name)

    def autocomplete(self, prefix: str, levels: frozenset[str], limit: int = 8) -> list[SearchEntry]:
        """Entries whose title, other names or summary hold the typed words, the last one maybe unfinished.

        Entries the reader may open come first; a teaser (a locked page) never comes above one.
        """
        terms = parse(prefix).terms
        if not terms:
            return []
        queryset = SearchEntry.objects.filter(SearchEntry.visible_to(levels))
        sql, values = dialect().suggestions(terms, queryset, limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            ids = [row[0] for row in cursor.fetchall()]
        entries = SearchEntry.objects.filter(SearchEntry.visible_to(levels)).in_bulk(ids)
        return [entries[pk] for pk in ids if pk in entries]

    def finds(self, word: str, levels: frozenset[str]) -> bool:
        """Whether ``word`` matches anything this reader may see (before a correction is offered)."""
        database = dialect()
        where, values = where_clause(SearchEntry.objects.filter(SearchEntry.visible_to(levels)))
        with connection.cursor() as cursor:
            cursor.execute(database.contains_sql().format(where=where), [database.word_match(word), *values])
            return cursor.fetchone() is not None

    def rebuild(self, progress=None) -> dict:
        """The database keeps its index itself; this recounts the vocabulary and tidies the index."""
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                for table in (FTS, NAMES):  # each merged into one segment: a search reads fewer, longer lists
                    cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        elif connection.vendor == "postgresql":
            # What autovacuum does in its own time: entries written since are merged into the GIN indexes
            # (a search reads an unmerged pending list in full) and the planner's statistics are renewed.
            with connection.cursor() as cursor:
                for index in ("hub_search_entry_vector", "hub_search_entry_names"):
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
                cursor.execute(f"ANALYZE {ENTRY}")
        forget_names()
        return {"words": rebuild_vocabulary()}
