"""Relevance, measured: precision@3 and NDCG@10 over the judged queries, per engine.

The thresholds sit a little under the figures measured when they were set (see docs/search.md),
so a change that makes search worse fails here, and the figures are printed on every run.
"""

from __future__ import annotations

import math

import pytest

from search.access import PUBLIC
from search.engines import SearchRequest
from search.service import answer
from tests.search.judged_queries import JUDGED_QUERIES

pytestmark = pytest.mark.django_db
# Measured on the demo content over 122 judged queries (2026-11-30), corrections applied as the page does:
# SQLite p@3 0.593, NDCG@10 0.879; PostgreSQL 0.555, 0.854, and 0.590, 0.884 once each word's cover density
# was weighted by its idf (2026-12-01). (Over the first 61 queries, 2026-11-28, SQLite
# through Wagtail's backend: 0.454, 0.803.) The target is 0.60 and 0.90: not reached yet.
# OpenSearch 2.19 (three nodes): 0.577, 0.866. With the demo's four search synonym groups (editors' list,
# content/demo/synonyms.py, 2026-12-01): SQLite 0.609, 0.898; PostgreSQL 0.601, 0.901; OpenSearch 0.587, 0.884.
# With the text of papers' report PDFs (search/documents.py, 2026-12-01 later): SQLite 0.6093, 0.9002;
# PostgreSQL 0.6066, 0.9012; OpenSearch 0.5984, 0.8879. The database engine now holds the 0.60 and 0.90.
# OpenSearch with the topic bonus, square-rooted field boosts whose scores add up (search/engines/cluster.py),
# and a glossary term's other name weighed as one word (2026-12-01): 0.6202, 0.9052. Every engine holds them.
THRESHOLDS = {"database": {"p@3": 0.60, "ndcg@10": 0.90}, "cluster": {"p@3": 0.61, "ndcg@10": 0.90}}


def dcg(gains: list[int]) -> float:
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def measure(engine) -> dict[str, float]:
    precision, ndcg = [], []
    for judged in JUDGED_QUERIES:
        # As the search page answers: a misspelt word is corrected first.
        response, _ = answer(engine, SearchRequest(judged["query"], frozenset({PUBLIC}), limit=10))
        ranked = [hit.entry.url_path for hit in response.hits]
        relevance = judged["relevant"]
        precision.append(sum(1 for url in ranked[:3] if relevance.get(url, 0) >= 2) / 3)
        ideal = dcg(sorted(relevance.values(), reverse=True)[:10])
        ndcg.append(dcg([relevance.get(url, 0) for url in ranked]) / ideal if ideal else 0.0)
    return {"p@3": sum(precision) / len(precision), "ndcg@10": sum(ndcg) / len(ndcg)}


def test_relevance_meets_the_thresholds(engine, capsys):
    figures = measure(engine)
    with capsys.disabled():
        print(
            f"\nrelevance[{engine.name}] over {len(JUDGED_QUERIES)} queries: "
            f"precision@3={figures['p@3']:.4f} NDCG@10={figures['ndcg@10']:.4f}"
        )
    thresholds = THRESHOLDS[engine.name]
    assert figures["p@3"] >= thresholds["p@3"], figures
    assert figures["ndcg@10"] >= thresholds["ndcg@10"], figures
