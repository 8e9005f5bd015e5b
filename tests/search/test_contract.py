"""The contract every search engine keeps, run against each engine on the demo content."""

from __future__ import annotations

import re

import pytest

from django.db import connection

from content.case_studies.models import CaseStudyIndexPage
from content.glossary.models import DefinitionPage
from search.access import LOCAL_GOVERNMENT, MEMBERS_ONLY, PUBLIC
from search.engines import SearchRequest
from search.highlight import WORD, stem
from search.models import SearchEntry
from search.query import parse
from search.service import answer
from search.spelling import correct
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db

ANONYMOUS = frozenset({PUBLIC})
MEMBER = frozenset({PUBLIC, MEMBERS_ONLY})
COUNCIL = frozenset({PUBLIC, MEMBERS_ONLY, LOCAL_GOVERNMENT})
SECRET = "Zanzibarium"


def run(engine, query, levels=ANONYMOUS, **kwargs):
    return engine.search(SearchRequest(query, levels, **kwargs))


def urls(response):
    return [hit.entry.url_path for hit in response.hits]


def guarded_study():
    study = CaseStudyPageFactory(
        parent=CaseStudyIndexPage.objects.get(),
        title="Guarded study of tenancy support",
        summary="Public teaser about tenancy support.",
        audience="local_government",
        what_we_did=f"<p>The {SECRET} method of outreach.</p>",
    )
    study.save_revision().publish()
    return study


@pytest.fixture
def guarded(engine):
    study = guarded_study()
    engine.push_pending()
    return study


def test_finds_public_pages_by_their_words(engine):
    response = run(engine, "looked after children residential placement")
    assert response.total > 0
    assert "/definitions/looked-after-children/" in urls(response)[:5]


def test_restricted_body_matches_only_for_readers_of_its_tier(engine, guarded):
    assert run(engine, SECRET).total == 0
    assert run(engine, SECRET, MEMBER).total == 0
    council = run(engine, SECRET, COUNCIL)
    assert urls(council) == [guarded.url]
    assert SECRET in str(council.hits[0].snippet)


def test_restricted_page_is_found_by_its_teaser_and_shown_as_one(engine, guarded):
    response = run(engine, "guarded tenancy support")
    (hit,) = [hit for hit in response.hits if hit.entry.page_id == guarded.pk]
    assert hit.entry.variant == SearchEntry.Variant.TEASER
    assert SECRET not in str(hit.snippet) and SECRET not in hit.entry.text


def test_one_result_per_page_for_every_reader(engine, guarded):
    for levels in (ANONYMOUS, MEMBER, COUNCIL):
        response = run(engine, "tenancy support", levels, limit=50)
        page_ids = [hit.entry.page_id for hit in response.hits]
        assert page_ids.count(guarded.pk) == 1


def test_facets_count_results_and_narrow_them(engine):
    response = run(engine, "social capital", limit=100)
    kinds = {value.value: value.count for value in response.facets["kind"]}
    assert sum(kinds.values()) == response.total
    assert kinds["definition"] >= 3
    narrowed = run(engine, "social capital", filters={"kind": ("definition",)}, limit=100)
    assert narrowed.total == kinds["definition"]
    assert {hit.entry.kind for hit in narrowed.hits} == {"definition"}
    topic = response.facets["topic"][0]
    both = run(engine, "social capital", filters={"kind": ("definition",), "topic": (topic.value,)}, limit=100)
    assert both.total <= min(topic.count, kinds["definition"])
    assert all(topic.value in {t.slug for t in hit.entry.topics.all()} for hit in both.hits)
    years = {value.value for value in response.facets["year"]}
    assert "2025" in years


def test_sort_by_newest(engine):
    response = run(engine, "neighbourhood", sort="newest", limit=20)
    dates = [hit.entry.date for hit in response.hits if hit.entry.date]
    assert dates == sorted(dates, reverse=True)


def test_pages_of_results_do_not_overlap(engine):
    first = run(engine, "community", limit=5)
    second = run(engine, "community", offset=5, limit=5)
    assert first.total == second.total > 10
    assert not set(urls(first)) & set(urls(second))


def test_highlights_mark_the_words_that_matched(engine):
    response = run(engine, "participatory budgeting")
    assert "<mark>" in str(response.hits[0].snippet).lower()
    for hit in response.hits:  # text, not StreamField data
        assert "'value'" not in hit.entry.text and "'type'" not in hit.entry.text


def test_autocomplete_suggests_titles(engine):
    titles = [entry.title for entry in engine.autocomplete("commun", ANONYMOUS)]
    assert any(title.lower().startswith("community") for title in titles)


