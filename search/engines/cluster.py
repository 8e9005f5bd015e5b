"""The cluster engine: elasticsearch-dsl defines the index and builds every query; the transport is
the Elasticsearch client (Elasticsearch 8/9) or the OpenSearch client (OpenSearch 2/3), whichever
the cluster says it is. Both send the same elasticsearch-dsl bodies.

Results are ranked as ``search/ranking.py`` says, like every engine: BM25 over the fields weighted by
``FIELD_WEIGHTS`` (``cross_fields``: the fields read as one, each word's matches weighted by its field),
multiplied in one ``function_score`` by the kind's weight and the name, exact-name and topic bonuses; the
phrase (else proximity) bonus, the all-words bonus and the recency tie-break (a script over the date)
multiply the best matches' scores in a ``rescore``.
A glossary term's other names (``search.synonyms``) match like one more word. Typed text only ever
reaches match, multi_match and match_phrase queries.

A search is one request: the ids of the page of hits (no ``_source``, no highlighting), the total (counted
exactly up to 10,000, beyond that from the facet counts) and the facets. The hits are read from the
database in one query, re-checked there against the reader's access, and their snippets cut in Python
(``search.highlight``) from the text the reader may see.

Suggestions match word prefixes in titles, other names and summaries (edge n-grams of each word and of
its stem, so "lonel" finds "loneliness"); entries the reader may open come before teasers, and within
each, a title or other name that starts with the typed text comes first.
"""

from __future__ import annotations

import functools
import logging
import math
import time
import zlib
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from elasticsearch import Elasticsearch
from elasticsearch.helpers import bulk as elasticsearch_bulk
from elasticsearch_dsl import (
    Index,
    Q,
    Search,
)
from opensearchpy import OpenSearch
from opensearchpy.helpers import bulk as opensearch_bulk

from django.conf import settings
from django.utils import timezone

from content.core import params

from .. import ranking
from ..highlight import snippet_for
from ..models import ClusterDeletion, SearchEntry
from ..query import SearchQuery, parse
from ..synonyms import with_synonyms
from .base import FacetValue, Hit, SearchEngine, SearchRequest, SearchResponse, topics_named_by
from .cluster_index import day_number, document_class, entry_source, visibility_values

FACET_FIELDS = {
    "kind": "kind",
    "topic": "topics",
    "series": "series",
    "year": "year",
    "local_authority": "local_authority",
}
# The index's name for each field of search.ranking.FIELD_WEIGHTS.
FIELD_NAMES = {"title": "title", "keywords": "keywords", "summary": "summary", "text": "text_"}
# The fields' weights as boosts, square-rooted, and the fields' scores added up (``tie_breaker=1``). SQLite's
# bm25 adds a word's weighted occurrences over the columns before it saturates, so one word in a title (x10)
# counts about as much as many in the body; a boost here multiplies each field's already saturated score, so
# the full weights made one title word outrank a paper that discusses it throughout ("neighbourhood
# regeneration": three short definitions above the paper). Judged queries (tests/search/test_relevance.py):
# full weights, best field only p@3 0.598, NDCG@10 0.889; square roots, summed 0.620, 0.905.
TEXT_FIELDS = [f"{FIELD_NAMES[name]}^{math.sqrt(weight):.3g}" for name, weight in ranking.FIELD_WEIGHTS.items()]
PHRASE_FIELDS = [FIELD_NAMES[name] for name in ranking.FIELD_WEIGHTS]
NAME_FIELDS = [FIELD_NAMES["title"], FIELD_NAMES["keywords"]]
PHRASE_SLOP = 1  # "isolation loneliness" is still together in "isolation and loneliness" (a dropped common word)
SUGGEST_FIELDS = ("title", "keywords", "summary")
PREFIX_FIELDS = [f"{FIELD_NAMES[name]}.prefix^{ranking.FIELD_WEIGHTS[name]:g}" for name in SUGGEST_FIELDS]
NAME_START_BOOST = 1000.0  # a title or other name that starts with the typed text: above any word matches
MAX_TOTAL = 10_000  # counted exactly up to here (the site shows at most 1,000 pages of 10)
FACET_SIZE = 50
AGGREGATIONS = {facet: {"terms": {"field": field, "size": FACET_SIZE}} for facet, field in FACET_FIELDS.items()}
RESCORE_WINDOW = 100  # matches per shard that get the phrase, proximity, all-words and recency multipliers
# 1 + RECENCY_WEIGHT * RECENCY_HALF_LIFE_DAYS / (RECENCY_HALF_LIFE_DAYS + age in days), 1 when undated, from the
# entry's day number (an integer field: no date object per document), in either script language both kinds of
# cluster ship: Lucene expressions (compiled to bytecode; run on every match of a broad query they cost ~4 ms
# at 20,000 entries, Painless ~8 ms) when the cluster has them, else Painless.
RECENCY_SCRIPTS = {
    "expression": "doc['day'].empty ? 1 : 1 + weight * half_life / (half_life + max(0, today - doc['day'].value))",
    "painless": (
        "if (doc['day'].size() == 0) { return 1.0; } "
        "long age = params.today - doc['day'].value; "
        "return 1.0 + params.weight * params.half_life / (params.half_life + (age < 0 ? 0 : age));"
    ),
}
# Entries the reader may open (FULL) sort before teasers: the variant's values in that order.
FULL_FIRST = "asc" if SearchEntry.Variant.FULL < SearchEntry.Variant.TEASER else "desc"
BATCH = 500
INDEXING_TIMEOUT = 120  # seconds for a bulk request
GREEN_TIMEOUT = 90  # seconds a rebuild waits for the new index's replicas before it swaps the alias
RETRIES, RETRY_PAUSE = 1, 0.5  # a search is tried once more when a node has just gone
logger = logging.getLogger(__name__)
_kind_labels: dict[str, str] = {}  # per process: a kind's label is fixed by its page type


