"""Other names from the glossary: a query that names a term one way also finds pages that name it another.

Each definition's title and "also known as" names (``SearchEntry.keywords``) are one group: "LAC",
"looked-after children" and "children in care". A query whose words include one name of a group (as
consecutive words) gains the group's other names as alternatives: phrases that match like one more word.
Only public definitions' names are read, so no name of a restricted page is ever added to a query.
"""

from __future__ import annotations

import dataclasses
import re

from django.core.cache import cache
from django.db import transaction

from .access import PUBLIC
from .models import SearchEntry
from .query import SearchQuery, Words

TOKEN = re.compile(r"[^\W_]+")
CACHE_KEY, CACHE_SECONDS = "hub-search-glossary-names", 600
MAX_NAME_WORDS = 5


def _tokens(text: str) -> Words:
    return tuple(token.casefold() for token in TOKEN.findall(text))


def name_groups() -> list[list[Words]]:
    """Every public definition's names, from the shared cache (emptied whenever a definition's entry is written)."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = []
        definitions = SearchEntry.objects.filter(kind="definition", variant=SearchEntry.Variant.FULL, access=PUBLIC)
        for title, keywords in definitions.values_list("title", "keywords"):
            names = [_tokens(name) for name in [title, *keywords.split(",")]]
            names = list(dict.fromkeys(name for name in names if name and len(name) <= MAX_NAME_WORDS))
            if len(names) > 1:
                groups.append(names)
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def forget_names() -> None:
    """Now, and again when the transaction commits (a search in between may have cached the old names)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def _contains(sequence: Words, part: Words) -> bool:
    return any(sequence[i : i + len(part)] == part for i in range(len(sequence) - len(part) + 1))


def with_synonyms(parsed: SearchQuery, groups: list[list[Words]] | None = None) -> SearchQuery:
    """``parsed`` with the other names of every glossary name its words (or phrases) hold."""
    typed = [_tokens(" ".join(parsed.words)), *(_tokens(" ".join(phrase)) for phrase in parsed.phrases)]
    tokens = {token for sequence in typed for token in sequence}
    alternatives: list[Words] = []
    for names in name_groups() if groups is None else groups:
        if not any(name[0] in tokens for name in names):  # the cheap test first: thousands of terms
            continue
        if any(_contains(sequence, name) for sequence in typed for name in names):
            alternatives += [name for name in names if not any(_contains(seq, name) for seq in typed)]
    if not alternatives:
        return parsed
    return dataclasses.replace(parsed, alternatives=tuple(dict.fromkeys(alternatives)))
