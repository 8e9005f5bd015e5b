"""Other names from the glossary: a query that names a term one way also finds pages that name it another.

Each definition's title and "also known as" names (``SearchEntry.keywords``) are one group: "LAC",
"looked-after children" and "children in care". A query whose words include one name of a group (as
consecutive words) gains the group's other names as alternatives: phrases that match like one more word.
Only public definitions' names are read, so no name of a restricted page is ever added to a query.
"""

from __future__ import annotations

import re

from .access import PUBLIC
from .models import SearchEntry
from .query import SearchQuery, Words

TOKEN = re.compile(r"[^\W_]+")
MAX_NAME_WORDS = 5


def _tokens(text: str) -> Words:
    return tuple(token.casefold() for token in TOKEN.findall(text))


def name_groups() -> list[list[Words]]:
    groups = []
    definitions = SearchEntry.objects.filter(kind="definition", variant=SearchEntry.Variant.FULL, access=PUBLIC)
    for title, keywords in definitions.values_list("title", "keywords"):
        names = [_tokens(name) for name in [title, *keywords.split(",")]]
        names = list(dict.fromkeys(name for name in names if name and len(name) <= MAX_NAME_WORDS))
        if len(names) > 1:
            groups.append(names)
    return groups


def _contains(sequence: Words, part: Words) -> bool:
    return any(sequence[i : i + len(part)] == part for i in range(len(sequence) - len(part) + 1))


def with_synonyms(parsed: SearchQuery, groups: list[list[Words]] | None = None) -> SearchQuery:
    """``parsed`` with the other names of every glossary name its words (or phrases) hold."""
    typed = [_tokens(" ".join(parsed.words)), *(_tokens(" ".join(phrase)) for phrase in parsed.phrases)]
    alternatives: list[Words] = []
    for names in name_groups() if groups is None else groups:
        if any(_contains(sequence, name) for sequence in typed for name in names):
            alternatives += [name for name in names if not any(_contains(seq, name) for seq in typed)]
    if not alternatives:
        return parsed
    return SearchQuery(parsed.words, parsed.phrases, parsed.excluded, tuple(dict.fromkeys(alternatives)))