@functools.cache
def kind_functions(asks_definition: bool = False) -> tuple[dict, ...]:
    """One weight function per distinct kind weight (papers and definitions together, ...): the same for
    every search, so built once per process."""
    kinds_by_weight: dict[float, list[str]] = defaultdict(list)
    for kind, weight in ranking.kind_weights(asks_definition).items():
        kinds_by_weight[weight].append(kind)
    functions = [
        {"filter": Q("bool", should=[Q("term", kind=kind) for kind in kinds]).to_dict(), "weight": weight}
        for weight, kinds in kinds_by_weight.items()
        if weight != 1
    ]
    if ranking.DEFAULT_KIND_WEIGHT != 1:
        others = Q("bool", must_not=[Q("terms", kind=list(ranking.KIND_WEIGHTS))])
        functions.append({"filter": others.to_dict(), "weight": ranking.DEFAULT_KIND_WEIGHT})
    return tuple(functions)


def ranking_functions(parsed: SearchQuery) -> list[dict]:
    """The multipliers of search.ranking that every match gets, as function_score functions (their product
    multiplies BM25): the name, exact-name, topic and kind weights. The phrase, proximity and all-words
    bonuses and recency are rescore() functions, for the best matches only.

    Functions are written as the dicts the cluster reads, their filters built by elasticsearch-dsl: wrapped
    in its function_score, each function was deep-copied twice, a third of the time spent on a body."""
    words = " ".join(parsed.terms)
    functions = [
        # The title or an other name holds every word; and more when one of them is what was typed.
        {
            "filter": Q("multi_match", query=words, fields=NAME_FIELDS, type="cross_fields", operator="and").to_dict(),
            "weight": ranking.NAME_BONUS,
        },
        {"filter": Q("match", **{"names.exact": words}).to_dict(), "weight": ranking.EXACT_NAME_BONUS},
    ]
    topics = topics_named_by(parsed)
    if topics:
        functions.append(
            {"filter": Q("terms", topics=[topic.slug for topic in topics]).to_dict(), "weight": ranking.TOPIC_BONUS}
        )
    functions += kind_functions(parsed.asks_definition)  # shared: never changed in place
    return functions


def recency_function(today: date | None = None, language: str = "painless") -> dict:
    """search.ranking's recency factor as a script_score function, in the script language given."""
    script = {
        "lang": language,
        "source": RECENCY_SCRIPTS[language],
        "params": {
            "today": day_number(today or date.today()),
            "weight": float(ranking.RECENCY_WEIGHT),
            "half_life": float(ranking.RECENCY_HALF_LIFE_DAYS),
        },
    }
    return {"script_score": {"script": script}}


