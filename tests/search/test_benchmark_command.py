"""search_benchmark runs end to end on a few entries and leaves nothing behind."""

from __future__ import annotations

import random
import re
from io import StringIO

import pytest

from django.core.management import call_command

from search.benchmark_corpus import URL_PREFIX, RealisticCorpus, build_vocabulary
from search.management.commands.search_benchmark import p95
from search.models import SearchEntry


@pytest.mark.django_db
def test_benchmark_times_both_corpora_and_cleans_up():
    before = SearchEntry.objects.count()
    out = StringIO()
    call_command("search_benchmark", docs=40, repeat=1, corpus="both", stdout=out)
    output = out.getvalue()
    for corpus in ("realistic", "worst"):
        assert re.search(rf"^\| database \(\w+\) \| {corpus} \| 40 \|( [\d.]+ ms \|){{4}}$", output, re.M), output
    assert "| engine | corpus | docs | engine p50 | engine p95 | view p50 | view p95 |" in output
    assert re.search(r"^search_benchmark: .*, calibration=\d+ms$", output, re.M), output  # how fast the machine was
    assert not SearchEntry.objects.filter(url_path__startswith=URL_PREFIX).exists()
    assert SearchEntry.objects.count() == before


def test_realistic_corpus_is_deterministic_and_shaped_like_text():
    vocabulary = build_vocabulary(random.Random(1))
    assert len(set(vocabulary)) == len(vocabulary) >= 20_000
    assert vocabulary[0] == "the"
    assert vocabulary == build_vocabulary(random.Random(1))

    corpus = RealisticCorpus(random.Random(7))
    entries = list(corpus.entries(30))
    for entry in entries:
        words = entry.text.split()
        assert 300 <= len(words) <= 3_000
        assert entry.text[0].isupper() and entry.text.endswith(".")
        assert 2 <= len(entry.title.split()) <= 5
    assert "\n\n" in entries[0].text
    kinds = {kind for kind, _ in corpus.queries()}
    assert {"frequent", "rare", "phrase", "exclusion", "misspelled", "question"} <= kinds
    again = RealisticCorpus(random.Random(7))
    assert [e.text for e in again.entries(30)] == [e.text for e in entries]
    assert again.queries() == corpus.queries()


def test_p95_is_nearest_rank():
    assert p95(list(range(1, 21))) == 19
    assert p95([5.0]) == 5.0
