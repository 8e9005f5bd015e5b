# ruff: noqa: S608 - SQL is assembled from table names and constants; every typed value is a bound parameter
"""SQLite: an FTS5 table over the entries (``porter unicode61`` tokens, filled by triggers: migration 0002),
ranked by ``bm25`` with the field weights of ``search.ranking``; a second FTS5 table over each entry's names
(title and other names: migrations 0004 and 0011) ranks a common word cheaply."""

from __future__ import annotations

from itertools import combinations

from django.db import connection

from .. import ranking
from ..highlight import stem
from ..models import SearchEntry
from ..query import SearchQuery
from .base import SearchRequest
from .sql import (
    CARRIED,
    ENTRY,
    ENTRY_TOPICS,
    NULL_INTEGER,
    NULL_TEXT,
    PREFIX_TOKEN,
    TOPIC,
    Dialect,
    Matches,
    Tier,
    filtered_entries,
    tiered,
    where_clause,
)

FTS = "hub_search_entry_fts"  # SQLite only (migration 0002)
NAMES = "hub_search_entry_names_fts"  # SQLite only: title and other names (migration 0011)
NAME_WEIGHTS = ", ".join(str(ranking.FIELD_WEIGHTS[field]) for field in ("title", "keywords"))
# A common word's names tier holding two of the words typed is one FTS5 test per pair, each reading both words'
# lists of names: at 20,000 entries of the worst corpus, 2.4 ms for four words (six pairs), and it spares the
# tier holding one of them (9.7 ms). Five words would be ten pairs.
PAIRED_WORDS_LIMIT = 4


def _fts_string(words) -> str:
    """An FTS5 string: the tokenizer reads what is inside; a double quote inside is doubled."""
    return '"' + " ".join(words).replace('"', '""') + '"'


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
        named = f"{FTS}.rowid IN (SELECT rowid FROM {NAMES} WHERE {NAMES} MATCH %s)"
        every = " AND ".join(_fts_string([word]) for word in words)
        exact, exact_values = self.exact_name_sql(parsed)  # only for the few whose names hold every word
        sql = f"(CASE WHEN {named} THEN %s * {exact} ELSE 1 END)"
        values = [every, ranking.NAME_BONUS, *exact_values]
        if len(words) < 2:
            return sql, values
        if not parsed.words and len(parsed.phrases) == 1:
            # Only a quoted phrase: every match holds it, so it passes all three tests below, each of which
            # would read its words' positions again (about 5 ms of a 15 ms search at 20,000 entries).
            return f"{sql} * %s * %s", [*values, ranking.PHRASE_BONUS, ranking.ALL_WORDS_BONUS]
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

    def ranked(self, parsed, queryset, scored, ids=None):
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

    def matches(self, parsed: SearchQuery) -> Matches:
        """How many entries hold what was typed, whoever may read them, counted up to one past the limit."""
        limited = f"SELECT 1 FROM {FTS} WHERE {FTS} MATCH %s LIMIT {self.exact_rank_limit() + 1}"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({limited}) holding", [self.match(parsed)])
            return Matches(cursor.fetchone()[0])

    def common(self, request: SearchRequest, parsed: SearchQuery) -> tuple[str, list]:
        """The statement for more than EXACT_RANK_LIMIT matches (a word most entries hold).

        Scoring every match cost more than half of such a search (35 of 57 ms at 20,000 entries, 15,000
        matches) and grouping them for the facets a further 20 ms. Here the matches come in tiers: entries
        whose title or other names hold every word typed, then (for three or four words) those whose names
        hold two of them, then those whose names hold one, each ranked by ``bm25`` over the names (their own
        small index) with the kind, topic and recency weights; then the rest by those weights alone. A tier is read
        only when the tiers above it do not fill the page, so page one of a common word usually reads a few
        hundred names (``bm25`` reads each one's word positions). The facet counts walk the
        facet-ordered index (migration 0005) and need no sort; the topic counts are grouped by the topic's id,
        and left out when no entry is filed under any topic (files_topics()). Counts and facets are exact.
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
            "GROUP BY kind, kind_label, year, series, local_authority"
        )
        values = [*values, *hit_values, *matched]
        if self.files_topics():  # grouped by the topic's id: a sort of numbers, not of names
            sql += (
                f" UNION ALL SELECT 't', {TOPIC}.slug, {TOPIC}.name, {NULL_INTEGER}, {NULL_TEXT}, {NULL_TEXT}, filed.n "
                f"FROM (SELECT {ENTRY_TOPICS}.topic_id AS topic_id, COUNT(*) AS n FROM {ENTRY_TOPICS} "
                f"JOIN {entries} ON {ENTRY}.id = {ENTRY_TOPICS}.searchentry_id WHERE {in_matched} AND ({where}) "
                f"GROUP BY {ENTRY_TOPICS}.topic_id) filed JOIN {TOPIC} ON {TOPIC}.id = filed.topic_id"
            )
            values += matched
        return sql, values

    def files_topics(self) -> bool:
        """Whether any entry is filed under a topic: if none is, a common word's topic counts are left out.

        Counting them goes through every match looking up its topics, even when there are none: 4.9 ms of a
        search at 20,000 entries (15,853 matches). With 20,194 links (half the entries under one to three of
        20 topics) it took 2.8 to 20.9 ms from 2,100 to 15,853 matches; grouped by the topic's slug and name
        instead of its id, 3.1 to 25.5 ms. Walking the links instead, testing each against the matches, was
        no cheaper once there were any (6.4 ms with 1,919 links at 15,853 matches): the list of matches to
        test them against costs most of it.
        """
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {ENTRY_TOPICS})")
            return bool(cursor.fetchone()[0])

    def tiers(self, request, parsed, where, where_values, in_matched, matched) -> tuple[str, list]:
        """``WITH`` tables of the ranked tiers of common(), each read only when those above leave room."""
        entries = self.entry_join
        kind, kind_values = self.kind_weight_sql(parsed)
        topic, topic_values = self.topic_bonus_sql(parsed)
        exact, exact_values = self.exact_name_sql(parsed)
        recency = self.recency_sql()
        wanted = self.wanted(parsed)
        every = " AND ".join([_fts_string([word]) for word in parsed.words] + [_fts_string(p) for p in parsed.phrases])
        named = [(every, f"%s * {exact}", [ranking.NAME_BONUS, *exact_values])]
        if 2 < len(parsed.words) <= PAIRED_WORDS_LIMIT:  # then the names that hold two or more of the words
            pairs = " OR ".join(
                f"({_fts_string([a])} AND {_fts_string([b])})" for a, b in combinations(parsed.words, 2)
            )
            phrases = "".join(f" AND {_fts_string(phrase)}" for phrase in parsed.phrases)  # as every match holds
            named.append((f"({pairs}){phrases}", "1", []))
        if len(parsed.words) > 1 or parsed.alternatives:  # then the names that hold some of the words
            named.append((wanted, "1", []))
        # A name holding what was typed is a match in the whole index too, unless a word is excluded.
        named_where, named_values = f"({where})", list(where_values)
        if parsed.excluded:
            named_where, named_values = f"{in_matched} AND ({where})", matched
        source = f"{NAMES} JOIN {entries} ON {ENTRY}.id = {NAMES}.rowid"
        score = f"(-bm25({NAMES}, {NAME_WEIGHTS}) + {ranking.SQLITE_SCORE_FLOOR}) * {kind} * {topic} * {recency}"
        tiers = [
            Tier(
                f"{score} * {bonus}",
                [*kind_values, *topic_values, *bonus_values],
                source,
                f"{NAMES} MATCH %s AND {named_where}",
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