def position_functions(parsed: SearchQuery) -> list[dict]:
    """The phrase, proximity and all-words multipliers (none for a single word)."""
    if len(parsed.terms) < 2:
        return []
    words = " ".join(parsed.terms)
    return [
        # A phrase is also within the proximity window: the two weights make PHRASE_BONUS together.
        {
            "filter": Q("multi_match", query=words, fields=PHRASE_FIELDS, type="phrase", slop=PHRASE_SLOP).to_dict(),
            "weight": ranking.PHRASE_BONUS / ranking.PROXIMITY_BONUS,
        },
        {
            "filter": Q(
                "multi_match", query=words, fields=PHRASE_FIELDS, type="phrase", slop=ranking.PROXIMITY_WINDOW
            ).to_dict(),
            "weight": ranking.PROXIMITY_BONUS,
        },
        {
            "filter": Q(
                "multi_match", query=words, fields=PHRASE_FIELDS, type="cross_fields", operator="and"
            ).to_dict(),
            "weight": ranking.ALL_WORDS_BONUS,
        },
    ]


def rescore(parsed: SearchQuery, language: str = "painless") -> dict:
    """The position and recency multipliers over the RESCORE_WINDOW best matches (on each shard).

    Reading positions of every match was most of a broad search: at 20,000 entries that all match, p95 59 ms
    with them in the query against 21 ms without; the recency script on every match cost a further 4 ms of
    the 26 the cluster took (p50). Every multiplier is at least 1, so an entry outside the window keeps its
    place below it, as the database engine's common words get no phrase test at all. The one difference from
    the database engine: recency (at most RECENCY_WEIGHT) reorders the window's matches only, so an entry
    ranked below the window on its shard, within 10% of the page's scores and newer, is no longer lifted
    onto the page (the database lifts it); it takes a broad word over many near-identical entries.
    """
    functions = [*position_functions(parsed), recency_function(language=language)]
    query = {"function_score": {"functions": functions, "score_mode": "multiply", "boost_mode": "replace"}}
    return {"window_size": RESCORE_WINDOW, "query": {"rescore_query": query, "score_mode": "multiply"}}


