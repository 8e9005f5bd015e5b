"""The synthetic corpora of ``manage.py search_benchmark`` (its docstring describes them): a realistic one,
a Zipf-distributed vocabulary of pseudo-words with the site's own words among them, and the worst case, a
small vocabulary that every query matches. Both are repeatable from their random generator's seed."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import timedelta
from itertools import accumulate

from django.utils import timezone

from search.access import MEMBERS_ONLY, PUBLIC
from search.models import SearchEntry
from search.query import STOP_WORDS

URL_PREFIX = "/benchmark/"  # every synthetic entry's url_path starts so (and has no page)

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
