"""The search box's query parser: words, "phrases" and -exclusions, and nothing any engine reads as syntax."""

from __future__ import annotations

import pytest

from search.query import MAX_CHARS, MAX_TERMS, MAX_WORD_CHARS, SearchQuery, clean, parse


def test_words_phrases_and_exclusions():
    query = parse('social "looked-after children" -housing capital -"bonding capital"')
    assert query.words == ("social", "capital")
    assert query.phrases == (("looked-after", "children"),)
    assert query.excluded == (("housing",), ("bonding", "capital"))
    assert query.excluded_words == ("housing",)
    assert query.excluded_phrases == (("bonding", "capital"),)
    assert query.terms == ("social", "capital", "looked-after", "children")
    assert str(query) == 'social capital "looked-after children" -housing -"bonding capital"'


def test_an_unclosed_quote_runs_to_the_end():
    assert parse('"social capital').phrases == (("social", "capital"),)
    assert parse('x"y') == SearchQuery(words=("x",), phrases=(("y",),))
    assert parse('"') == SearchQuery()
    assert not parse('""')


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("NEAR(social capital, 5)", ("NEAR", "social", "capital", "5")),
        ("social AND OR NOT capital", ("social", "capital")),
        ("AND OR", ("AND", "OR")),
        ("(((", ()),
        ("x:y", ("x", "y")),
        ("title:capital*", ("title", "capital")),
        ("^capital +social ~2 {x} [y] \\z", ("capital", "social", "2", "x", "y", "z")),
        ("capital\x00social", ("capital", "social")),
        ("\x00", ()),
        ("'; DROP TABLE search_searchentry; --", ("DROP", "TABLE", "search", "searchentry")),
        ("council's looked‐after", ("council's", "looked", "after")),
        ("ｓｏｃｉａｌ ﬁnance", ("social", "finance")),
        ("😀 social 👩‍👩‍👧", ("social",)),
        ("Social social SOCIAL", ("Social",)),
        ("a-b- -c d--e", ("a-b", "d", "e")),
        ("£281,000 in 2024. 3.5% x,y 1,", ("281,000", "2024", "3.5", "x", "y", "1")),
    ],
)
def test_anything_else_is_a_separator(typed, words):
    assert parse(typed).words == words


def test_common_words_are_ignored_unless_quoted_or_alone():
    assert parse("how much does a residential placement cost").words == ("much", "residential", "placement", "cost")
    assert parse("isolation and loneliness").words == ("isolation", "loneliness")
    assert parse('"isolation and loneliness"').phrases == (("isolation", "and", "loneliness"),)
    assert parse("the who").words == ("the", "who")  # nothing else typed: the words are the query
    assert parse('what is "social capital"').words == ()


def test_a_hyphen_excludes_only_at_the_start_of_a_word():
    assert parse("-housing").excluded == (("housing",),)
    assert not parse("-housing")  # nothing left to look for
    assert parse("well-being -x").words == ("well-being",)
    assert parse("(-x").words == ("x",)


def test_limits():
    assert len(parse("word " * 1000).words) == 1
    assert len(parse(" ".join(f"w{i}" for i in range(1000))).terms) <= MAX_TERMS
    assert parse("x" * 10_000).words == ("x" * MAX_WORD_CHARS,)
    long_text = "a " * MAX_CHARS + "zebra"
    assert "zebra" not in parse(long_text).words
    repeated = "social capital " * 40  # the limit falls inside a word: that word is left out, not cut
    assert clean(repeated).endswith("capital") and len(clean(repeated)) <= MAX_CHARS
    assert parse(repeated).words == ("social", "capital")
    assert clean("x" * 10_000) == "x" * MAX_CHARS  # one word longer than the limit is still read
    assert parse("-" * 10_000) == SearchQuery()
    assert parse('"' * 10_001) == SearchQuery()


@pytest.mark.parametrize("typed", [None, 42, b"bytes", ["list"]])
def test_not_text_is_an_empty_query(typed):
    assert parse(typed) == SearchQuery()


def test_words_hold_no_character_an_engine_would_parse():
    typed = "".join(chr(code) for code in range(0, 0x3000)) + '"(){}[]:*^~\\/<>&|!+=@#$%;,.?'
    for word in parse(typed).terms + tuple(w for item in parse(typed).excluded for w in item):
        assert not set(word) & set('"(){}[]:*^~\\/<>&|!+=@#$%;,.?\x00 '), word


@pytest.mark.django_db  # the topic bonus reads the topics' names
def test_the_cluster_engine_builds_structured_queries_only():
    """match, match_phrase and bool must_not: never query_string, whose syntax a quote or colon would break."""
    import json

    from search.engines import SearchRequest
    from search.engines.cluster import TEXT_FIELDS, ClusterEngine

    engine = ClusterEngine("http://127.0.0.1:9")
    request = SearchRequest('social "looked-after children" -housing -"bonding capital" x:y NEAR( \x00', frozenset())
    body = engine._body(request)
    text = json.dumps(body)
    assert "query_string" not in text and "simple_query_string" not in text
    # The text query inside the ranking's function_score (its multipliers: search/ranking.py).
    query = body["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]
    assert query["must"][0]["multi_match"]["query"] == "social x y NEAR"
    assert query["must"][1]["multi_match"] == {
        "query": "looked-after children",
        "fields": TEXT_FIELDS,
        "type": "phrase",
    }
    assert [clause["multi_match"]["query"] for clause in query["must_not"]] == ["housing", "bonding capital"]
    assert "\\u0000" not in text


@pytest.mark.django_db  # the topic bonus reads the topics' names
def test_word_positions_and_recency_rescore_the_best_matches_of_a_search_by_relevance_only():
    """The phrase, proximity and all-words bonuses and recency multiply the score of the RESCORE_WINDOW best
    matches; a newest-first search (a sort: the cluster refuses a rescore with one) has none, a single word
    only recency. Every multiplier is at least 1, so a rescored match never falls below one outside the window."""
    from search.engines import SearchRequest
    from search.engines.cluster import RESCORE_WINDOW, ClusterEngine, position_functions

    engine = ClusterEngine("http://127.0.0.1:9")
    body = engine._body(SearchRequest("social capital", frozenset()))
    assert body["rescore"]["window_size"] == RESCORE_WINDOW and body["rescore"]["query"]["score_mode"] == "multiply"
    assert "phrase" not in str(body["query"])  # not read for every match
    assert "script" not in str(body["query"])  # nor is the recency script run for every match
    rescored = body["rescore"]["query"]["rescore_query"]["function_score"]["functions"]
    assert [next(iter(f)) for f in rescored] == ["filter", "filter", "filter", "script_score"]
    single = engine._body(SearchRequest("social", frozenset()))["rescore"]["query"]["rescore_query"]
    assert [next(iter(f)) for f in single["function_score"]["functions"]] == ["script_score"]
    assert "rescore" not in engine._body(SearchRequest("social capital", frozenset(), sort="newest"))
    assert all(function["weight"] >= 1 for function in position_functions(parse("social capital")))
