"""search_benchmark: search speed on a realistic corpus and on today's worst case, per engine.

For each corpus (``--corpus realistic|worst|both``) it adds ``--docs N`` synthetic search entries, indexes
them with each engine (the database engine; a cluster too with ``--cluster URL``) and times a mix of
queries two ways: the engine call (``engine.search``: the first ten results for an anonymous reader) and the
whole ``/search/`` view (Django's test client: middleware, direct answer, promotions, search statistics and
the rendered page, with DEBUG off as in production). Each query runs once untimed, then ``--repeat R``
times; p50 is the median and p95 the nearest-rank 95th percentile of all those runs. Each corpus is
measured on its own: its entries are removed before the next corpus is added.

- realistic: a Zipf-distributed vocabulary of 20,000 pronounceable pseudo-words, ~300 words of the
  site's domain and English function words (the most frequent); bodies of 300 to 3,000 words in
  sentences and paragraphs, glossary-like titles, one-sentence summaries, other names on definitions,
  five kinds, five years of dates, one entry in five for members. Queries: frequent, mid-frequency and
  rare words, two and three words, a quoted phrase from a real sentence, an exclusion, a misspelling and
  a question full of common words.
- worst: 45 domain words and nothing else, so every query matches nearly every entry.

Run it on a scratch database, never a site's own: it adds and removes entries, the view records its
searches (removed afterwards), and a cluster rebuild marks every entry as sent. Entries left by an earlier
``--keep`` run are removed first.

  SQLite:
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py search_benchmark --docs 1000
  PostgreSQL (an empty database):
    DATABASE_URL=postgres://hub:hub@127.0.0.1:5432/hub_bench .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://hub:hub@127.0.0.1:5432/hub_bench .venv/bin/python manage.py search_benchmark --docs 1000
  A cluster as well: add --cluster http://127.0.0.1:9201 (index prefix hub-bench, dropped afterwards).

Targets (the search issue): p95 <= 50 ms at 20,000 documents on SQLite and PostgreSQL, <= 30 ms on
OpenSearch, and p95 at 20,000 <= 3 x p95 at 1,000: run it with --docs 1000 and with --docs 20000.
"""

from __future__ import annotations

import math
import os
import random
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from itertools import accumulate

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone

from search.access import MEMBERS_ONLY, PUBLIC
from search.engines import SearchEngine, SearchRequest, reset_engine
from search.engines.database import DatabaseEngine
from search.models import ClusterDeletion, SearchEntry
from search.query import STOP_WORDS, parse

BATCH = 500
URL_PREFIX = "/benchmark/"  # every synthetic entry's url_path starts so (and has no page)
CLUSTER_PREFIX = "hub-bench"

# The worst case: a small vocabulary where every query matches nearly every entry.
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

# The realistic corpus -------------------------------------------------------------------------------

