"""The cluster's index: its analyzers, the document mapping, and an entry as the cluster stores it.

Matching reads English words (stemmed, common words dropped); suggestions read word prefixes and whole
names; the facets are keywords counted from global ordinals; ``day`` feeds the recency factor.
"""

from __future__ import annotations

from datetime import date

from elasticsearch_dsl import Date, Document, Integer, Keyword, Text, analyzer, char_filter, token_filter

from ..access import LEVELS
from ..models import SearchEntry

MAX_PREFIX, MAX_NAME = 20, 100  # edge n-grams up to these lengths; longer typed text is cut to them
EPOCH = date(1970, 1, 1)
english_stemmer = token_filter("hub_english_stemmer", type="stemmer", language="english")
english_stop = token_filter("hub_english_stop", type="stop", stopwords="_english_")
possessive = token_filter("hub_possessive", type="stemmer", language="possessive_english")
word_prefixes = token_filter("hub_word_prefixes", type="edge_ngram", min_gram=1, max_gram=MAX_PREFIX)
name_prefixes = token_filter("hub_name_prefixes", type="edge_ngram", min_gram=1, max_gram=MAX_NAME)
# "Looked-after children (LAC)" and "looked-after chil" both read as words separated by single spaces.
separators = char_filter("hub_separators", type="pattern_replace", pattern=r"[^\p{L}\p{N}]+", replacement=" ")


def analyzers():
    """English words (stemmed, common words dropped) for matching; word prefixes (of each word and of its
    stem: "communities" finds "community") and whole names (a title or other name, words separated by
    single spaces) for suggestions and the exact-name bonus."""
    english = analyzer(
        "hub_english",
        tokenizer="standard",
        filter=[possessive, "lowercase", "asciifolding", english_stop, english_stemmer],
    )
    words = [possessive, "lowercase", "asciifolding", "keyword_repeat", english_stemmer, "remove_duplicates"]
    prefix_index = analyzer("hub_prefix", tokenizer="standard", filter=[*words, word_prefixes, "remove_duplicates"])
    prefix_search = analyzer(
        "hub_prefix_search",
        tokenizer="standard",
        filter=[*words, token_filter("hub_prefix_cut", type="truncate", length=MAX_PREFIX), "remove_duplicates"],
    )
    name = ["lowercase", "asciifolding", "trim"]
    name_exact = analyzer("hub_name", char_filter=[separators], tokenizer="keyword", filter=name)
    name_index = analyzer(
        "hub_name_prefix", char_filter=[separators], tokenizer="keyword", filter=[*name, name_prefixes]
    )
    name_search = analyzer(
        "hub_name_prefix_search",
        char_filter=[separators],
        tokenizer="keyword",
        filter=[*name, token_filter("hub_name_cut", type="truncate", length=MAX_NAME)],
    )
    return english, prefix_index, prefix_search, name_exact, name_index, name_search


def document_class():
    english, prefix_index, prefix_search, name_exact, name_index, name_search = analyzers()

    def matched(**kwargs):  # only whether it matches counts (suggestions, bonuses), not how often
        return Text(similarity="boolean", index_options="docs", norms=False, **kwargs)

    def prefixes():
        return matched(analyzer=prefix_index, search_analyzer=prefix_search)

    class EntryDocument(Document):
        page_id = Keyword()
        variant = Keyword()
        access = Keyword()
        visibility = Keyword()
        kind = Keyword(eager_global_ordinals=True)
        kind_label = Keyword(index=False)
        title = Text(analyzer=english, fields={"raw": Keyword(), "prefix": prefixes()})
        keywords = Text(analyzer=english, fields={"prefix": prefixes()})
        summary = Text(analyzer=english, fields={"prefix": prefixes()})
        text_ = Text(analyzer=english)
        # The title and each other name: "starts with" for suggestions, "is" for the exact-name bonus.
        names = matched(
            analyzer=name_index, search_analyzer=name_search, fields={"exact": matched(analyzer=name_exact)}
        )
        url_path = Keyword(index=False)
        date = Date()
        day = Integer()  # days since 1970-01-01, for the recency factor
        year = Keyword(eager_global_ordinals=True)  # a facet: counted from ordinals, cheaper than numbers
        series = Keyword(eager_global_ordinals=True)
        local_authority = Keyword(eager_global_ordinals=True)
        topics = Keyword(eager_global_ordinals=True)

    return EntryDocument


def visibility_values(levels: frozenset[str]) -> list[str]:
    """The entries one reader sees: full entries at a level they read, teasers of the rest."""
    return [f"full:{level}" for level in levels] + [f"teaser:{level}" for level in LEVELS if level not in levels]


def entry_source(entry: SearchEntry) -> dict:
    visibility = f"{entry.variant}:{entry.access}"
    return {
        "page_id": str(entry.page_id),
        "variant": entry.variant,
        "access": entry.access,
        "visibility": visibility,
        "kind": entry.kind,
        "kind_label": entry.kind_label,
        "title": entry.title,
        "keywords": entry.keywords,
        "summary": entry.summary,
        "text_": entry.text,
        "names": [entry.title, *(name.strip() for name in entry.keywords.split(",") if name.strip())],
        "url_path": entry.url_path,
        "date": entry.date.isoformat() if entry.date else None,
        "day": day_number(entry.date),
        "year": str(entry.year) if entry.year else None,
        "series": entry.series or None,
        "local_authority": entry.local_authority or None,
        "topics": [topic.slug for topic in entry.topics.all()],
    }


def day_number(day: date | None) -> int | None:
    """Days since 1970-01-01 (the recency script's unit)."""
    return (day - EPOCH).days if day else None