def test_unpublished_pages_leave_the_index(engine):
    term = DefinitionPage.objects.get(slug="civic-assets")
    assert "/definitions/civic-assets/" in urls(run(engine, "civic assets"))
    term.unpublish()
    engine.push_pending()
    assert "/definitions/civic-assets/" not in urls(run(engine, "civic assets"))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("infrastrucure", "infrastructure"),
        ("lonliness", "loneliness"),
        ("partcipatory budgetting", "participatory budgeting"),
        ("socail capital", "social capital"),
        ("volunteerng", "volunteering"),
    ],
)
def test_misspellings_are_corrected_from_what_the_reader_may_see(engine, typed, meant):
    assert run(engine, typed).total <= run(engine, meant).total
    response, corrected = answer(engine, SearchRequest(typed, ANONYMOUS))
    assert str(corrected) == meant
    assert run(engine, str(corrected)).total > 0


def test_restricted_text_never_changes_what_a_reader_is_offered(engine):
    """A word only a restricted page holds is neither offered nor allowed to block an offer."""
    before = answer(engine, SearchRequest("infrastructurx", ANONYMOUS))[1]
    study = CaseStudyPageFactory(
        parent=CaseStudyIndexPage.objects.get(),
        title="Guarded study",
        summary="Public teaser.",
        audience="local_government",
        what_we_did="<p>The infrastructurx and infrastructura programmes.</p>",
    )
    study.save_revision().publish()
    engine.push_pending()
    for typed in ("infrastructurx", "infrastructura"):
        corrected = answer(engine, SearchRequest(typed, ANONYMOUS))[1]
        assert str(corrected) == str(before) == "infrastructure"
    assert answer(engine, SearchRequest("infrastructura", COUNCIL))[1] is None  # a council reader finds it


def test_a_word_only_restricted_text_holds_is_never_offered_as_a_correction(engine, guarded):
    misspelt = SECRET[:-2] + SECRET[-1] + SECRET[-2]  # two letters swapped
    for levels in (ANONYMOUS, MEMBER):
        assert correct(parse(misspelt), lambda word, levels=levels: engine.finds(word, levels))[0] is None
    assert str(correct(parse(misspelt), lambda word: engine.finds(word, COUNCIL))[0]) == SECRET.lower()


# The query parser's words, phrases and exclusions, the same on every engine; nothing typed is syntax.
HOSTILE = ['"', 'x"y', '"a:b"', "\x00", "NEAR(a b)", "AND OR", "(((", "title:*", "^2", "-", "😀", "x" * 10_000]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_answered(engine, query):
    response = run(engine, query)
    assert response.total >= 0 and all(hit.entry for hit in response.hits)
    assert isinstance(engine.autocomplete(query, ANONYMOUS), list)


def test_a_phrase_must_match_with_its_words_in_order(engine):
    words = run(engine, "social capital", limit=100)
    phrase = run(engine, '"social capital"', limit=100)
    assert "/definitions/social-capital/" in urls(phrase)
    assert 0 < phrase.total < words.total and set(urls(phrase)) <= set(urls(words))
    for hit in phrase.hits:
        entry = hit.entry
        assert re.search(r"social\W+capital", f"{entry.title} {entry.keywords} {entry.summary} {entry.text}", re.I)
    assert run(engine, '"capital zanzibarium"').total == 0


def test_excluded_words_and_phrases_leave_entries_out(engine):
    assert "/definitions/social-capital/" in urls(run(engine, "social capital", limit=50))
    for query in ("social capital -capital", 'social capital -"social capital"'):
        found = urls(run(engine, query, limit=50))
        assert "/definitions/social-capital/" not in found, query
    assert run(engine, "-capital").total == 0  # only an exclusion: nothing to look for


def test_a_year_that_is_no_year_matches_nothing(engine):
    assert run(engine, "capital", filters={"year": ("9" * 30,)}).total == 0


@pytest.mark.parametrize("limit", [2000, 1], ids=["few matches", "many matches"])
def test_a_word_in_the_title_ranks_above_the_same_word_deep_in_a_text(limit, monkeypatch):
    """Beyond EXACT_RANK_LIMIT matches the database engine ranks from each entry's names (title and other
    names: SQLite's second index, PostgreSQL's name vector); either way the page named for the word comes
    first, and a title changed later is what ranks."""
    from search.engines import database, sql

    monkeypatch.setattr(sql, "EXACT_RANK_LIMIT", limit)
    engine = database.DatabaseEngine()
    filler = "Neighbourhood work carries on. " * 60
    SearchEntry.objects.create(
        variant=SearchEntry.Variant.FULL,
        access=PUBLIC,
        kind="paper",
        kind_label="Paper",
        title="A long report",
        summary="Findings.",
        text=f"{filler} Quenchwater appears once here.",
        url_path="/deep/",
    )
    named = SearchEntry.objects.create(
        variant=SearchEntry.Variant.FULL,
        access=PUBLIC,
        kind="paper",
        kind_label="Paper",
        title="Notes",
        summary="Findings.",
        text=filler,
        url_path="/named/",
    )
    assert urls(run(engine, "quenchwater")) == ["/deep/"]
    named.title = "Quenchwater schemes"
    named.save()
    assert urls(run(engine, "quenchwater")) == ["/named/", "/deep/"]
    named.delete()
    assert urls(run(engine, "quenchwater")) == ["/deep/"]


