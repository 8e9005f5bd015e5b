# ruff: noqa: S608 - SQL is assembled from table names and constants; every typed value is a bound parameter
"""PostgreSQL: a weighted ``tsvector`` column the database generates from each entry, a GIN index, ranked by
``ts_rank_cd`` (cover density: words close together score higher); a head vector ranks a common word."""

from __future__ import annotations

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
    POSTGRESQL_EXACT_RANK_LIMIT,
    PREFIX_TOKEN,
    TOPIC,
    Dialect,
    Matches,
    Tier,
    filtered_entries,
    tiered,
    where_clause,
)


def unindexed(where: str) -> str:
    """The reader's rule as a test PostgreSQL makes on each matched row, never through an index of its own.

    Once the table had statistics the planner found the rows a reader may see through the access and
    page indexes (most of them), then tested each one's text vector (kilobytes stored out of line): 200 ms
    for a common word at 20,000 entries, against a few through the GIN index of the words.
    """
    return f"(({where}) IS TRUE)"


IDF_COUNT_LIMIT = 2000  # a word's entries are counted up to here for its idf (see weighted_rank)


class PostgreSQLDialect(Dialect):
    def exact_rank_limit(self) -> int:
        # Scoring a match reads its whole text's vector, stored out of line: about 30 µs each (1,514
        # matches took 48 ms at 20,000 entries), six times SQLite's cost, so the tiers start sooner.
        return min(super().exact_rank_limit(), POSTGRESQL_EXACT_RANK_LIMIT)

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

    def ranked(self, parsed, queryset, scored, ids=None):
        where, values = where_clause(queryset)
        query, query_values = self.tsquery(parsed)
        match = f"{ENTRY}.search_vector @@ {query}"
        if ids is not None:  # every match, just read by matches(): not tested against the index again
            match, query_values = f"{ENTRY}.id = ANY(%s)", [ids]
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

    def matches(self, parsed: SearchQuery) -> Matches:
        """How many entries hold what was typed, whoever may read them, counted up to one past the limit,
        with their ids when there are no more than the limit, for ranked().

        A phrase of common words is where the ids tell: the index offers each entry holding its words, and
        each one's vector, stored out of line, is read to find them side by side ("dageeskai the free":
        1,407 read for 1 match at 20,000 entries, 11.8 ms), which ranked() would otherwise do again.
        Between the two statements an entry may change (each sees the database as it is when it starts):
        one that no longer holds the words can still be listed, never one the reader may not see.
        """
        query, values = self.tsquery(parsed)
        limit = self.exact_rank_limit()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {ENTRY} WHERE {ENTRY}.search_vector @@ {query} LIMIT {limit + 1}", values)
            ids = [row[0] for row in cursor.fetchall()]
        return Matches(len(ids), ids if len(ids) <= limit else None)

    def common(self, request: SearchRequest, parsed: SearchQuery) -> tuple[str, list]:
        """The statement for more than EXACT_RANK_LIMIT matches: SQLite's common() (its docstring says
        why), with the names found by their own GIN index (``name_vector``, migration 0006).

        Words alone: the matches are not written into a table first, each part reads them itself from the
        index (the facet counts in one pass, the topic counts, the last tier only when the names leave room
        on the page). Writing 15,952 matches' columns down and reading them back cost 7 ms of a 20 ms
        statement at 20,000 entries; without it a common word's search took 21.4 ms instead of 27.0 (engine
        call, median of 7), and as long as before with 20,194 topic links. A phrase (typed, excluded, or a
        term's other name) is still written down once: each reading would test every entry the index
        offers against its vector, stored out of line (see matches()).
        """
        where, where_values = where_clause(filtered_entries(request))
        query, query_values = self.tsquery(parsed)
        columns = f"{ENTRY}.id AS id, {CARRIED}"
        rechecked = parsed.phrases or parsed.alternatives or parsed.excluded_phrases
        materialized = "MATERIALIZED" if rechecked else "NOT MATERIALIZED"
        ctes = (
            f"matched AS {materialized} (SELECT {columns} FROM {ENTRY} "
            f"WHERE {ENTRY}.search_vector @@ {query} AND {unindexed(where)})"
        )
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
            # OFFSET 0: the matches are read from the index on their own, then joined, so the planner cannot
            # look each link's entry up and test its vector (a full read of the text's words per link).
            f"FROM (SELECT id FROM matched OFFSET 0) matched JOIN {ENTRY_TOPICS} ON {ENTRY_TOPICS}.searchentry_id = matched.id "
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
        to IDF_COUNT_LIMIT: counting 16,000 took 32 ms at 20,000 entries, and a word that common weighs
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
                limited = f"SELECT 1 FROM {ENTRY} WHERE {ENTRY}.search_vector @@ {holding} LIMIT {IDF_COUNT_LIMIT}"
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