class ClusterEngine(SearchEngine):
    name = "cluster"
    uses_cluster = True

    def __init__(self, url: str, index_prefix: str = "hub") -> None:
        self.hosts = [part.strip() for part in url.split(",") if part.strip()]
        self.alias = f"{index_prefix}-entries"
        self._client = None
        self.script_language = "painless"  # until the cluster says it has Lucene expressions

    # Transport -------------------------------------------------------------

    @property
    def client(self):
        if self._client is None:
            timeout = getattr(settings, "SEARCH_TIMEOUT", 3)
            probe = OpenSearch(self.hosts, timeout=timeout, max_retries=1, retry_on_timeout=False)
            info = probe.info()
            if info.get("version", {}).get("distribution") == "opensearch":
                client, flavour = probe, "opensearch"
            else:
                client, flavour = Elasticsearch(self.hosts, request_timeout=timeout, max_retries=1), "elasticsearch"
            try:
                languages = {item["language"] for item in client.get_script_languages()["language_contexts"]}
            except Exception:  # noqa: BLE001 - Painless, which every cluster has
                languages = set()
            self.script_language = "expression" if "expression" in languages else "painless"
            self._client, self.flavour = client, flavour
        return self._client

    @property
    def indexing_client(self):
        """A client with a longer timeout for bulk writes (searches keep the short SEARCH_TIMEOUT)."""
        if getattr(self, "_indexing_client", None) is None:
            self.client  # noqa: B018 - detects the flavour
            if self.flavour == "opensearch":
                self._indexing_client = OpenSearch(self.hosts, timeout=INDEXING_TIMEOUT, max_retries=2)
            else:
                self._indexing_client = Elasticsearch(self.hosts, request_timeout=INDEXING_TIMEOUT, max_retries=2)
        return self._indexing_client

    def _bulk(self, actions: list[dict], refresh: bool = True) -> tuple[int, list]:
        bulk = opensearch_bulk if self.flavour == "opensearch" else elasticsearch_bulk
        options = {"refresh": "wait_for"} if refresh else {}
        return bulk(self.indexing_client, actions, raise_on_error=False, **options)

    # Index management --------------------------------------------------------

    def _query(self, body: dict, preference: str | None = None) -> dict:
        """Search once more after a short pause if a node just left (shard copies are being re-routed)."""
        options = {"preference": preference} if preference else {}
        for attempt in range(RETRIES + 1):
            try:
                return self.client.search(index=self.alias, body=body, **options)
            except Exception as error:  # noqa: BLE001 - both clients' transport errors
                status = getattr(error, "status_code", None)
                transient = not isinstance(status, int) or status >= 500  # connection errors say "N/A"
                if attempt == RETRIES or not transient:
                    raise
                time.sleep(RETRY_PAUSE)
        raise AssertionError("unreachable")

    def _index_definition(self, name: str) -> Index:
        index = Index(name)
        # Filled without replicas and without refreshes; rebuild() adds both once every entry is in.
        index.settings(number_of_shards=1, number_of_replicas=0, refresh_interval="-1")
        index.document(document_class())
        return index

    def _node_count(self) -> int:
        try:
            return int(self.client.cluster.health()["number_of_nodes"])
        except Exception:  # noqa: BLE001
            return 1

    def rebuild(self, progress: Callable[[int, int], None] | None = None) -> dict:
        """Build a new index beside the old one, then swap the alias: searches answer throughout."""
        started = time.monotonic()
        started_at = timezone.now()
        name = f"{self.alias}-{int(time.time() * 1000)}"
        body = self._index_definition(name).to_dict()
        self.client.indices.create(index=name, body=body)
        entries = SearchEntry.objects.prefetch_related("topics").order_by("pk")
        total = entries.count()
        sent, errors = 0, 0
        ids = list(entries.values_list("pk", flat=True))
        for start in range(0, total, BATCH):
            batch = list(entries.filter(pk__in=ids[start : start + BATCH]))
            actions = [{"_index": name, "_id": str(e.pk), "_source": entry_source(e)} for e in batch]
            ok, failed = self._bulk(actions, refresh=False)  # one refresh at the end
            sent += ok
            errors += len(failed)
            if progress:
                progress(min(start + BATCH, total), total)
        replicas = 1 if self._node_count() > 1 else 0
        self.indexing_client.indices.put_settings(
            index=name, body={"index": {"number_of_replicas": replicas, "refresh_interval": None}}
        )
        self.indexing_client.indices.refresh(index=name)
        try:  # every copy in place before searches move to it: a node lost just after a rebuild loses nothing
            options: dict = {"timeout": f"{GREEN_TIMEOUT}s"}  # how long the cluster waits
            if self.flavour == "opensearch":  # its client reads "timeout" as its own unless given the request's
                options["request_timeout"] = INDEXING_TIMEOUT
            self.indexing_client.cluster.health(index=name, wait_for_status="green", **options)
        except Exception:  # noqa: BLE001 - not green in time (a node is away): the primaries answer meanwhile
            logger.warning("Search index %s has unassigned replicas; swapping the alias anyway", name, exc_info=True)
        old = (
            list(self.client.indices.get_alias(name=self.alias, ignore_unavailable=True).keys())
            if self._alias_exists()
            else []
        )
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(body={"actions": actions})
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        SearchEntry.objects.filter(updated_at__lt=started_at).update(cluster_synced=True)
        ClusterDeletion.objects.filter(created_at__lt=started_at).delete()
        return {"index": name, "documents": sent, "errors": errors, "seconds": round(time.monotonic() - started, 2)}

    def _alias_exists(self) -> bool:
        return bool(self.client.indices.exists_alias(name=self.alias))

    def drop(self) -> None:
        if self._alias_exists():
            for index in self.client.indices.get_alias(name=self.alias):
                self.client.indices.delete(index=index, ignore_unavailable=True)

    def push_pending(self) -> int:
        """Send entries changed since the last sync and deletions; what fails stays pending."""
        if not self._alias_exists():
            return self.rebuild()["documents"]
        started = timezone.now()
        pending = list(SearchEntry.objects.filter(cluster_synced=False).prefetch_related("topics")[:5000])
        deletions = list(ClusterDeletion.objects.all()[:5000])
        actions = [{"_index": self.alias, "_id": str(e.pk), "_source": entry_source(e)} for e in pending]
        actions += [{"_op_type": "delete", "_index": self.alias, "_id": str(d.entry_id)} for d in deletions]
        if not actions:
            return 0
        ok, failed = self._bulk(actions)
        failed_ids = {str(item.get("index", item.get("delete", {})).get("_id")) for item in failed}
        synced = [e.pk for e in pending if str(e.pk) not in failed_ids]
        # An entry changed while it was on its way stays pending and goes again next time.
        SearchEntry.objects.filter(pk__in=synced, updated_at__lt=started).update(cluster_synced=True)
        ClusterDeletion.objects.filter(
            pk__in=[d.pk for d in deletions if str(d.entry_id) not in failed_ids or _not_found(failed, d.entry_id)]
        ).delete()
        return ok

    # Queries ---------------------------------------------------------------

    def _text_query(self, parsed: SearchQuery) -> Q:
        """The query DSL for a parsed query: match and phrase queries only, never a query string.

        Any word (or other name of a glossary term among them) may match, every phrase must (in any
        field), excluded words and phrases must not.
        """
        must = []
        if parsed.words:
            words = Q(
                "multi_match",
                query=" ".join(parsed.words),
                fields=TEXT_FIELDS,
                type="cross_fields",
                tie_breaker=1,
            )
            if parsed.alternatives:  # each other name like one more word
                names = [
                    Q("multi_match", query=" ".join(n), fields=TEXT_FIELDS, type="phrase", boost=1 / len(n))
                    for n in parsed.alternatives
                ]
                words = Q("bool", should=[words, *names], minimum_should_match=1)
            must.append(words)
        must += [
            Q("multi_match", query=" ".join(phrase), fields=TEXT_FIELDS, type="phrase") for phrase in parsed.phrases
        ]
        must_not = [
            Q("multi_match", query=" ".join(item), fields=TEXT_FIELDS, type="phrase") for item in parsed.excluded
        ]
        return Q("bool", must=must, must_not=must_not)

    def _filters(self, request: SearchRequest) -> list[Q]:
        filters = [Q("terms", visibility=visibility_values(request.levels))]
        for facet, field in FACET_FIELDS.items():
            values = list(request.filters.get(facet, ()))
            if values and facet == "year":  # as the database engine reads them: no year matches nothing
                values = [str(year) for year in params.years(values)] or ["0"]
            if not values:
                continue
            if facet == "topic":  # every selected topic must apply, as in the database engine
                filters += [Q("term", topics=value) for value in values]
            else:  # any of the selected values of one facet
                filters.append(Q("terms", **{field: values}))
        return filters

    def _body(self, request: SearchRequest, parsed: SearchQuery | None = None) -> dict:
        """The request's body; ``parsed`` is the request's query with its synonyms (search() adds them)."""
        parsed = parsed or request.parsed
        query = Q("bool", must=[self._text_query(parsed)], filter=self._filters(request)).to_dict()
        body = {
            "aggs": AGGREGATIONS,
            "_source": False,
            "track_total_hits": MAX_TOTAL,
            "from": request.offset,
            "size": request.limit,
        }
        if request.sort == "newest":
            body["query"] = query
            body["sort"] = [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
            return body
        functions = ranking_functions(parsed)
        body["query"] = {
            "function_score": {
                "query": query,
                "functions": functions,
                "score_mode": "multiply",
                "boost_mode": "multiply",
            }
        }
        body["rescore"] = rescore(parsed, self.script_language)
        return body

    def search(self, request: SearchRequest) -> SearchResponse:
        parsed = request.parsed
        if not parsed:
            return SearchResponse([], 0, {}, self.name)
        self.client  # noqa: B018 - connects once per process, and learns the cluster's script languages
        body = self._body(request, with_synonyms(parsed))
        # The same shard copies answer every page of one search, so entries that score the same keep one order.
        raw = self._query(body, preference=f"q{zlib.crc32(str(parsed).encode())}")
        ids = [int(hit["_id"]) for hit in raw["hits"]["hits"]]
        # Checked again against the database: an index that lags behind can never widen access.
        entries = SearchEntry.objects.filter(SearchEntry.visible_to(request.levels)).in_bulk(ids) if ids else {}
        hits = [Hit(entries[pk], snippet_for(entries[pk], parsed)) for pk in ids if pk in entries]
        aggregations = raw.get("aggregations", {})
        total = raw["hits"]["total"]["value"]
        if raw["hits"]["total"].get("relation") == "gte":  # beyond MAX_TOTAL: every entry has one kind
            kinds = aggregations.get("kind", {})
            counted = sum(bucket["doc_count"] for bucket in kinds.get("buckets", []))
            total = max(total, counted + kinds.get("sum_other_doc_count", 0))
        return SearchResponse(hits, total, self._facets(aggregations, request), self.name)

    def _facets(self, aggregations: dict, request: SearchRequest) -> dict[str, list[FacetValue]]:
        buckets = {facet: aggregations.get(facet, {}).get("buckets", []) for facet in FACET_FIELDS}
        labels = {
            "kind": kind_labels([str(bucket["key"]) for bucket in buckets["kind"]]),
            "topic": topic_names([str(bucket["key"]) for bucket in buckets["topic"]]),
        }
        facets = {}
        for facet in FACET_FIELDS:
            selected = set(request.filters.get(facet, ()))
            names = labels.get(facet, {})
            values = []
            for bucket in buckets[facet]:
                value = str(bucket["key"])
                values.append(FacetValue(value, names.get(value, value), bucket["doc_count"], value in selected))
            if facet == "year":
                values.sort(key=lambda v: v.value, reverse=True)
            facets[facet] = values
        return facets

    def finds(self, word: str, levels: frozenset[str]) -> bool:
        """Whether ``word`` matches anything a reader of ``levels`` may see (before a correction is offered):
        one entry is enough, so no scores, no counting beyond it and no facets."""
        parsed = parse(word)
        if not parsed:
            return False
        query = Q(
            "bool",
            must=[self._text_query(parsed)],
            filter=[Q("terms", visibility=visibility_values(levels))],
        )
        body = {"query": query.to_dict(), "size": 1, "_source": False, "track_total_hits": False, "terminate_after": 1}
        raw = self._query(body)
        ids = [int(hit["_id"]) for hit in raw["hits"]["hits"]]
        return bool(ids) and SearchEntry.objects.filter(SearchEntry.visible_to(levels), pk__in=ids).exists()

    def autocomplete(self, prefix: str, levels: frozenset[str], limit: int = 8) -> list[SearchEntry]:
        """Entries whose title, other names or summary hold words starting with each typed word.

        Entries the reader may open come first and teasers (locked pages) after them, never above one;
        within each, a title or other name that starts with the typed text, then the best-placed words.
        """
        terms = parse(prefix).terms
        if not terms:
            return []
        query = Q(
            "bool",
            filter=[Q("terms", visibility=visibility_values(levels))],
            must=[
                Q("multi_match", query=term, fields=PREFIX_FIELDS, type="best_fields", operator="and")
                for term in terms
            ],
            should=[Q("match", names={"query": " ".join(terms), "boost": NAME_START_BOOST})],
        )
        search = (
            Search(index=self.alias)
            .query(query)
            .sort({"variant": {"order": FULL_FIRST}}, {"_score": {"order": "desc"}}, {"title.raw": {"order": "asc"}})
            .source(False)
            .extra(track_total_hits=False)
        )[: limit * 2]  # room for entries the database re-check leaves out
        raw = self._query(search.to_dict())
        ids = [int(hit["_id"]) for hit in raw["hits"]["hits"]]
        if not ids:
            return []
        entries = SearchEntry.objects.filter(SearchEntry.visible_to(levels)).in_bulk(ids)
        return [entries[pk] for pk in ids if pk in entries][:limit]


def kind_labels(kinds: list[str]) -> dict[str, str]:
    """The labels of these kinds, each read from the database once per process."""
    missing = [kind for kind in kinds if kind not in _kind_labels]
    if missing:
        _kind_labels.update(SearchEntry.objects.filter(kind__in=missing).values_list("kind", "kind_label").distinct())
    return {kind: _kind_labels[kind] for kind in kinds if kind in _kind_labels}


def topic_names(slugs: list[str]) -> dict[str, str]:
    """The names of the topics in the buckets: one query, only when there are any."""
    if not slugs:
        return {}
    topics = SearchEntry.topics.field.related_model
    return dict(topics.objects.filter(slug__in=slugs).values_list("slug", "name"))


def _not_found(failed: list, entry_id: int) -> bool:
    for item in failed:
        result = item.get("delete", {})
        if str(result.get("_id")) == str(entry_id) and result.get("status") == 404:
            return True
    return False
