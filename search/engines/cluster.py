"""The cluster engine: elasticsearch-dsl defines the index and builds every query; the transport is
the Elasticsearch client (Elasticsearch 8/9) or the OpenSearch client (OpenSearch 2/3), whichever
the cluster says it is. Both send the same elasticsearch-dsl bodies.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from elasticsearch_dsl import Date, Document, Index, Integer, Keyword, Q, Search, Text, analyzer, token_filter
from elasticsearch_dsl.field import Completion

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe

from hub import params

from ..highlight import snippet_for, snippet_text
from ..models import ClusterDeletion, SearchEntry
from ..query import SearchQuery, parse
from .base import FacetValue, Hit, SearchEngine, SearchRequest, SearchResponse
from .database import suggest_spelling

FACET_FIELDS = {
    "kind": "kind",
    "topic": "topics",
    "series": "series",
    "year": "year",
    "local_authority": "local_authority",
}
TEXT_FIELDS = ["title^5", "keywords^4", "summary^2", "text_"]
BATCH = 500
INDEXING_TIMEOUT = 120  # seconds for a bulk request
RETRIES, RETRY_PAUSE = 1, 0.5  # a search is tried once more when a node has just gone
english_stemmer = token_filter("hub_english_stemmer", type="stemmer", language="english")
english_stop = token_filter("hub_english_stop", type="stop", stopwords="_english_")
possessive = token_filter("hub_possessive", type="stemmer", language="possessive_english")


def glossary_synonyms() -> list[str]:
    """'lac, looked-after children, children in care': each glossary term with its other names."""
    rules = []
    for title, keywords in SearchEntry.objects.filter(kind="definition", variant=SearchEntry.Variant.FULL).values_list(
        "title", "keywords"
    ):
        names = [title, *(name.strip() for name in keywords.split(",") if name.strip())]
        names = [name.lower().replace(",", " ").replace("=>", " ") for name in names]
        if len(names) > 1:
            rules.append(", ".join(dict.fromkeys(names)))
    return rules


def analyzers(synonyms: list[str]):
    index_analyzer = analyzer(
        "hub_english",
        tokenizer="standard",
        filter=[possessive, "lowercase", "asciifolding", english_stop, english_stemmer],
    )
    search_analyzer = analyzer(
        "hub_english_search",
        tokenizer="standard",
        filter=[
            possessive,
            "lowercase",
            "asciifolding",
            token_filter(
                "hub_glossary_synonyms", type="synonym_graph", synonyms=synonyms or ["hub, hub"], lenient=True
            ),
            english_stop,
            english_stemmer,
        ],
    )
    return index_analyzer, search_analyzer


def document_class(index_analyzer, search_analyzer):
    def text(**kwargs):
        return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, **kwargs)

    class EntryDocument(Document):
        page_id = Keyword()
        variant = Keyword()
        access = Keyword()
        visibility = Keyword()
        kind = Keyword()
        kind_label = Keyword(index=False)
        title = text(fields={"raw": Keyword()})
        keywords = text()
        summary = text()
        text_ = text()
        url_path = Keyword(index=False)
        date = Date()
        year = Integer()
        series = Keyword()
        local_authority = Keyword()
        topics = Keyword()
        suggest = Completion(analyzer="simple", contexts=[{"name": "visibility", "type": "category"}])

    return EntryDocument


def visibility_values(levels: frozenset[str]) -> list[str]:
    """The entries one reader sees: full entries at a level they read, teasers of the rest."""
    from ..access import LEVELS

    return [f"full:{level}" for level in levels] + [f"teaser:{level}" for level in LEVELS if level not in levels]


def entry_source(entry: SearchEntry) -> dict:
    visibility = f"{entry.variant}:{entry.access}"
    return {
        "page_id": str(entry.page_id),
        "variant": entry.variant,
        "access": entry.access,
        "visibility": visibility,
        "kind": entry.kind,
        "kind_label": entry.kind_label,
        "title": entry.title,
        "keywords": entry.keywords,
        "summary": entry.summary,
        "text_": entry.text,
        "url_path": entry.url_path,
        "date": entry.date.isoformat() if entry.date else None,
        "year": entry.year,
        "series": entry.series or None,
        "local_authority": entry.local_authority or None,
        "topics": [topic.slug for topic in entry.topics.all()],
        "suggest": {"input": [entry.title], "contexts": {"visibility": [visibility]}},
    }


class ClusterEngine(SearchEngine):
    name = "cluster"
    uses_cluster = True

    def __init__(self, url: str, index_prefix: str = "hub") -> None:
        self.hosts = [part.strip() for part in url.split(",") if part.strip()]
        self.alias = f"{index_prefix}-entries"
        self._client = None

    # Transport -------------------------------------------------------------

    @property
    def client(self):
        if self._client is None:
            timeout = getattr(settings, "SEARCH_TIMEOUT", 3)
            from opensearchpy import OpenSearch

            probe = OpenSearch(self.hosts, timeout=timeout, max_retries=1, retry_on_timeout=False)
            info = probe.info()
            if info.get("version", {}).get("distribution") == "opensearch":
                self._client, self.flavour = probe, "opensearch"
            else:
                from elasticsearch import Elasticsearch

                self._client = Elasticsearch(self.hosts, request_timeout=timeout, max_retries=1)
                self.flavour = "elasticsearch"
        return self._client

    @property
    def indexing_client(self):
        """A client with a longer timeout for bulk writes (searches keep the short SEARCH_TIMEOUT)."""
        if getattr(self, "_indexing_client", None) is None:
            self.client  # noqa: B018 - detects the flavour
            if self.flavour == "opensearch":
                from opensearchpy import OpenSearch

                self._indexing_client = OpenSearch(self.hosts, timeout=INDEXING_TIMEOUT, max_retries=2)
            else:
                from elasticsearch import Elasticsearch

                self._indexing_client = Elasticsearch(self.hosts, request_timeout=INDEXING_TIMEOUT, max_retries=2)
        return self._indexing_client

    def _bulk(self, actions: list[dict], refresh: bool = True) -> tuple[int, list]:
        if self.flavour == "opensearch":
            from opensearchpy.helpers import bulk
        else:
            from elasticsearch.helpers import bulk
        options = {"refresh": "wait_for"} if refresh else {}
        return bulk(self.indexing_client, actions, raise_on_error=False, **options)

    # Index management --------------------------------------------------------

    def _query(self, body: dict) -> dict:
        """Search once more after a short pause if a node just left (shard copies are being re-routed)."""
        for attempt in range(RETRIES + 1):
            try:
                return self.client.search(index=self.alias, body=body)
            except Exception as error:  # noqa: BLE001 - both clients' transport errors
                status = getattr(error, "status_code", None)
                transient = not isinstance(status, int) or status >= 500  # connection errors say "N/A"
                if attempt == RETRIES or not transient:
                    raise
                time.sleep(RETRY_PAUSE)
        raise AssertionError("unreachable")

    def _index_definition(self, name: str) -> Index:
        index = Index(name)
        index.settings(number_of_shards=1, number_of_replicas=1 if self._node_count() > 1 else 0)
        index.document(document_class(*analyzers(glossary_synonyms())))
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
        self.indexing_client.indices.refresh(index=name)
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

        Any word may match, every phrase must (in any field), excluded words and phrases must not; a
        title or other name that holds the words as typed ranks first.
        """
        must = []
        if parsed.words:
            must.append(
                Q(
                    "multi_match",
                    query=" ".join(parsed.words),
                    fields=TEXT_FIELDS,
                    type="best_fields",
                    tie_breaker=0.3,
                )
            )
        must += [
            Q("multi_match", query=" ".join(phrase), fields=TEXT_FIELDS, type="phrase") for phrase in parsed.phrases
        ]
        must_not = [
            Q("multi_match", query=" ".join(item), fields=TEXT_FIELDS, type="phrase") for item in parsed.excluded
        ]
        exact = [
            Q("match_phrase", title={"query": parsed.plain, "boost": 8}),
            Q("match_phrase", keywords={"query": parsed.plain, "boost": 8}),
        ]
        return Q("bool", must=must, should=exact, must_not=must_not)

    def _search(self, request: SearchRequest) -> Search:
        visible = Q("terms", visibility=visibility_values(request.levels))
        text = self._text_query(request.parsed)
        filters = [visible]
        for facet, field in FACET_FIELDS.items():
            values = list(request.filters.get(facet, ()))
            if values and facet == "year":  # an integer field: a value that is no year is a cluster error
                values = params.years(values) or [0]  # no such year: nothing matches
            if not values:
                continue
            if facet == "topic":  # every selected topic must apply, as in the database engine
                filters += [Q("term", topics=value) for value in values]
            else:  # any of the selected values of one facet
                filters.append(Q("terms", **{field: values}))
        search = Search(index=self.alias).query(Q("bool", must=[text], filter=filters))
        for facet, field in FACET_FIELDS.items():
            search.aggs.bucket(facet, "terms", field=field, size=50)
        search = search.highlight("text_", "summary", fragment_size=220, number_of_fragments=1)
        search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
        if request.sort == "newest":
            search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
        search = search.extra(track_total_hits=True)
        return search[request.offset : request.offset + request.limit]

    def search(self, request: SearchRequest) -> SearchResponse:
        if not request.parsed:
            return SearchResponse([], 0, {}, self.name)
        raw = self._query(self._search(request).to_dict())
        hits_raw = raw["hits"]["hits"]
        # Checked again against the database: an index that lags behind can never widen access.
        visible = SearchEntry.objects.filter(SearchEntry.visible_to(request.levels))
        entries = visible.in_bulk([int(hit["_id"]) for hit in hits_raw])
        hits = []
        for hit in hits_raw:
            entry = entries.get(int(hit["_id"]))
            if entry is None:
                continue  # deleted since; the pending deletion will reach the cluster
            fragments = hit.get("highlight", {})
            html = (fragments.get("text_") or fragments.get("summary") or [None])[0]
            hits.append(Hit(entry, mark_safe(html) if html else snippet_text(entry.summary, request.parsed)))  # noqa: S308
        total = raw["hits"]["total"]["value"]
        labels = dict(SearchEntry.objects.values_list("kind", "kind_label").distinct())
        from content.topics.models import Topic

        topic_names = dict(Topic.objects.values_list("slug", "name"))
        facets = {}
        for facet in FACET_FIELDS:
            buckets = raw.get("aggregations", {}).get(facet, {}).get("buckets", [])
            selected = set(request.filters.get(facet, ()))
            values = []
            for bucket in buckets:
                value = str(bucket["key"])
                label = (
                    labels.get(value, value)
                    if facet == "kind"
                    else topic_names.get(value, value)
                    if facet == "topic"
                    else value
                )
                values.append(FacetValue(value, label, bucket["doc_count"], value in selected))
            if facet == "year":
                values.sort(key=lambda v: v.value, reverse=True)
            facets[facet] = values
        response = SearchResponse(hits, total, facets, self.name)
        if not total:
            # From what this reader may see (the cluster's term suggester ignores filters).
            response.suggestion = suggest_spelling(request.parsed.plain, request.levels)
        return response

    def autocomplete(self, prefix: str, levels: frozenset[str], limit: int = 8) -> list[SearchEntry]:
        terms = parse(prefix).terms
        if not terms:
            return []
        search = Search(index=self.alias).suggest(
            "titles",
            " ".join(terms),
            completion={
                "field": "suggest",
                "size": limit,
                "skip_duplicates": True,
                "contexts": {"visibility": visibility_values(levels)},
            },
        )
        raw = self._query(search.to_dict())
        ids = [int(option["_id"]) for option in raw["suggest"]["titles"][0]["options"]]
        entries = SearchEntry.objects.filter(SearchEntry.visible_to(levels)).in_bulk(ids)
        return [entries[i] for i in ids if i in entries]


def _not_found(failed: list, entry_id: int) -> bool:
    for item in failed:
        result = item.get("delete", {})
        if str(result.get("_id")) == str(entry_id) and result.get("status") == 404:
            return True
    return False