# English function words, most frequent first: they take the top ranks of the realistic vocabulary.
COMMON_WORDS = """the of and to a in is that for it as was with be by on not this are or from at which but have
an they you were their one all we can has there been if more when will would who so no other its may these what
them than some into only do could new about also our how any should such those then where why does each most
over after""".split()  # noqa: SIM905 - a paragraph of words reads better than a list
# The site's own vocabulary, spread over the frequent and mid-frequency ranks.
DOMAIN_WORDS = list(
    dict.fromkeys(
        WORDS
        + """adoption adult advice affordable ageing allotments allowance ambulance apprenticeships arts asylum
attainment audit austerity benefits bereavement boroughs budget bus business cabinet campaign capacity carers
census centres charity childcare cinema citizens civic climate clinic coalition cohesion college commissioning
commons commuters compost consultation contracts cooperative coproduction councillors county credit crime
culture cycling debt decarbonisation dementia democracy dentistry depot deprivation design devolution diabetes
digital dignity disability disadvantage district diversity domestic donations drainage dwellings economy
education elderly election eligibility emergency endowment energy engagement enterprise environment equality
estates exclusion facilities fairness festival fieldwork finance fines fisheries flooding food foodbank
footpaths forestry fostering foundation fuel gambling gardens governance graduates grants green growth guidance
hardship heritage homelessness hospital hostels households hubs immunisation inclusion income inequality
infants innovation inspection insurance integration interventions investment justice keyworkers kinship
kitchens landlords languages leadership learning legislation leisure lettings levelling licensing lifelong
literacy livelihoods lobbying loans markets maternity mayor meals measurement mediation mental mentoring
midwives migration ministers mobility monitoring mortgage museums mutual nature neighbours networks nurses
nursery nutrition obesity occupancy offenders openness orphans overcrowding paramedics parenting partnership
pathways payments pensions pharmacy planning playgrounds policing policy pollution poverty prevention primary
priorities prisons private probation productivity public pupils quality railways reablement recovery
recruitment recycling referendum refugees regulation rehabilitation renewal rent research reservoirs
resilience respite retail retirement revenue rights roads rural safeguarding safety sanitation savings schools
scrutiny secondary sector services settlement shared sheltered shelter shops sports stakeholders strategy
streets students subsidy suburbs surgery survey sustainability taxation teachers technology tenants tenure
theatre therapy tourism towns trainees training transition treatment tribunal trustees tutoring unemployment
universal urban utilities vacancies vaccination veterans village violence vulnerable wages wards waste water
welfare wellness workforce workshops youngsters""".split()  # noqa: SIM905
    )
)
PSEUDO_WORDS = 20_000
ZIPF_EXPONENT = 1.07
DOMAIN_RANKS = (15, 8_000)  # domain words are placed between these ranks, a few among the most frequent
TITLE_RANKS = (100, 5_000)  # titles and other names: mid-frequency words (and domain words)
ONSETS = [*"b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr r s sh sk sl sp st t th tr v w z".split(), ""]  # noqa: SIM905
NUCLEI = "a e i o u a e i o ai ea ee oa ou oo".split()  # noqa: SIM905
CODAS = "n r s l m t nd nt st ck ng rd x".split() + [""] * 16  # noqa: SIM905 - an empty coda most often
SYLLABLES = (1, 2, 2, 2, 2, 3, 3, 3)
SENTENCE_WORDS = range(8, 26)
PARAGRAPH_SENTENCES = range(2, 8)
BODY_WORDS = (300, 3_000)
KINDS = {"paper": "Paper", "blog": "Blog post", "definition": "Definition", "case_study": "Case study", "page": "Page"}
KIND_WEIGHTS = (20, 30, 12.5, 15, 22.5)  # one entry in eight a definition
MEMBERS_SHARE = 0.2
DATE_SPAN_DAYS = 5 * 365


def _syllable(rng: random.Random) -> str:
    return rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS)


def build_vocabulary(rng: random.Random) -> list[str]:
    """Every word of the realistic corpus, most frequent first: function words, then domain and pseudo-words."""
    taken = set(COMMON_WORDS) | set(DOMAIN_WORDS)
    pseudo = []
    while len(pseudo) < PSEUDO_WORDS:
        word = "".join(_syllable(rng) for _ in range(rng.choice(SYLLABLES)))
        if len(word) >= 4 and word not in taken:
            taken.add(word)
            pseudo.append(word)
    domain = list(DOMAIN_WORDS)
    rng.shuffle(domain)
    placed: dict[int, str] = {}
    first, last = DOMAIN_RANKS
    for word in domain:
        rank = first + int((last - first) * rng.random() ** 1.5)  # ~15 in the top 100, ~75 in the top 1,000
        while rank in placed:
            rank += 1
        placed[rank] = word
    rest = iter(COMMON_WORDS + pseudo)
    size = len(COMMON_WORDS) + len(DOMAIN_WORDS) + len(pseudo)
    return [placed[rank] if rank in placed else next(rest) for rank in range(size)]


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return f"{text[:1].upper()}{text[1:]}."


