"""The cluster engine ranks as search/ranking.py says, answers in one request, and suggests open items first.

Run against a real cluster (SEARCH_TEST_URL=http://127.0.0.1:9201, search/cluster/start.sh starts one);
without one these tests are skipped with the reason. Each test adds its own entries (made-up words, so
the demo content never competes with them), builds a fresh index and drops it afterwards.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from search import ranking
from search.access import MEMBERS_ONLY, PUBLIC
from search.engines import SearchRequest
from search.models import SearchEntry
from tests.search.conftest import CLUSTER_URL, NO_CLUSTER, REQUIRED, using_cluster
from tests.workers import index_prefix

pytestmark = [pytest.mark.django_db, pytest.mark.skipif(not CLUSTER_URL and not REQUIRED, reason=NO_CLUSTER)]

ANONYMOUS = frozenset({PUBLIC})
MEMBER = frozenset({PUBLIC, MEMBERS_ONLY})
FILLER = "gardens volunteers meet every week to plan the season and share tools with their neighbours"


@pytest.fixture
def cluster(cluster_lock):
    if not CLUSTER_URL:
        pytest.fail(NO_CLUSTER)
    from search.engines.cluster import ClusterEngine

    with using_cluster(cluster_lock):
        engine = ClusterEngine(CLUSTER_URL, index_prefix=index_prefix("ranking"))
        yield engine
        engine.drop()


def entry(slug: str, **fields) -> SearchEntry:
    values = {
        "page": None,
        "variant": SearchEntry.Variant.FULL,
        "access": PUBLIC,
        "kind": "blog",
        "kind_label": "Blog post",
        "title": "Notes from the allotment",
        "summary": "",
        "text": FILLER,
        "url_path": f"/test-ranking/{slug}/",
        "date": None,
    }
    values.update(fields)
    if values["date"]:
        values["year"] = values["date"].year
    return SearchEntry.objects.create(**values)


def ranked(engine, query: str, levels=ANONYMOUS) -> list[str]:
    response = engine.search(SearchRequest(query, levels, limit=50))
    return [hit.entry.url_path.split("/")[2] for hit in response.hits]


def test_a_title_match_ranks_above_a_body_only_match(cluster):
    entry("body", title="Community gardens", text=f"{FILLER} zorblax")
    entry("title", title="Zorblax gardens", text=f"{FILLER} community")
    cluster.rebuild()
    assert ranked(cluster, "zorblax") == ["title", "body"]


def test_a_definition_ranks_above_a_standard_page_when_equally_matched(cluster):
    same = {"title": "Plimsock exchange", "summary": "What a plimsock exchange is.", "text": FILLER}
    entry("page", kind="page", kind_label="Page", **same)
    entry("blog", kind="blog", kind_label="Blog post", **same)
    entry("definition", kind="definition", kind_label="Definition", **same)
    cluster.rebuild()
    assert ranked(cluster, "plimsock exchange") == ["definition", "blog", "page"]


def test_a_phrase_match_ranks_above_the_same_words_scattered(cluster):
    # The same words, as often and in texts as long: only their places differ.
    words = FILLER.split()
    entry("scattered", text=" ".join(["quillet", *words, "marrowfen"]))
    entry("near", text=" ".join(["quillet", *words[:3], "marrowfen", *words[3:]]))
    entry("phrase", text=" ".join(["quillet", "marrowfen", *words]))
    cluster.rebuild()
    assert ranked(cluster, "quillet marrowfen") == ["phrase", "near", "scattered"]


def test_of_two_otherwise_identical_entries_the_newer_ranks_first(cluster):
    today = date.today()
    entry("old", title="Tessellock report", date=today - timedelta(days=900))
    entry("undated", title="Tessellock report")
    entry("new", title="Tessellock report", date=today - timedelta(days=10))
    cluster.rebuild()
    assert ranked(cluster, "tessellock") == ["new", "old", "undated"]


@pytest.mark.parametrize("language", ["expression", "painless"])
def test_the_recency_factor_is_the_one_search_ranking_computes(cluster, language):
    from search.engines.cluster import recency_function

    today = date.today()
    days = [0, 1, 30, 365, ranking.RECENCY_HALF_LIFE_DAYS, 3000, -5]  # -5: dated in the future
    entries = {entry(f"d{age}", date=today - timedelta(days=age)).pk: age for age in days}
    entries[entry("undated").pk] = None
    cluster.rebuild()
    recency = recency_function(today, language)
    body = {
        "query": {
            "function_score": {
                "query": {"ids": {"values": [str(pk) for pk in entries]}},
                "functions": [recency],
                "boost_mode": "replace",
            }
        },
        "size": len(entries),
        "_source": False,
    }
    scores = {int(hit["_id"]): hit["_score"] for hit in cluster._query(body)["hits"]["hits"]}
    for pk, age in entries.items():
        expected = ranking.recency_factor(None if age is None else today - timedelta(days=age), today)
        assert scores[pk] == pytest.approx(expected, rel=1e-6), age


def test_a_search_is_one_request_without_highlights_or_source_and_one_read_of_the_hits(
    cluster, django_assert_max_num_queries
):
    for n in range(15):
        entry(f"e{n}", title=f"Vornish glimmet {n}", summary="A vornish glimmet.", text=f"{FILLER} vornish")
    cluster.rebuild()
    sent = []
    search = cluster.client.search

    def counted(**kwargs):
        sent.append(kwargs["body"])
        return search(**kwargs)

    cluster.client.search = counted
    request = SearchRequest("vornish glimmet", ANONYMOUS, limit=10)
    # The glossary's other names, the page of hits, the names of the topics in the facets (none here).
    with django_assert_max_num_queries(3):
        response = cluster.search(request)
    assert len(sent) == 1
    (body,) = sent
    assert "highlight" not in body and body["_source"] is False
    assert body["track_total_hits"] == 10_000
    assert response.total == 15 and len(response.hits) == 10
    assert all("<mark>vornish</mark>" in str(hit.snippet).lower() for hit in response.hits)
    assert {value.value: value.label for value in response.facets["kind"]} == {"blog": "Blog post"}


def test_suggestions_find_word_prefixes_in_summaries(cluster):
    entry(
        "befriending",
        title="Befriending schemes for older people",
        summary="How volunteers reduce loneliness among older residents.",
    )
    cluster.rebuild()
    suggested = [e.url_path for e in cluster.autocomplete("lonel", ANONYMOUS, limit=50)]
    assert "/test-ranking/befriending/" in suggested
    assert [e.url_path for e in cluster.autocomplete("befriending sch", ANONYMOUS)][0] == "/test-ranking/befriending/"


def test_suggestions_find_other_names_and_inflections(cluster):
    entry("term", kind="definition", title="Grommet commons", keywords="GCX, shared grommet land")
    cluster.rebuild()
    for typed in ("gcx", "shared grom", "grommets", "grommet com"):
        assert [e.url_path for e in cluster.autocomplete(typed, ANONYMOUS)][:1] == ["/test-ranking/term/"], typed


def test_a_teaser_is_never_suggested_above_a_full_entry(cluster):
    # The teaser is the best match (its title starts with what was typed); the full entries only hold a word.
    entry(
        "locked",
        variant=SearchEntry.Variant.TEASER,
        access=MEMBERS_ONLY,
        kind="case_study",
        title="Wibblewick pantry in Leeds",
        summary="A locked case study.",
        text="",
    )
    entry("open-1", title="Food banks", summary="From the wibblewick pantry network.")
    entry("open-2", title="Shared meals", summary="Notes on wibblewicks.")
    cluster.rebuild()
    suggested = cluster.autocomplete("wibblewick", ANONYMOUS)
    assert [e.url_path.split("/")[2] for e in suggested][-1] == "locked"
    variants = [e.variant for e in suggested]
    assert variants == sorted(variants, key=lambda v: v != SearchEntry.Variant.FULL)
    # A member opens the full entry of the same page instead, so no teaser appears for them.
    entry(
        "locked-full",
        access=MEMBERS_ONLY,
        kind="case_study",
        title="Wibblewick pantry in Leeds",
        summary="The full case study.",
    )
    cluster.rebuild()
    member = [e.url_path.split("/")[2] for e in cluster.autocomplete("wibblewick", MEMBER)]
    assert member[0] == "locked-full" and "locked" not in member


def test_suggestions_only_come_from_what_the_reader_may_see(cluster):
    entry("secret", access=MEMBERS_ONLY, title="Fandangle fund", summary="Members only.")
    cluster.rebuild()
    assert cluster.autocomplete("fandan", ANONYMOUS) == []
    assert [e.url_path for e in cluster.autocomplete("fandan", MEMBER)] == ["/test-ranking/secret/"]
