# ruff: noqa: S608 - SQL is assembled from table names and constants; every typed value is a bound parameter
"""The embedded engine: matched, ranked, paged and counted in the database, in one statement per search.

- **SQLite**: an FTS5 table over the entries (``porter unicode61`` tokens, filled by triggers: see
  migration 0002), ranked by ``bm25`` with the field weights of ``search.ranking``.
- **PostgreSQL**: a weighted ``tsvector`` column the database generates from each entry, a GIN index,
  ranked by ``ts_rank_cd`` (cover density: words close together score higher).

Each search is one statement: a materialised set of the matching entries this reader may see (with their
scores), from which the page of results (``ORDER BY`` score ``LIMIT``) and the facet counts (``GROUP BY``)
are read together. Typed text never reaches either query language: FTS5 gets each parsed word or phrase as
a double-quoted string (quotes doubled), PostgreSQL gets them as bound parameters of ``plainto_tsquery`` and
``phraseto_tsquery``. Who may see which entry is ``SearchEntry.visible_to``, compiled by Django into the
same statement.

Why not Wagtail's database backend: measured with the worst corpus at 1,000 entries it answered in 0.7 to
2.4 s against tens of milliseconds here (README); its facet counts are one query per field over every
match; and it needs an index task per saved object; here the database keeps the index itself
(triggers, a generated column), so an entry is searchable the moment it is written.
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import connection, transaction

from hub import params

from .. import ranking
from ..highlight import snippet_for, stem
from ..models import SearchEntry
from ..query import SearchQuery, parse
from ..spelling import rebuild_vocabulary
from ..synonyms import forget_names, with_synonyms
from .base import FacetValue, Hit, SearchEngine, SearchRequest, SearchResponse, topics_named_by

FTS = "hub_search_entry_fts"  # SQLite only (migration 0002)
HEAD = "hub_search_entry_head_fts"  # SQLite only: title, other names, summary, first 300 characters (0004)
ENTRY = SearchEntry._meta.db_table
ENTRY_TOPICS = SearchEntry.topics.through._meta.db_table
TOPIC = SearchEntry.topics.field.related_model._meta.db_table
FACET_FIELDS = {"kind": "kind", "series": "series", "year": "year", "local_authority": "local_authority"}
NULL_TEXT, NULL_INTEGER = "CAST(NULL AS TEXT)", "CAST(NULL AS INTEGER)"
# What the statement reads of each match besides its score, once: the facet columns and the date.
CARRIED = ", ".join(
    f"{ENTRY}.{column} AS {column}" for column in ("kind", "kind_label", "year", "series", "local_authority", "date")
)
# More matches than this (a common word) are scored more cheaply: on PostgreSQL from each entry's head,
# on SQLite without the phrase, proximity and all-words tests (see each dialect's ranked()).
EXACT_RANK_LIMIT = 2000
POSTGRESQL_EXACT_RANK_LIMIT = 500
PREFIX_TOKEN = re.compile(r"[^\W_]+")


def filtered_entries(request: SearchRequest):
    """Entries this reader may see, narrowed by the selected facet values."""
    qs = SearchEntry.objects.filter(SearchEntry.visible_to(request.levels))
    for facet, field_name in FACET_FIELDS.items():
        values = request.filters.get(facet)
        if values and facet == "year":  # a number too large for the column is an error in SQLite
            values = params.years(values) or [0]  # no such year: nothing matches
        if values:
            qs = qs.filter(**{f"{field_name}__in": values})
    for slug in request.filters.get("topic", ()):  # every selected topic must apply
        qs = qs.filter(pk__in=SearchEntry.topics.through.objects.filter(topic__slug=slug).values("searchentry_id"))
    return qs


def where_clause(queryset) -> tuple[str, list]:
    """The WHERE of ``queryset`` as SQL on the entry table, for the engine's own statements."""
    query = queryset.query
    compiler = query.get_compiler(connection=connection)
    sql, values = compiler.compile(query.where)
    return sql or "1=1", list(values)


def _fts_string(words) -> str:
    """An FTS5 string: the tokenizer reads what is inside; a double quote inside is doubled."""
    return '"' + " ".join(words).replace('"', '""') + '"'


@dataclass
class Tier:
    """One tier of a common word's ranking: entries read from ``source`` where ``condition`` holds."""

    score: str
    score_values: list
    source: str
    condition: str
    condition_values: list


