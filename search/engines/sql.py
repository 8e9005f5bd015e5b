# ruff: noqa: S608 - SQL is assembled from table names and constants; every typed value is a bound parameter
"""What the database engine's two dialects share: the entry tables' names, the reader's filters as SQL,
the tiers a common word is ranked in, and the scoring every dialect multiplies (kind, exact name, topic)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection

from content.core import params

from .. import ranking
from ..models import SearchEntry
from ..query import SearchQuery
from .base import SearchRequest, topics_named_by

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


@dataclass(frozen=True)
class Matches:
    """How many entries hold what was typed, whoever may read them (counted up to one past the exact-rank
    limit), and their ids when the dialect read them and they are all there (no more than the limit)."""

    count: int
    ids: list[int] | None = None


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

    def ranked(self, parsed: SearchQuery, queryset, scored: bool, ids: list[int] | None = None) -> tuple[str, list]:
        """SQL selecting (id, score) of the matching entries of ``queryset`` (those of ``ids`` when given:
        every match, from matches())."""
        raise NotImplementedError
