"""Other names: a query that names a thing one way also finds pages that name it another.

Each definition's title and "also known as" names (``SearchEntry.keywords``) are one group: "LAC",
"looked-after children" and "children in care"; so is each list of synonyms editors keep in the admin
(``SearchSynonym``: "loneliness, isolation, isolated"). A query whose words include one name of a group
(as consecutive words) gains the group's other names as alternatives: phrases that match like one more
word. Only public definitions' names are read, so no name of a restricted page is ever added to a query.
"""

from __future__ import annotations

import dataclasses
import re
import time

from django.core.cache import cache
from django.db import transaction

from .access import PUBLIC
from .models import SearchEntry, SearchSynonym
from .query import SearchQuery, Words

TOKEN = re.compile(r"[^\W_]+")
CACHE_KEY, CACHE_SECONDS = "hub-search-glossary-names", 600
LOCAL_SECONDS = 60
_local: tuple[float, dict[str, list[list[Words]]]] | None = None  # (when read, groups by first word)
MAX_NAME_WORDS = 5


def _tokens(text: str) -> Words:
    return tuple(token.casefold() for token in TOKEN.findall(text))


def name_groups() -> list[list[Words]]:
    """Every public definition's names and every synonym list, from the shared cache (emptied whenever a
    definition's entry or a synonym list is written)."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        definitions = SearchEntry.objects.filter(kind="definition", variant=SearchEntry.Variant.FULL, access=PUBLIC)
        lists = [[title, *keywords.split(",")] for title, keywords in definitions.values_list("title", "keywords")]
        lists += [words.split(",") for words in SearchSynonym.objects.values_list("words", flat=True)]
        groups = []
        for group in lists:
            names = [_tokens(name) for name in group]
            names = list(dict.fromkeys(name for name in names if name and len(name) <= MAX_NAME_WORDS))
            if len(names) > 1:
                groups.append(names)
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def _names_by_first_word() -> dict[str, list[list[Words]]]:
    """The groups by the first word of each of their names, kept by this process for LOCAL_SECONDS.

    Read from the shared cache, a glossary of 2,000 terms took 3 to 8 ms a search to unpickle and scan;
    kept here and looked up by word it takes microseconds. Another process sees a changed glossary within
    LOCAL_SECONDS (this one at once: ``forget_names``).
    """
    global _local
    if _local is None or time.monotonic() - _local[0] > LOCAL_SECONDS:
        by_first: dict[str, list[list[Words]]] = {}
        for names in name_groups():
            for first in dict.fromkeys(name[0] for name in names):
                by_first.setdefault(first, []).append(names)
        _local = (time.monotonic(), by_first)
    return _local[1]


def forget_names() -> None:
    """Now, and again when the transaction commits (a search in between may have cached the old names)."""
    global _local
    _local = None
    cache.delete(CACHE_KEY)

    def again() -> None:
        global _local
        _local = None
        cache.delete(CACHE_KEY)

    transaction.on_commit(again)


def _contains(sequence: Words, part: Words) -> bool:
    return any(sequence[i : i + len(part)] == part for i in range(len(sequence) - len(part) + 1))


def with_synonyms(parsed: SearchQuery, groups: list[list[Words]] | None = None) -> SearchQuery:
    """``parsed`` with the other names of every glossary name its words (or phrases) hold."""
    typed = [_tokens(" ".join(parsed.words)), *(_tokens(" ".join(phrase)) for phrase in parsed.phrases)]
    tokens = {token for sequence in typed for token in sequence}
    alternatives: list[Words] = []
    if groups is None:
        by_first = _names_by_first_word()
        candidates = {id(names): names for token in tokens for names in by_first.get(token, ())}.values()
    else:
        candidates = [names for names in groups if any(name[0] in tokens for name in names)]
    for names in candidates:
        if any(_contains(sequence, name) for sequence in typed for name in names):
            alternatives += [name for name in names if not any(_contains(seq, name) for seq in typed)]
    if not alternatives:
        return parsed
    return dataclasses.replace(parsed, alternatives=tuple(dict.fromkeys(alternatives)))
