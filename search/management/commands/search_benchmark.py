"""search_benchmark --docs N: index N synthetic documents and time a fixed query mix, per engine.

Run it on a scratch database (it adds N pages under a "Benchmark" blog, then removes them):
  DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py migrate
  DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py search_benchmark --docs 1000 [--cluster URL]
"""

from __future__ import annotations

import random
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from search.access import MEMBERS_ONLY, PUBLIC
from search.engines import SearchRequest
from search.engines.database import DatabaseEngine
from search.models import SearchEntry

WORDS = [
    "neighbourhood",
    "community",
    "social",
    "infrastructure",
    "capital",
    "wealth",
    "building",
    "council",
    "regeneration",
    "children",
    "families",
    "placement",
    "care",
    "early",
    "help",
    "volunteers",
    "trust",
    "funding",
    "local",
    "authority",
    "residents",
    "parks",
    "libraries",
    "pubs",
    "youth",
    "clubs",
    "anchor",
    "institutions",
    "procurement",
    "health",
    "wellbeing",
    "evidence",
    "outcomes",
    "lessons",
    "housing",
    "tenancy",
    "employment",
    "skills",
    "transport",
    "isolation",
    "loneliness",
    "participation",
    "budgeting",
    "assets",
    "ownership",
]
QUERIES = [
    "social infrastructure",
    "community wealth building",
    "children placement cost",
    "early help families",
    "volunteers youth clubs",
    "anchor institutions procurement",
    "loneliness isolation older residents",
    "participatory budgeting",
    "housing tenancy support",
    "parks libraries",
]


class Command(BaseCommand):
    help = "Index N synthetic documents and report indexing time and query latency p50/p95, per engine."

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=int, default=1000)
        parser.add_argument("--repeat", type=int, default=5, help="times each query of the mix is run")
        parser.add_argument("--cluster", default="", help="also benchmark a cluster at this URL")
        parser.add_argument("--keep", action="store_true", help="keep the synthetic entries afterwards")

    def handle(self, *args, docs: int, repeat: int, cluster: str, keep: bool, **options):
        rng = random.Random(2025)  # noqa: S311 - repeatable synthetic text, not security
        self.stdout.write(f"Generating {docs} synthetic entries…")
        started = time.monotonic()
        with transaction.atomic():
            batch = []
            for n in range(docs):
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(120, 600)))
                title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize()
                batch.append(
                    SearchEntry(
                        page=None,
                        variant=SearchEntry.Variant.FULL,
                        access=PUBLIC if n % 5 else MEMBERS_ONLY,
                        kind=rng.choice(["paper", "blog", "definition", "case_study"]),
                        kind_label="Benchmark",
                        title=title,
                        summary=text[:200],
                        text=text,
                        url_path=f"/benchmark/{n}/",
                        date=timezone.localdate(),
                        year=rng.choice([2024, 2025, 2026]),
                    )
                )
            created = SearchEntry.objects.bulk_create(batch, batch_size=500)
        generated = time.monotonic() - started
        engines = [("database", DatabaseEngine(), self._index_database)]
        if cluster:
            from search.engines.cluster import ClusterEngine

            engines.append(("cluster", ClusterEngine(cluster, index_prefix="hub-bench"), lambda e, c: e.rebuild()))
        try:
            for label, engine, index in engines:
                t0 = time.monotonic()
                index(engine, created)
                indexing = time.monotonic() - t0
                latencies = []
                levels = frozenset({PUBLIC})
                for _ in range(repeat):
                    for query in QUERIES:
                        t1 = time.perf_counter()
                        engine.search(SearchRequest(query, levels, limit=10))
                        latencies.append((time.perf_counter() - t1) * 1000)
                latencies.sort()
                p50 = statistics.median(latencies)
                p95 = latencies[int(len(latencies) * 0.95) - 1]
                self.stdout.write(
                    f"{label:9} docs={docs} generate={generated:.1f}s index={indexing:.1f}s "
                    f"query p50={p50:.1f}ms p95={p95:.1f}ms ({len(latencies)} queries)"
                )
                if label == "cluster" and not keep:
                    engine.drop()
        finally:
            if not keep:
                SearchEntry.objects.filter(pk__in=[e.pk for e in created]).delete()

    def _index_database(self, engine: DatabaseEngine, entries) -> None:
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend()
        index = backend.get_index_for_model(SearchEntry)
        index.add_items(SearchEntry, entries)