def tiered(tiers: list[Tier], rest: Tier, room: int) -> tuple[str, list]:
    """``WITH`` tables ranking ``tiers`` in turn, then ``rest``, as ``ranked`` (id, tier, score).

    A tier is read only while the tiers above it leave room on the page: its "room" table has a row only
    then, and CROSS JOIN keeps that table the outer loop (SQLite ran a test in WHERE after the reading).
    """
    ctes, values = [], []
    for position, tier in enumerate([*tiers, rest]):
        counted = " + ".join(f"(SELECT COUNT(*) FROM tier{n})" for n in range(position)) or "0"
        unseen = "".join(f" AND {ENTRY}.id NOT IN (SELECT id FROM tier{n})" for n in range(position))
        materialized = "" if tier is rest else " MATERIALIZED"
        ctes.append(
            f"tier{position} AS{materialized} (SELECT {ENTRY}.id AS id, {tier.score} AS score "
            f"FROM (SELECT 1 WHERE {counted} < %s) room CROSS JOIN {tier.source} WHERE {tier.condition}{unseen})"
        )
        values += [*tier.score_values, room, *tier.condition_values]
    ranked = " UNION ALL ".join(
        f"SELECT id, {len(tiers) - n} AS tier, score FROM tier{n}" for n in range(len(tiers) + 1)
    )
    ctes.append(f"ranked AS ({ranked})")
    return "WITH " + ", ".join(ctes) + " ", values


class Dialect:
    """How one database matches and scores; the statement around it is shared."""

    entry_join = ENTRY  # how the entry table is joined to a set of matched ids

    def exact_rank_limit(self) -> int:
        """More matches than this are ranked in tiers (common()), fewer each on its whole text."""
        return EXACT_RANK_LIMIT

    def kind_weight_sql(self, parsed: SearchQuery) -> tuple[str, list]:
        weights = ranking.kind_weights(parsed.asks_definition)
        cases = " ".join("WHEN %s THEN %s" for _ in weights)
        values = [item for pair in weights.items() for item in pair]
        return f"(CASE {ENTRY}.kind {cases} ELSE %s END)", [*values, ranking.DEFAULT_KIND_WEIGHT]

    def exact_name_sql(self, parsed: SearchQuery) -> tuple[str, list]:
        """Whether the title or one of the other names is what was typed (case and hyphens aside)."""
        typed = " ".join(parsed.terms).lower().replace("-", " ")
        like = "%," + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ",%"
        title = f"REPLACE(LOWER({ENTRY}.title), '-', ' ')"
        names = f"(',' || REPLACE(REPLACE(LOWER({ENTRY}.keywords), '-', ' '), ', ', ',') || ',')"
        return (
            f"(CASE WHEN {title} = %s OR {names} LIKE %s ESCAPE '\\' THEN %s ELSE 1 END)",
            [typed, like, ranking.EXACT_NAME_BONUS],
        )

    def topic_bonus_sql(self, parsed: SearchQuery) -> tuple[str, list]:
        """TOPIC_BONUS for entries filed under a topic whose name holds every word typed."""
        topics = topics_named_by(parsed)
        if not topics:
            return "1", []
        marks = ", ".join(["%s"] * len(topics))
        return (
            f"(CASE WHEN {ENTRY}.id IN (SELECT searchentry_id FROM {ENTRY_TOPICS} WHERE topic_id IN ({marks})) "
            "THEN %s ELSE 1 END)",
            [*(topic.pk for topic in topics), ranking.TOPIC_BONUS],
        )

    def ranked(self, parsed: SearchQuery, queryset, scored: bool) -> tuple[str, list]:
        """SQL selecting (id, score) of the matching entries of ``queryset``."""
        raise NotImplementedError


