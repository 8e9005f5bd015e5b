"""Spelling corrections from the words of the index, offered only when they find something the reader may see.

The vocabulary (``SearchWord``) holds the lower-case words of every entry. A typed word that is not in it
is compared with the vocabulary's words of similar length that begin with the same letter (on PostgreSQL,
and those ``pg_trgm`` finds similar), by Damerau-Levenshtein distance (rapidfuzz): at most one edit for words
of up to five letters, two for longer ones; the closest wins, then the most common. A correction is
offered only if each corrected word, searched on its own, finds an entry this reader may see, so the
vocabulary (which holds words of restricted pages too) never shows a reader a word they could not find.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable

from rapidfuzz.distance import DamerauLevenshtein

from django.db import connection, transaction
from django.db.models.functions import Length

from .models import SearchEntry, SearchWord
from .query import SearchQuery

VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,64}")
CANDIDATES = 2000  # the most candidate words compared for one typed word
BATCH = 2000


def words_of(text: str) -> set[str]:
    return {word.lower() for word in VOCABULARY_WORD.findall(text or "")}


def add_words(texts: Iterable[str]) -> None:
    """Record the words of newly written text (counts are brought up to date by ``rebuild_vocabulary``)."""
    words = set().union(*(words_of(text) for text in texts))
    if words:
        SearchWord.objects.bulk_create([SearchWord(word=w) for w in words], batch_size=BATCH, ignore_conflicts=True)


@transaction.atomic
def rebuild_vocabulary() -> int:
    """Recount every word of every entry (words no entry holds any more go)."""
    counts: Counter = Counter()
    rows = SearchEntry.objects.values_list("title", "keywords", "summary", "text")
    for row in rows.iterator(chunk_size=500):
        counts.update(words_of(" ".join(row)))
    SearchWord.objects.all().delete()
    SearchWord.objects.bulk_create([SearchWord(word=w, documents=n) for w, n in counts.items()], batch_size=BATCH)
    return len(counts)


def _candidates(word: str) -> list[tuple[str, int]]:
    """Words of similar length with the same first letter; on PostgreSQL, also those pg_trgm finds similar."""
    first = word[0]
    candidates = list(
        SearchWord.objects.filter(word__gte=first, word__lt=chr(ord(first) + 1))
        .annotate(length=Length("word"))
        .filter(length__range=(len(word) - 2, len(word) + 2))
        .values_list("word", "documents")[:CANDIDATES]
    )
    if connection.vendor == "postgresql":  # a typo in the first letter too ("ocial")
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word, documents FROM {SearchWord._meta.db_table} WHERE word %% %s "  # noqa: S608 - a table name
                "ORDER BY similarity(word, %s) DESC LIMIT %s",
                [word, word, CANDIDATES],
            )
            candidates += cursor.fetchall()
    return candidates


def closest(word: str) -> str | None:
    """The vocabulary word nearest to ``word``, or None when it is known or nothing is near enough."""
    lowered = word.lower()
    if not VOCABULARY_WORD.fullmatch(lowered) or SearchWord.objects.filter(word=lowered).exists():
        return None
    allowed = 1 if len(lowered) <= 5 else 2
    best: tuple[int, int, str] | None = None
    for candidate, documents in _candidates(lowered):
        if abs(len(candidate) - len(lowered)) > allowed:
            continue
        distance = DamerauLevenshtein.distance(lowered, candidate, score_cutoff=allowed)
        if distance <= allowed and (best is None or (distance, -documents, candidate) < best):
            best = (distance, -documents, candidate)
    return best[2] if best else None


def correct(parsed: SearchQuery, finds: Callable[[str], bool]) -> SearchQuery | None:
    """The query with its unknown words corrected, or None when there is nothing to correct.

    ``finds(word)`` says whether a word matches something the reader may see; a correction that does not
    is not offered.
    """
    changed = False

    def fix(words: tuple[str, ...]) -> tuple[str, ...]:
        nonlocal changed
        fixed = []
        for word in words:
            better = closest(word)
            if better and finds(better):
                fixed.append(better)
                changed = True
            else:
                fixed.append(word)
        return tuple(fixed)

    corrected = dataclasses.replace(parsed, words=fix(parsed.words), phrases=tuple(fix(p) for p in parsed.phrases))
    return corrected if changed else None