class RealisticCorpus:
    name = "realistic"

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocabulary = build_vocabulary(rng)
        self.rank = {word: rank for rank, word in enumerate(self.vocabulary)}
        self.cum_weights = list(accumulate(1 / rank**ZIPF_EXPONENT for rank in range(1, len(self.vocabulary) + 1)))
        self.title_words = [w for w in self.vocabulary[slice(*TITLE_RANKS)] if w not in STOP_WORDS]
        self.sampled: list[list[list[str]]] = []  # the sentences of a few public entries, for the query mix
        self.rarest: list[str] = []  # the rarest word of each of those entries
        self.words = 0

    def _draw(self, k: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cum_weights, k=k)

    def _name_words(self, k: int) -> list[str]:
        rng = self.rng
        return [rng.choice(DOMAIN_WORDS) if rng.random() < 0.4 else rng.choice(self.title_words) for _ in range(k)]

    def entries(self, docs: int) -> Iterator[SearchEntry]:
        rng, today = self.rng, timezone.localdate()
        low, high = math.log(BODY_WORDS[0]), math.log(BODY_WORDS[1] - SENTENCE_WORDS[-1])
        for n in range(docs):
            target = int(math.exp(rng.uniform(low, high)))
            lengths, total = [], 0
            for length in rng.choices(SENTENCE_WORDS, k=target // SENTENCE_WORDS[0] + 1):
                lengths.append(length)
                total += length
                if total >= target:
                    break
            words = self._draw(total)
            self.words += total
            sentences, start = [], 0
            for length in lengths:
                sentences.append(words[start : start + length])
                start += length
            paragraphs, start = [], 0
            while start < len(sentences):
                size = rng.choice(PARAGRAPH_SENTENCES)
                paragraphs.append(" ".join(_sentence(s) for s in sentences[start : start + size]))
                start += size
            kind = rng.choices(list(KINDS), weights=KIND_WEIGHTS)[0]
            access = MEMBERS_ONLY if rng.random() < MEMBERS_SHARE else PUBLIC
            title_words = self._name_words(rng.randint(2, 5))
            title = _sentence(title_words)[:-1]
            summary = _sentence(self._draw(rng.choice(SENTENCE_WORDS)))
            keywords = ""
            if kind == "definition":
                acronym = "".join(word[0] for word in title_words).upper()
                other = " ".join(self._name_words(rng.randint(2, 3)))
                keywords = rng.choice([acronym, other, f"{acronym}, {other}", f"{acronym}, {other}"])
            date = None if kind == "definition" else today - timedelta(days=rng.randrange(DATE_SPAN_DAYS))
            if access == PUBLIC and len(self.sampled) < 3:
                self.sampled.append(sentences)
                self.rarest.append(max(words, key=self.rank.__getitem__))
            yield SearchEntry(
                page=None,
                variant=SearchEntry.Variant.FULL,
                access=access,
                kind=kind,
                kind_label=KINDS[kind],
                title=title,
                summary=summary,
                text="\n\n".join(paragraphs),
                keywords=keywords,
                short_definition=summary if kind == "definition" else "",
                url_path=f"{URL_PREFIX}{self.name}/{n}/",
                date=date,
                year=date.year if date else None,
            )

    def queries(self) -> list[tuple[str, str]]:
        """(kind, query) pairs, from the vocabulary's ranks and the sampled entries' text."""
        rank = self.rank
        domain = sorted(DOMAIN_WORDS, key=rank.__getitem__)

        def near(target: int, *, min_length: int = 4) -> str:
            for word in self.vocabulary[target:]:
                if word in DOMAIN_WORDS or word in COMMON_WORDS or len(word) < min_length:
                    continue
                return word
            raise AssertionError("the vocabulary has no such word")

        mid_domain = min(DOMAIN_WORDS, key=lambda word: abs(rank[word] - 1_000))
        misspelled = ""
        for start in range(1_500, len(self.vocabulary)):
            word = near(start, min_length=6)
            candidate = word[: len(word) // 2] + word[len(word) // 2 + 1 :]
            if candidate not in rank:
                misspelled = candidate
                break
        sentences = self.sampled[0] if self.sampled else [self.vocabulary[:12]]
        sentence = max(sentences[len(sentences) // 2 :], key=len)
        phrase = next(
            (
                sentence[i : i + 3]
                for i in range(len(sentence) - 2)
                if sentence[i] not in STOP_WORDS and sentence[i + 2] not in STOP_WORDS
            ),
            sentence[:3],
        )
        rare = self.rarest[:2] or [near(15_000), near(19_000)]
        return [
            ("frequent", domain[0]),
            ("frequent", domain[1]),
            ("mid-frequency", mid_domain),
            ("mid-frequency", near(2_000)),
            *(("rare", word) for word in rare),
            ("two words", f"{domain[2]} {mid_domain}"),
            ("two words", f"{domain[3]} {near(800)}"),
            ("three words", f"{domain[0]} {domain[4]} {near(3_000)}"),
            ("phrase", f'"{" ".join(phrase)}"'),
            ("exclusion", f"{domain[0]} -{mid_domain}"),
            ("misspelled", misspelled),
            ("question", f"what is the {domain[2]} of the {mid_domain} and how does it help {domain[5]}?"),
        ]


class WorstCorpus:
    name = "worst"

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = 0

    def entries(self, docs: int) -> Iterator[SearchEntry]:
        rng, today = self.rng, timezone.localdate()
        for n in range(docs):
            words = rng.choices(WORDS, k=rng.randint(120, 600))
            self.words += len(words)
            text = " ".join(words)
            yield SearchEntry(
                page=None,
                variant=SearchEntry.Variant.FULL,
                access=PUBLIC if n % 5 else MEMBERS_ONLY,
                kind=rng.choice(["paper", "blog", "definition", "case_study"]),
                kind_label="Benchmark",
                title=" ".join(rng.choices(WORDS, k=rng.randint(3, 8))).capitalize(),
                summary=text[:200],
                text=text,
                url_path=f"{URL_PREFIX}{self.name}/{n}/",
                date=today,
                year=rng.choice([2024, 2025, 2026]),
            )

    def queries(self) -> list[tuple[str, str]]:
        return [("worst case", query) for query in QUERIES]


def p50(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


class Command(BaseCommand):
    help = (
        "Time search on a realistic corpus and on the worst case: p50/p95 of the engine call and of the "
        "/search/ view, per engine (run it on a scratch database)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=int, default=1000, help="synthetic entries per corpus (default 1000)")
        parser.add_argument("--corpus", choices=["realistic", "worst", "both"], default="both")
        parser.add_argument(
            "--repeat", type=int, default=3, help="timed runs of each query, after one untimed warm-up (default 3)"
        )
        parser.add_argument("--cluster", default="", help=f"also benchmark a cluster at this URL ({CLUSTER_PREFIX})")
        parser.add_argument("--seed", type=int, default=2025, help="the same seed gives the same corpus and queries")
        parser.add_argument(
            "--keep", action="store_true", help="keep the last corpus's entries (and the cluster index) afterwards"
        )

    def handle(self, *args, docs, corpus, repeat, cluster, seed, keep, **options):
        if docs < 1 or repeat < 1:
            raise CommandError("--docs and --repeat must be at least 1.")
        try:
            self._run(docs, corpus, repeat, cluster, seed, keep, options.get("verbosity", 1))
        except KeyboardInterrupt:
            raise CommandError("Interrupted." + ("" if keep else " The synthetic entries were removed.")) from None

    def _run(self, docs, corpus, repeat, cluster, seed, keep, verbosity) -> None:
        self.verbosity = verbosity
        rng = random.Random(seed)  # noqa: S311 - repeatable synthetic text, not security
        names = ["realistic", "worst"] if corpus == "both" else [corpus]
        self.stdout.write(
            f"search_benchmark: {connection.display_name} database, {os.cpu_count()} CPUs, docs={docs}, "
            f"repeat={repeat}, seed={seed}"
        )
        self._delete(URL_PREFIX, "left by an earlier run")
        cluster_engine = None
        if cluster:
            from search.engines.cluster import ClusterEngine

            cluster_engine = ClusterEngine(cluster, index_prefix=CLUSTER_PREFIX)
        statistics_marks = self._statistics_marks()
        rows, queries_run = [], set()
        try:
            for position, name in enumerate(names):
                started = time.perf_counter()
                source = RealisticCorpus(rng) if name == "realistic" else WorstCorpus(rng)
                self.stdout.write(f"{name}: generating {docs} entries…")
                self._insert(source.entries(docs))
                queries = source.queries()
                queries_run.update(query for _, query in queries)
                self.stdout.write(
                    f"{name}: {docs} entries ({source.words // docs} words each on average) generated and "
                    f"inserted in {time.perf_counter() - started:.1f}s; {len(queries)} queries"
                )
                if self.verbosity >= 2:
                    for kind, query in queries:
                        self.stdout.write(f"  {kind:13} {query}")
                try:
                    engines: list[tuple[SearchEngine, dict]] = [(DatabaseEngine(), {"SEARCH_URL": ""})]
                    if cluster_engine:
                        view_settings = {"SEARCH_URL": cluster, "SEARCH_INDEX_PREFIX": CLUSTER_PREFIX}
                        engines.append((cluster_engine, view_settings))
                    for engine, view_settings in engines:
                        rows.append(self._measure(engine, view_settings, name, docs, queries, repeat))
                finally:
                    if not (keep and position == len(names) - 1):
                        self._delete(f"{URL_PREFIX}{name}/", f"of the {name} corpus")
        finally:
            if cluster_engine and not keep:
                try:
                    cluster_engine.drop()
                except Exception as error:  # noqa: BLE001 - report, and still clean up the database
                    self.stderr.write(f"Could not drop the {CLUSTER_PREFIX} index: {error}")
            reset_engine()
            self._forget_searches(statistics_marks, queries_run)
        self.stdout.write("")
        self.stdout.write("| engine | corpus | docs | engine p50 | engine p95 | view p50 | view p95 |")
        self.stdout.write("| --- | --- | --- | --- | --- | --- | --- |")
        for row in rows:
            self.stdout.write(row)

    # Entries -------------------------------------------------------------------------------------------

    def _insert(self, entries: Iterator[SearchEntry]) -> None:
        """bulk_create in batches of BATCH, all in one transaction (nothing is left if it is interrupted)."""
        with transaction.atomic():
            batch = []
            for entry in entries:
                batch.append(entry)
                if len(batch) == BATCH:
                    SearchEntry.objects.bulk_create(batch, batch_size=BATCH)
                    batch = []
            if batch:
                SearchEntry.objects.bulk_create(batch, batch_size=BATCH)
        if connection.vendor == "postgresql":
            # As autovacuum would soon after: without statistics the planner reads a fresh table badly
            # (the worst corpus at 20,000 entries: p50 118 ms before, far less after), and the GIN indexes
            # hold 20,000 new entries in their pending lists until a vacuum merges them (p50 68 ms before
            # the vacuum, 36 after, 2026-12-01): the benchmark measures the table as it is served.
            vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"  # a test's transaction
            with connection.cursor() as cursor:
                cursor.execute(f"{vacuum} {SearchEntry._meta.db_table}")

    def _delete(self, prefix: str, why: str) -> None:
        pks = list(
            SearchEntry.objects.filter(page__isnull=True, url_path__startswith=prefix)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not pks:
            return
        started = time.perf_counter()
        for start in range(0, len(pks), BATCH):
            chunk = pks[start : start + BATCH]
            with transaction.atomic():
                SearchEntry.objects.filter(pk__in=chunk).only("pk").delete()
            # A site whose engine is a cluster records each deletion for it: these entries were never sent.
            ClusterDeletion.objects.filter(entry_id__in=chunk).delete()
        self.stdout.write(f"Removed {len(pks)} synthetic entries {why} in {time.perf_counter() - started:.1f}s.")

    def _index(self, engine: SearchEngine, corpus: str) -> None:
        if type(engine).rebuild is not SearchEngine.rebuild:
            engine.rebuild()
            return
        # Today's database engine reads Wagtail's search backend, which bulk_create does not update.
        from wagtail.search import index as wagtail_index
        from wagtail.search.backends import get_search_backend

        if not issubclass(SearchEntry, wagtail_index.Indexed):
            return
        backend_index = get_search_backend().get_index_for_model(SearchEntry)
        entries = SearchEntry.objects.filter(page__isnull=True, url_path__startswith=f"{URL_PREFIX}{corpus}/")
        pks = list(entries.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            backend_index.add_items(SearchEntry, list(SearchEntry.objects.filter(pk__in=pks[start : start + BATCH])))

    # Timing --------------------------------------------------------------------------------------------

    def _measure(self, engine: SearchEngine, view_settings: dict, corpus: str, docs: int, queries, repeat) -> str:
        started = time.perf_counter()
        self._index(engine, corpus)
        indexing = time.perf_counter() - started
        label = engine.name
        if engine.name == "database":
            label = f"database ({connection.vendor})"
        elif getattr(engine, "flavour", ""):
            label = f"{engine.name} ({engine.flavour})"
        levels = frozenset({PUBLIC})
        totals: dict[str, int] = {}

        def call(query: str) -> None:
            totals[query] = engine.search(SearchRequest(query, levels, limit=10)).total

        client = Client()
        headers = self._request_headers()

        def view(query: str) -> None:
            response = client.get("/search/", {"q": query}, **headers)
            if response.status_code != 200:
                raise CommandError(f"/search/?q={query} answered {response.status_code} ({label})")

        engine_ms = self._time(call, queries, repeat)
        reset_engine()
        try:
            with override_settings(DEBUG=False, **view_settings):
                reset_engine()
                view_ms = self._time(view, queries, repeat)
        finally:
            reset_engine()
        engine_all = [ms for samples in engine_ms.values() for ms in samples]
        view_all = [ms for samples in view_ms.values() for ms in samples]
        self.stdout.write(
            f"{label} {corpus} docs={docs} index={indexing:.1f}s "
            f"engine p50={p50(engine_all):.1f}ms p95={p95(engine_all):.1f}ms "
            f"view p50={p50(view_all):.1f}ms p95={p95(view_all):.1f}ms ({len(engine_all)} timed queries each)"
        )
        if self.verbosity >= 2:
            for kind, query in queries:
                self.stdout.write(
                    f"  {kind:13} {query[:48]:48} {totals[query]:>6} found  engine p50 "
                    f"{p50(engine_ms[query]):7.1f}ms  view p50 {p50(view_ms[query]):7.1f}ms"
                )
        return (
            f"| {label} | {corpus} | {docs:,} | {p50(engine_all):.1f} ms | {p95(engine_all):.1f} ms | "
            f"{p50(view_all):.1f} ms | {p95(view_all):.1f} ms |"
        )

    @staticmethod
    def _time(run: Callable[[str], None], queries, repeat: int) -> dict[str, list[float]]:
        """Milliseconds per query: one untimed warm-up pass over the mix, then ``repeat`` timed passes."""
        for _, query in queries:
            run(query)
        samples: dict[str, list[float]] = {query: [] for _, query in queries}
        for _ in range(repeat):
            for _, query in queries:
                started = time.perf_counter()
                run(query)
                samples[query].append((time.perf_counter() - started) * 1000)
        return samples

    @staticmethod
    def _request_headers() -> dict:
        """An allowed host (and HTTPS where the settings redirect to it), for an anonymous reader."""
        host = next((h for h in settings.ALLOWED_HOSTS if h != "*"), "127.0.0.1")
        host = f"www{host}" if host.startswith(".") else host
        headers = {"HTTP_HOST": host, "SERVER_NAME": host}
        if getattr(settings, "SECURE_SSL_REDIRECT", False):
            headers["secure"] = True
            if proxy_header := getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
                headers[proxy_header[0]] = proxy_header[1]
        return headers

    # The view's search statistics -------------------------------------------------------------------------

    @staticmethod
    def _statistics_marks() -> dict[str, int]:
        from django.db.models import Max

        from wagtail.contrib.search_promotions.models import Query

        from insights.models import SearchTermDaily

        return {
            "query": Query.objects.aggregate(m=Max("pk"))["m"] or 0,
            "term": SearchTermDaily.objects.aggregate(m=Max("pk"))["m"] or 0,
        }

    @staticmethod
    def _forget_searches(marks: dict[str, int], queries: set[str]) -> None:
        """Remove the search statistics rows the view created for the benchmark's own queries (written after
        the responses, with others: first the counts still waiting in memory)."""
        from wagtail.contrib.search_promotions.models import Query
        from wagtail.search.utils import normalise_query_string

        from insights.models import SearchTermDaily
        from insights.recording import SEARCHES, normalise_term

        SEARCHES.flush()

        canonical = {str(parse(query)) for query in queries}
        Query.objects.filter(
            pk__gt=marks["query"], query_string__in={normalise_query_string(q) for q in canonical}
        ).delete()
        SearchTermDaily.objects.filter(pk__gt=marks["term"], term__in={normalise_term(q) for q in canonical}).delete()