COMMON_QUERIES = [
    ("social capital", {}),
    ("community wealth building", {}),
    ('community wealth building "social capital"', {}),  # three words' pairs tier, and a phrase every match holds
    ('"social capital" trust', {}),
    ("community wealth building trust", {}),  # four words' pairs tier (six pairs)
    ("social capital -trust", {}),
    ("neighbourhood", {"kind": ("paper",)}),
    ("social", {"topic": ("community-wealth-building",)}),
    ("cwb", {}),  # a glossary term's other names
]


def test_a_common_word_on_a_site_without_topics_counts_what_a_rare_one_would(monkeypatch):
    """SQLite leaves a common word's topic counts out when nothing is filed under a topic: the totals and the
    other facets are still the exact plan's, and no topic is offered."""
    from search.engines import database, sql

    SearchEntry.topics.through.objects.all().delete()
    engine = database.DatabaseEngine()
    for levels in (ANONYMOUS, COUNCIL):
        monkeypatch.setattr(sql, "EXACT_RANK_LIMIT", 2000)
        exact = run(engine, "social capital", levels=levels, limit=500)
        monkeypatch.setattr(sql, "EXACT_RANK_LIMIT", 1)
        common = run(engine, "social capital", levels=levels, limit=500)
        assert exact.total > 0
        assert (common.total, common.facets) == (exact.total, exact.facets)
        assert common.facets["topic"] == []


@pytest.mark.parametrize(("query", "filters"), COMMON_QUERIES, ids=[q for q, _ in COMMON_QUERIES])
def test_a_common_word_finds_and_counts_what_a_rare_one_would(query, filters, monkeypatch):
    """Beyond EXACT_RANK_LIMIT matches SQLite ranks in tiers (names holding every word, some words, the
    rest) and counts facets from another index: the same entries, totals and facet counts, each entry on
    exactly one page, names first, whatever the reader may see."""
    from search.engines import database, sql

    guarded_study()
    engine = database.DatabaseEngine()
    for levels in (ANONYMOUS, MEMBER, COUNCIL):  # a member sees the council study's teaser
        for sort in ("relevance", "newest"):
            request = {"levels": levels, "filters": filters, "sort": sort}
            monkeypatch.setattr(sql, "EXACT_RANK_LIMIT", 2000)
            exact = run(engine, query, limit=500, **request)
            monkeypatch.setattr(sql, "EXACT_RANK_LIMIT", 1)
            common = run(engine, query, limit=500, **request)
            assert exact.total > 0
            assert (common.total, common.facets) == (exact.total, exact.facets)
            assert sorted(urls(common)) == sorted(urls(exact))
            pages = range(0, common.total, 3)
            paged = [url for offset in pages for url in urls(run(engine, query, offset=offset, limit=3, **request))]
            assert paged == urls(common)  # one order, each entry once
            if sort == "newest":
                assert urls(common) == urls(exact)
            elif connection.vendor == "sqlite":
                parsed = parse(query)
                words = [*(parsed.words or parsed.terms), *(" ".join(phrase) for phrase in parsed.phrases)]
                named = [all(word in hit.entry.title.lower() for word in words) for hit in common.hits]
                assert named == sorted(named, reverse=True), "entries named by every word come first"
                if 2 < len(parsed.words) <= 4 and not parsed.phrases:  # then names holding two of the words
                    wanted = {stem(word) for word in parsed.words}
                    paired = [
                        len(wanted & {stem(w) for w in WORD.findall(f"{hit.entry.title} {hit.entry.keywords}")}) >= 2
                        for hit in common.hits
                        if not all(word in hit.entry.title.lower() for word in words)
                    ]
                    assert paired == sorted(paired, reverse=True), "names holding two words next"
                    assert any(paired) or len(parsed.words) < 4  # the four-word query's demo names hold pairs
            if levels != COUNCIL:
                assert SECRET not in " ".join(str(hit.snippet) for hit in common.hits)
                assert all(
                    hit.entry.variant == SearchEntry.Variant.TEASER
                    for hit in common.hits
                    if hit.entry.access == "local_government"
                )


def test_a_paper_is_found_by_its_authors_name(engine):
    assert "/papers/social-capital-2025/the-ties-that-bind/" in urls(run(engine, "Hargreaves"))


def test_a_renamed_author_is_found_by_the_new_name(engine):
    from content.core.models import Person

    person = Person.objects.get(slug="tom-hargreaves")
    person.family_name = "Quillfeather"
    person.save()
    engine.push_pending()
    assert "/papers/social-capital-2025/the-ties-that-bind/" in urls(run(engine, "Quillfeather"))