class SQLiteDialect(Dialect):
    entry_join = f"{ENTRY} INDEXED BY hub_search_entry_facets"  # migration 0003: no walk through long texts

    def wanted(self, parsed: SearchQuery) -> str:
        """What an entry must hold: any word typed (or another name of a term typed), and every phrase."""
        must = []
        if parsed.words:
            anything = [_fts_string([word]) for word in parsed.words]
            anything += [_fts_string(name) for name in parsed.alternatives]
            must.append("(" + " OR ".join(anything) + ")")
        must += [_fts_string(phrase) for phrase in parsed.phrases]
        return " AND ".join(must)

    def match(self, parsed: SearchQuery) -> str:
        expression = self.wanted(parsed)
        if parsed.excluded:
            expression = f"({expression}) NOT ({' OR '.join(_fts_string(item) for item in parsed.excluded)})"
        return expression

    def bonus(self, parsed: SearchQuery) -> tuple[str, list]:
        words = parsed.terms
        sub = f"{FTS}.rowid IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"
        named = f"{FTS}.rowid IN (SELECT rowid FROM {HEAD} WHERE {HEAD} MATCH %s)"  # names: the heads suffice
        every = " AND ".join(_fts_string([word]) for word in words)
        exact, exact_values = self.exact_name_sql(parsed)  # only for the few whose names hold every word
        sql = f"(CASE WHEN {named} THEN %s * {exact} ELSE 1 END)"
        values = ["{title keywords} : (" + every + ")", ranking.NAME_BONUS, *exact_values]
        if len(words) < 2:
            return sql, values
        quoted = " ".join(_fts_string([word]) for word in words)
        # Phrase, proximity and all-words tests read every match's positions: beyond EXACT_RANK_LIMIT
        # matches (a common word) the engine uses common() instead, which makes none of them.
        sql += f" * (CASE WHEN {sub} THEN %s WHEN {sub} THEN %s ELSE 1 END) * (CASE WHEN {sub} THEN %s ELSE 1 END)"
        return sql, [
            *values,
            _fts_string(words),
            ranking.PHRASE_BONUS,
            f"NEAR({quoted}, {ranking.PROXIMITY_WINDOW})",
            ranking.PROXIMITY_BONUS,
            every,
            ranking.ALL_WORDS_BONUS,
        ]

    def ranked(self, parsed, queryset, scored):
        where, values = where_clause(queryset)
        if not scored:
            return (
                f"SELECT {ENTRY}.id AS id, 0 AS score, {CARRIED} FROM {FTS} JOIN {self.entry_join} ON {ENTRY}.id = {FTS}.rowid "
                f"WHERE {FTS} MATCH %s AND ({where})",
                [self.match(parsed), *values],
            )
        weights = ", ".join(str(weight) for weight in ranking.FIELD_WEIGHTS.values())
        kind, kind_values = self.kind_weight_sql(parsed)
        bonus, bonus_values = self.bonus(parsed)
        recency = self.recency_sql()
        # FTS5 floors the inverse document frequency of a word most entries hold at 1e-6, so such words
        # score nothing at all; the floor keeps the bonuses (name, phrase, kind, recency) ordering them.
        topic, topic_values = self.topic_bonus_sql(parsed)
        score = f"(-bm25({FTS}, {weights}) + {ranking.SQLITE_SCORE_FLOOR}) * {kind} * {bonus} * {topic} * {recency}"
        return (
            f"SELECT {ENTRY}.id AS id, {score} AS score, {CARRIED} FROM {FTS} JOIN {self.entry_join} ON {ENTRY}.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND ({where})",
            [*kind_values, *bonus_values, *topic_values, self.match(parsed), *values],
        )

    def matches(self, parsed: SearchQuery) -> int:
        """How many entries hold what was typed, whoever may read them (one look at the index)."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {FTS} WHERE {FTS} MATCH %s", [self.match(parsed)])
            return cursor.fetchone()[0]

    def common(self, request: SearchRequest, parsed: SearchQuery) -> tuple[str, list]:
        """The statement for more than EXACT_RANK_LIMIT matches (a word most entries hold).

        Scoring every match cost more than half of such a search (35 of 57 ms at 20,000 entries, 15,000
        matches) and grouping them for the facets a further 20 ms. Here the matches come in tiers: entries
        whose title or other names hold every word typed, then those whose names hold some of them, each
        ranked by ``bm25`` over the names (from the heads) with the kind, topic and recency weights; then the
        rest by those weights alone. A tier is read only when the tiers above it do not fill the page, so
        page one of a common word usually reads a few hundred names. The facet counts walk the
        facet-ordered index (migration 0005) and need no sort. Counts and facets are exact.
        """
        where, where_values = where_clause(filtered_entries(request))
        entries = self.entry_join
        # Each test reads the index afresh: cheaper than materialising 15,000 matches and reading those.
        in_matched = f"{ENTRY}.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"
        matched = [self.match(parsed), *where_values]  # the values of "{in_matched} AND ({where})"
        if request.sort == "newest":
            ctes, values = "", []
            hits = (
                f"SELECT {ENTRY}.id AS id FROM {entries} WHERE {in_matched} AND ({where}) "
                f"ORDER BY {ENTRY}.date IS NULL, {ENTRY}.date DESC, {ENTRY}.id DESC LIMIT %s OFFSET %s"
            )
            hit_values = [*matched, request.limit, request.offset]
        else:
            ctes, values = self.tiers(request, parsed, where, where_values, in_matched, matched)
            hits = "SELECT id, tier, score FROM ranked ORDER BY tier DESC, score DESC, id LIMIT %s OFFSET %s"
            hit_values = [request.limit, request.offset]
        sql = (
            f"{ctes}SELECT * FROM (SELECT 'h' AS part, CAST(id AS TEXT) AS item, {NULL_TEXT} AS label, "
            f"{NULL_INTEGER} AS year, {NULL_TEXT} AS series, {NULL_TEXT} AS local_authority, 0 AS n "
            f"FROM ({hits})) hits "
            "UNION ALL SELECT 'e', kind, kind_label, year, series, local_authority, COUNT(*) "
            f"FROM {ENTRY} INDEXED BY hub_search_entry_groups WHERE {in_matched} AND ({where}) "
            "GROUP BY kind, kind_label, year, series, local_authority "
            f"UNION ALL SELECT 't', {TOPIC}.slug, {TOPIC}.name, {NULL_INTEGER}, {NULL_TEXT}, {NULL_TEXT}, COUNT(*) "
            f"FROM {ENTRY_TOPICS} JOIN {entries} ON {ENTRY}.id = {ENTRY_TOPICS}.searchentry_id "
            f"JOIN {TOPIC} ON {TOPIC}.id = {ENTRY_TOPICS}.topic_id WHERE {in_matched} AND ({where}) "
            f"GROUP BY {TOPIC}.slug, {TOPIC}.name"
        )
        return sql, [*values, *hit_values, *matched, *matched]

    def tiers(self, request, parsed, where, where_values, in_matched, matched) -> tuple[str, list]:
        """``WITH`` tables of the ranked tiers of common(), each read only when those above leave room."""
        entries, weights = self.entry_join, ", ".join(str(weight) for weight in ranking.FIELD_WEIGHTS.values())
        kind, kind_values = self.kind_weight_sql(parsed)
        topic, topic_values = self.topic_bonus_sql(parsed)
        exact, exact_values = self.exact_name_sql(parsed)
        recency = self.recency_sql()
        wanted = self.wanted(parsed)
        every = " AND ".join([_fts_string([word]) for word in parsed.words] + [_fts_string(p) for p in parsed.phrases])
        named = [("{title keywords} : (" + every + ")", f"%s * {exact}", [ranking.NAME_BONUS, *exact_values])]
        if len(parsed.words) > 1 or parsed.alternatives:  # then the names that hold some of the words
            named.append(("{title keywords} : (" + wanted + ")", "1", []))
        # A name holding what was typed is a match in the whole index too, unless a word is excluded.
        named_where, named_values = f"({where})", list(where_values)
        if parsed.excluded:
            named_where, named_values = f"{in_matched} AND ({where})", matched
        source = f"{HEAD} JOIN {entries} ON {ENTRY}.id = {HEAD}.rowid"
        score = f"(-bm25({HEAD}, {weights}) + {ranking.SQLITE_SCORE_FLOOR}) * {kind} * {topic} * {recency}"
        tiers = [
            Tier(
                f"{score} * {bonus}",
                [*kind_values, *topic_values, *bonus_values],
                source,
                f"{HEAD} MATCH %s AND {named_where}",
                [names, *named_values],
            )
            for names, bonus, bonus_values in named
        ]
        rest = Tier(
            f"{ranking.SQLITE_SCORE_FLOOR} * {kind} * {topic} * {recency}",
            [*kind_values, *topic_values],
            entries,
            f"{in_matched} AND ({where})",
            matched,
        )
        return tiered(tiers, rest, request.offset + request.limit)

    def recency_sql(self) -> str:
        h, w = ranking.RECENCY_HALF_LIFE_DAYS, ranking.RECENCY_WEIGHT
        return f"COALESCE(1 + {w} * {h} / ({h} + MAX(0, julianday('now') - julianday({ENTRY}.date))), 1)"

    def prefix_match(self, terms) -> str:
        *complete, last = terms
        parts = [_fts_string([word]) for word in complete]
        prefixes = set(PREFIX_TOKEN.findall(last)) or {last}
        stems = {stem(token) for token in prefixes if len(token) > 3} - {""}
        stems = {token for token in stems if len(token) >= 4}  # "has" stems to "ha": far too wide a prefix
        parts.append("(" + " OR ".join(f"{_fts_string([token])} *" for token in sorted(prefixes | stems)) + ")")
        return " AND ".join(parts)

    def suggestions(self, terms, queryset, limit):
        where, values = where_clause(queryset)
        weights = ", ".join(str(weight) for weight in ranking.FIELD_WEIGHTS.values())
        sql = (
            f"SELECT {ENTRY}.id FROM {FTS} JOIN {self.entry_join} ON {ENTRY}.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND ({where}) "
            f"ORDER BY {ENTRY}.variant = %s DESC, lower({ENTRY}.title) LIKE %s ESCAPE '\\' DESC, "
            f"bm25({FTS}, {weights}), {ENTRY}.id LIMIT %s"
        )
        like = " ".join(terms).lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return sql, [self.prefix_match(terms), *values, SearchEntry.Variant.FULL, like, limit]

    def contains_sql(self) -> str:
        return f"SELECT 1 FROM {FTS} JOIN {self.entry_join} ON {ENTRY}.id = {FTS}.rowid WHERE {FTS} MATCH %s AND ({{where}}) LIMIT 1"

    def word_match(self, word: str) -> str:
        return _fts_string([word])


def unindexed(where: str) -> str:
    """The reader's rule as a test PostgreSQL makes on each matched row, never through an index of its own.

    Once the table had statistics the planner found the rows a reader may see through the access and
    page indexes (most of them), then tested each one's text vector (kilobytes stored out of line): 200 ms
    for a common word at 20,000 entries, against a few through the GIN index of the words.
    """
    return f"(({where}) IS TRUE)"


class PostgreSQLDialect(Dialect):
    def exact_rank_limit(self) -> int:
        # Scoring a match reads its whole text's vector, stored out of line: about 30 µs each (1,514
        # matches took 48 ms at 20,000 entries), six times SQLite's cost, so the tiers start sooner.
        return min(EXACT_RANK_LIMIT, POSTGRESQL_EXACT_RANK_LIMIT)

    def wanted(self, parsed: SearchQuery, every: bool = False) -> tuple[str, list]:
        """What an entry must hold: any word typed (or another name of a term typed), and every phrase;
        with ``every``, every word typed."""
        must, values = [], []
        if parsed.words and every:
            must.append("plainto_tsquery('english', %s)")
            values.append(" ".join(parsed.words))
        elif parsed.words:
            anything = ["plainto_tsquery('english', %s)" for _ in parsed.words]
            anything += ["phraseto_tsquery('english', %s)" for _ in parsed.alternatives]
            must.append("(" + " || ".join(anything) + ")")
            values += [*parsed.words, *(" ".join(name) for name in parsed.alternatives)]
        for phrase in parsed.phrases:
            must.append("phraseto_tsquery('english', %s)")
            values.append(" ".join(phrase))
        return "(" + " && ".join(must) + ")", values

    def tsquery(self, parsed: SearchQuery) -> tuple[str, list]:
        expression, values = self.wanted(parsed)
        if parsed.excluded:
            expression += " && !!(" + " || ".join("phraseto_tsquery('english', %s)" for _ in parsed.excluded) + ")"
            values += [" ".join(item) for item in parsed.excluded]
        return f"({expression})", values

    def ranked(self, parsed, queryset, scored):
        where, values = where_clause(queryset)
        query, query_values = self.tsquery(parsed)
        match = f"{ENTRY}.search_vector @@ {query}"
        if not scored:
            return (
                f"SELECT {ENTRY}.id AS id, 0 AS score, {CARRIED} FROM {ENTRY} WHERE {match} AND {unindexed(where)}",
                [
                    *query_values,
                    *values,
                ],
            )
        kind, kind_values = self.kind_weight_sql(parsed)
        recency = self.recency_sql()
        words = parsed.terms
        # At most EXACT_RANK_LIMIT matches (statement() sends more to common()): each one's whole vector.
        vector = f"{ENTRY}.search_vector"
        text = " ".join(words)
        exact, exact_values = self.exact_name_sql(parsed)  # only for the few whose names hold every word
        bonus = f"(CASE WHEN ts_filter({vector}, '{{a,b}}') @@ plainto_tsquery('english', %s) THEN %s * {exact} ELSE 1 END)"
        bonus_values = [text, ranking.NAME_BONUS, *exact_values]
        if len(words) > 1:
            bonus += (
                f" * (CASE WHEN {vector} @@ phraseto_tsquery('english', %s) THEN %s ELSE 1 END)"
                f" * (CASE WHEN {vector} @@ plainto_tsquery('english', %s) THEN %s ELSE 1 END)"
            )
            bonus_values += [text, ranking.PHRASE_BONUS, text, ranking.ALL_WORDS_BONUS]
        topic, topic_values = self.topic_bonus_sql(parsed)
        relevance, relevance_values, rarity, rarity_values = self.weighted_rank(parsed, vector)
        score = f"({relevance}) * {kind} * {bonus} * {topic} * {recency}"
        return (
            f"SELECT ranked.* FROM (WITH matched AS MATERIALIZED "
            f"(SELECT {ENTRY}.id FROM {ENTRY} WHERE {match} AND {unindexed(where)}), "
            f"rarity AS (SELECT {rarity}) "
            f"SELECT {ENTRY}.id AS id, {score} AS score, {CARRIED} FROM matched JOIN {ENTRY} ON {ENTRY}.id = matched.id "
            f"CROSS JOIN rarity) ranked",
            [
                *query_values,
                *values,
                *rarity_values,
                *relevance_values,
                *kind_values,
                *bonus_values,
                *topic_values,
            ],
        )

    def matches(self, parsed: SearchQuery) -> int:
        """How many entries hold what was typed, whoever may read them, counted up to one past the limit."""
        query, values = self.tsquery(parsed)
        limited = f"SELECT 1 FROM {ENTRY} WHERE {ENTRY}.search_vector @@ {query} LIMIT {self.exact_rank_limit() + 1}"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({limited}) holding", values)
            return cursor.fetchone()[0]

    def common(self, request: SearchRequest, parsed: SearchQuery) -> tuple[str, list]:
        """The statement for more than EXACT_RANK_LIMIT matches: SQLite's common() (its docstring says
        why), with the matches read once into a table (each reading is a pass over thousands of rows) and
        the names found by their own GIN index (``name_vector``, migration 0006)."""
        where, where_values = where_clause(filtered_entries(request))
        query, query_values = self.tsquery(parsed)
        columns = f"{ENTRY}.id AS id, {CARRIED}"
        ctes = f"matched AS MATERIALIZED (SELECT {columns} FROM {ENTRY} WHERE {ENTRY}.search_vector @@ {query} AND {unindexed(where)})"
        values = [*query_values, *where_values]
        if request.sort == "newest":
            hits = "SELECT id FROM matched ORDER BY date IS NULL, date DESC, id DESC LIMIT %s OFFSET %s"
        else:
            kind, kind_values = self.kind_weight_sql(parsed)
            topic, topic_values = self.topic_bonus_sql(parsed)
            exact, exact_values = self.exact_name_sql(parsed)
            recency = self.recency_sql()
            top = ranking.FIELD_WEIGHTS["title"]
            weights = [ranking.FIELD_WEIGHTS[name] / top for name in ("text", "summary", "keywords", "title")]
            every, every_values = self.wanted(parsed, every=True)
            named = [(every, every_values, f"%s * {exact}", [ranking.NAME_BONUS, *exact_values])]
            if len(parsed.words) > 1 or parsed.alternatives:  # then the names that hold some of the words
                named.append((*self.wanted(parsed), "1", []))
            # A name holding what was typed is a match of the whole text too, unless a word is excluded.
            condition, condition_values = f"({where})", list(where_values)
            if parsed.excluded:
                condition, condition_values = (
                    f"{ENTRY}.search_vector @@ {query} AND ({where})",
                    [*query_values, *where_values],
                )
            tiers = [
                Tier(
                    # ts_rank, not ts_rank_cd: names are a few words, and cover density took 90 ms over 5,000 of
                    # them (a tier of the worst corpus); the query in brackets is built once, not per row.
                    f"ts_rank(%s::float4[], {ENTRY}.name_vector, (SELECT {names}), 1) * {kind} * {topic} * {recency} * {bonus}",
                    [weights, *names_values, *kind_values, *topic_values, *bonus_values],
                    ENTRY,
                    f"{ENTRY}.name_vector @@ {names} AND {condition}",
                    [*names_values, *condition_values],
                )
                for names, names_values, bonus, bonus_values in named
            ]
            rest = Tier(
                f"{kind} * {topic} * {recency}", [*kind_values, *topic_values], f"matched AS {ENTRY}", "TRUE", []
            )
            tier_ctes, tier_values = tiered(tiers, rest, request.offset + request.limit)
            ctes += ", " + tier_ctes[len("WITH ") :]
            values += tier_values
            hits = "SELECT id, tier, score FROM ranked ORDER BY tier DESC, score DESC, id LIMIT %s OFFSET %s"
        sql = (
            f"WITH {ctes} "
            f"SELECT * FROM (SELECT 'h' AS part, CAST(id AS TEXT) AS item, {NULL_TEXT} AS label, "
            f"{NULL_INTEGER} AS year, {NULL_TEXT} AS series, {NULL_TEXT} AS local_authority, 0 AS n "
            f"FROM ({hits}) ranked_page) hits "
            "UNION ALL SELECT 'e', kind, kind_label, year, series, local_authority, COUNT(*) FROM matched "
            "GROUP BY kind, kind_label, year, series, local_authority "
            f"UNION ALL SELECT 't', {TOPIC}.slug, {TOPIC}.name, {NULL_INTEGER}, {NULL_TEXT}, {NULL_TEXT}, COUNT(*) "
            f"FROM matched JOIN {ENTRY_TOPICS} ON {ENTRY_TOPICS}.searchentry_id = matched.id "
            f"JOIN {TOPIC} ON {TOPIC}.id = {ENTRY_TOPICS}.topic_id GROUP BY {TOPIC}.slug, {TOPIC}.name"
        )
        return sql, [*values, request.limit, request.offset]

    def recency_sql(self) -> str:
        h, w = ranking.RECENCY_HALF_LIFE_DAYS, ranking.RECENCY_WEIGHT
        return f"COALESCE(1 + {w} * {h} / ({h} + GREATEST(0, CURRENT_DATE - {ENTRY}.date)), 1)"

    def weighted_rank(self, parsed: SearchQuery, vector: str) -> tuple[str, list, str, list]:
        """Cover density of each word (or phrase) typed, weighted by how rare it is: BM25's idf.

        ``ts_rank_cd`` alone knows nothing of how many entries hold a word, so "neighbourhood data" ranked a
        title holding the common "neighbourhood" above the pages about data. Each part's idf is
        ``ln(1 + (N - n + 0.5) / (n + 0.5))`` over the n entries holding it (counted from the GIN index, up
        to EXACT_RANK_LIMIT: counting 16,000 took 32 ms at 20,000 entries, and a word that common weighs
        little either way) of the N in the table (beyond 10,000 the planner's count, kept by autovacuum).
        """
        plain, phrase = "plainto_tsquery('english', %s)", "phraseto_tsquery('english', %s)"
        # (what is ranked, its values, whether its entries are counted): a quoted phrase is counted as its
        # words together (the index answers that without reading texts, a phrase would read every one).
        parts = [(plain, [word], True) for word in parsed.words]
        parts += [(phrase, [" ".join(words)], True) for words in parsed.phrases]
        counted_parts = len(parts)
        if parsed.alternatives:  # a glossary term's other names weigh what the word typed weighs
            names = " || ".join(phrase for _ in parsed.alternatives)
            parts.append((f"({names})", [" ".join(name) for name in parsed.alternatives], False))
        # ts_rank_cd's weights are {D, C, B, A}: body, summary, other names, title, relative to the title.
        top = ranking.FIELD_WEIGHTS["title"]
        weights = [ranking.FIELD_WEIGHTS[name] / top for name in ("text", "summary", "keywords", "title")]
        # The planner's count once the table has been analysed and is large; counted while it is small.
        estimate = f"(SELECT reltuples FROM pg_class WHERE oid = '{ENTRY}'::regclass)"
        total = f"(CASE WHEN {estimate} >= 10000 THEN {estimate} ELSE (SELECT COUNT(*) FROM {ENTRY}) END)"
        counts, count_values, idfs, relevance, relevance_values = [], [], [], [], []
        for position, (tsquery, values, counted) in enumerate(parts):
            if counted:
                holding = plain if tsquery == phrase else tsquery
                limited = f"SELECT 1 FROM {ENTRY} WHERE {ENTRY}.search_vector @@ {holding} LIMIT {EXACT_RANK_LIMIT}"
                counts.append(f"(SELECT COUNT(*) FROM ({limited}) holding) AS n{position}")
                count_values += values
                n = f"LEAST(counted.n{position}, counted.total)"
                idfs.append(f"LN(1 + (counted.total - {n} + 0.5) / ({n} + 0.5)) AS idf{position}")
            else:
                idfs.append(f"GREATEST({', '.join(f'idf{i}' for i in range(counted_parts))}) AS idf{position}")
            relevance.append(f"rarity.idf{position} * ts_rank_cd(%s::float4[], {vector}, {tsquery}, 1)")
            relevance_values += [weights, *values]
        word_idfs = (
            f"SELECT {', '.join(idfs[:counted_parts])} FROM (SELECT {', '.join(counts)}, {total} AS total) counted"
        )
        rarity = (
            f"*, {idfs[-1]} FROM ({word_idfs}) words" if len(idfs) > counted_parts else word_idfs[len("SELECT ") :]
        )
        return " + ".join(relevance), relevance_values, rarity, count_values

    def prefix_query(self, terms) -> tuple[str, list]:
        *complete, last = terms
        parts = ["plainto_tsquery('english', %s)" for _ in complete]
        tokens = PREFIX_TOKEN.findall(last.lower())
        prefixes = {" & ".join(f"{token}:*" for token in tokens)} if tokens else set()
        stemmed = PREFIX_TOKEN.findall(stem(tokens[0])) if len(tokens) == 1 else []
        if stemmed and len(stemmed[0]) >= 4:  # "has" stems to "ha": far too wide a prefix
            prefixes.add(f"{stemmed[0]}:*")
        alternatives = " || ".join("to_tsquery('simple', %s)" for _ in prefixes) or "''::tsquery"
        return "(" + " && ".join([*parts, f"({alternatives})"]) + ")", [*complete, *sorted(prefixes)]

    def suggestions(self, terms, queryset, limit):
        where, values = where_clause(queryset)
        query, query_values = self.prefix_query(terms)
        vector = f"{ENTRY}.search_vector"  # titles rank first (weight A), then other names, summaries, bodies
        like = " ".join(terms).lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = (
            f"SELECT {ENTRY}.id FROM {ENTRY} WHERE {vector} @@ {query} "
            f"AND ({where}) ORDER BY {ENTRY}.variant = %s DESC, lower({ENTRY}.title) LIKE %s DESC, "
            f"ts_rank_cd({vector}, {query}) DESC, {ENTRY}.id LIMIT %s"
        )
        return sql, [
            *query_values,
            *values,
            SearchEntry.Variant.FULL,
            like,
            *query_values,
            limit,
        ]

    def contains_sql(self) -> str:
        return f"SELECT 1 FROM {ENTRY} WHERE {ENTRY}.search_vector @@ plainto_tsquery('english', %s) AND ({{where}}) LIMIT 1"

    def word_match(self, word: str) -> str:
        return word


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
    if database.matches(parsed) > database.exact_rank_limit():
        return database.common(request, parsed)
    matched, values = database.ranked(parsed, filtered_entries(request), scored=relevance)
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
                cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")
        elif connection.vendor == "postgresql":
            # What autovacuum does in its own time: entries written since are merged into the GIN indexes
            # (a search reads an unmerged pending list in full) and the planner's statistics are renewed.
            with connection.cursor() as cursor:
                for index in ("hub_search_entry_vector", "hub_search_entry_names"):
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
                cursor.execute(f"ANALYZE {ENTRY}")
        forget_names()
        return {"words": rebuild_vocabulary()}
