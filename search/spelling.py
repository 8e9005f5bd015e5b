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
MAX_CHECKS = 5  # the nearest candidates searched for, in turn, before giving up
BATCH = 2000


def words_of(text: str) -> set[str]:
    return {word.lower() for word in VOCABULARY_WORD.findall(text or "")}


def add_words(texts: Iterable[str]) -> None:
    """Record the words of newly written text (counts are brought up to date by ``rebuild_vocabulary``)."""
    words = set().union(*(words_of(text) for text in texts))
    new = sorted(words - set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True)))
    if new:  # in order, so two publishes adding the same words never wait on each other in turn
        SearchWord.objects.bulk_create([SearchWord(word=w) for w in new], batch_size=BATCH, ignore_conflicts=True)


@transaction.atomic
def rebuild_vocabulary() -> int:
    """Recount every word of every entry (words no entry holds any more go)."""
    counts: Counter = Counter()
    rows = SearchEntry.objects.values_list("title", "keywords", "summary", "text")
    for row in rows.iterator(chunk_size=500):
        counts.update(words_of(" ".join(row)))
    SearchWord.objects.all().delete()
    SearchWord.objects.bulk_create(
        [SearchWord(word=w, documents=n) for w, n in sorted(counts.items())], batch_size=BATCH, ignore_conflicts=True
    )
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


def allowed_edits(word: str) -> int:
    """Edits a correction may make: none for words of up to four letters (too many near neighbours)."""
    return 0 if len(word) <= 4 else 1 if len(word) <= 9 else 2


def closest(word: str, finds: Callable[[str], bool], known: set[str] | None = None) -> tuple[str | None, bool]:
    """The nearest vocabulary word to ``word`` that finds something for this reader (or None), and
    whether ``word`` as typed finds anything for them (asked only of a word that could be corrected).

    No correction when the site writes ``word`` as typed where this reader can see it. Candidates that
    find nothing for the reader are passed over, so the answer is the same as if the vocabulary held only
    what the reader may see: it never tells them a word exists in text they cannot read. ``known``: the
    vocabulary words among the query's, when the caller has read them already (one query for them all).
    """
    lowered = word.lower()
    allowed = allowed_edits(lowered)
    if not allowed or not VOCABULARY_WORD.fullmatch(lowered):
        return None, True  # never corrected, so whether it finds anything is not asked
    found = finds(word)
    in_vocabulary = lowered in known if known is not None else SearchWord.objects.filter(word=lowered).exists()
    if found and in_vocabulary:
        return None, found
    ranked = []
    for candidate, documents in set(_candidates(lowered)):
        if abs(len(candidate) - len(lowered)) > allowed or candidate == lowered:
            continue
        distance = DamerauLevenshtein.distance(lowered, candidate, score_cutoff=allowed)
        if distance <= allowed:
            ranked.append((distance, -documents, candidate))
    for _, _, candidate in sorted(ranked)[:MAX_CHECKS]:
        if finds(candidate):
            return candidate, found
    return None, found


def correct(parsed: SearchQuery, finds: Callable[[str], bool]) -> tuple[SearchQuery | None, bool]:
    """The query with its misspelt words corrected (None when there is nothing to correct), and whether a
    corrected word found nothing at all as typed.

    ``finds(word)`` says whether a word matches something the reader may see; a correction that does not
    is not offered.
    """
    changed = False
    lost = False
    typed = {word.lower() for word in (*parsed.words, *(word for phrase in parsed.phrases for word in phrase))}
    known = set(SearchWord.objects.filter(word__in=typed).values_list("word", flat=True)) if typed else set()

    def fix(words: tuple[str, ...]) -> tuple[str, ...]:
        nonlocal changed, lost
        fixed = []
        for word in words:
            better, found = closest(word, finds, known)
            fixed.append(better or word)
            if better is not None:
                changed, lost = True, lost or not found
        return tuple(fixed)

    corrected = dataclasses.replace(parsed, words=fix(parsed.words), phrases=tuple(fix(p) for p in parsed.phrases))
    return (corrected if changed else None), lost
