"""The search page as readers use it: answers, facets, promotions, suggestions, member-aware results."""

from __future__ import annotations

import pytest

from django.test import Client

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from content.case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content.papers.models import PaperPage
from search.access import PUBLIC
from search.engines import get_engine, reset_engine
from tests.factories import CaseStudyPageFactory
from tests.helpers import soup, text_of
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db
PHRASE = "Wobblethorpe outreach method"


@pytest.fixture
def study():
    page = CaseStudyPageFactory(
        parent=CaseStudyIndexPage.objects.get(),
        title="A members' study",
        summary="Public summary.",
        audience="members",
        what_we_did=f"<p>We used the {PHRASE}.</p>",
    )
    page.save_revision().publish()
    return page


def result_titles(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup(response).select(".search-result__title a")]


def test_a_glossary_term_is_answered_first(client):
    response = client.get("/search/", {"q": "social infrastructure"})
    html = soup(response)
    answer = html.select_one(".direct-answer")
    assert answer is not None and "Social infrastructure" in answer.get_text()
    assert answer.find("a")["href"] == "/definitions/social-infrastructure/"
    titles = result_titles(response)
    assert titles, "results follow the answer"
    abbreviation = soup(client.get("/search/", {"q": "LAC"})).select_one(".direct-answer")
    assert abbreviation is not None and "Looked-after children" in abbreviation.get_text()


def test_facets_show_counts_and_narrow_the_results(client):
    response = client.get("/search/", {"q": "social capital"})
    html = soup(response)
    definition_box = html.select_one('.facets input[name="kind"][value="definition"]')
    label = html.find("label", attrs={"for": definition_box["id"]}).get_text()
    count = int(label.rsplit("(", 1)[1].rstrip(")"))
    narrowed = client.get("/search/", {"q": "social capital", "kind": "definition"})
    assert f"{count} result" in text_of(narrowed)
    assert soup(narrowed).select_one('.facets input[name="kind"][value="definition"]').has_attr("checked")


def test_member_only_body_phrase_finds_nothing_logged_out_and_the_study_for_members(client, study):
    logged_out = client.get("/search/", {"q": PHRASE})
    assert study.title not in result_titles(logged_out)
    assert "outreach method" not in " ".join(result_titles(logged_out))
    member = Client(HTTP_HOST="localhost")
    member.force_login(make_member("reader@example.org"))
    response = member.get("/search/", {"q": PHRASE})
    assert result_titles(response)[0] == study.title
    assert "<mark>" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_teaser_results_carry_the_lock(client):
    study = CaseStudyPage.objects.live().filter(audience="local_government").first()
    response = client.get("/search/", {"q": study.title})
    result = next(r for r in soup(response).select(".search-result") if study.title in r.get_text())
    assert "Local government members only" in result.get_text()


def test_editors_promotions_come_first_but_never_reveal_a_restricted_page(client, study):
    paper = PaperPage.objects.get(slug="safe-at-home")
    query = Query.get("placements")
    SearchPromotion.objects.create(query=query, page=paper, sort_order=0, description="Start here")
    SearchPromotion.objects.create(query=query, page=study, sort_order=1, description="Secret pick")
    html = soup(client.get("/search/", {"q": "placements"}))
    promoted = html.select(".search-result--promoted")
    assert len(promoted) == 1 and paper.title in promoted[0].get_text()
    assert "Secret pick" not in html.get_text()


def test_a_misspelt_query_shows_the_corrected_results_and_says_so(client):
    html = soup(client.get("/search/", {"q": "partcipatory budgetting"}))
    correction = html.select_one(".spelling-correction")
    assert "Showing results for participatory budgeting" in correction.get_text(" ", strip=True)
    instead = [a for a in correction.select("a") if "Search instead" in a.parent.get_text()][0]
    assert instead["href"] == "/search/?q=partcipatory%20budgetting&spelling=exact"
    assert "/definitions/participatory-budgeting/" in [a["href"] for a in html.select(".search-result__title a")][:3]

    exact = soup(client.get("/search/", {"q": "partcipatory budgetting", "spelling": "exact"}))
    assert exact.select_one(".spelling-correction") is None  # searched as typed


def test_nothing_found_offers_ways_on(client):
    text = text_of(client.get("/search/", {"q": "zqxjvwk qqzzqq"}))
    assert "0 results" in text and "browse the papers" in text


@pytest.mark.parametrize("query", ['"', "-social", "?!"])
def test_typing_nothing_searchable_says_so(client, query):
    """A lone quote, only an exclusion or only punctuation: no "0 results for “”" but what to type instead."""
    page = soup(client.get("/search/", {"q": query}))
    assert "nothing to search for" in page.select_one(".results-count").get_text()
    assert page.title.get_text(strip=True).startswith("Search")
    assert "“”" not in page.get_text() and "results for" not in page.title.get_text()


def test_keyboard_users_can_skip_the_filters_to_the_results(client):
    page = soup(client.get("/search/", {"q": "social capital"}))
    skip = page.select_one("a.skip-to-results")
    target = page.select_one(skip["href"])
    assert target is not None and target.select(".search-result"), "the link lands on the results"
    order = page.select("a.skip-to-results, details[data-filters], #search-results")
    assert [element.name for element in order] == ["a", "details", "div"], "before the filters, after the sort"


def test_a_correction_never_shows_a_word_only_restricted_text_holds(client, study):
    misspelt = "Wobblethorpf"  # one letter from the members-only case study's word
    assert "Wobblethorpe" not in text_of(client.get("/search/", {"q": misspelt}))
    member = Client(HTTP_HOST="localhost")
    member.force_login(make_member("speller@example.org"))
    assert "Showing results for wobblethorpe" in text_of(member.get("/search/", {"q": misspelt}))


def test_suggestions_complete_a_word_and_list_locked_items_last_and_marked(client):
    lonel = client.get("/search/suggest/", {"q": "lonel"}).json()["suggestions"]
    assert lonel, "a word's beginning finds what is about it"
    locked = CaseStudyPageFactory(
        parent=CaseStudyIndexPage.objects.get(),
        title="Social prescribing in Leeds",
        summary="Public summary about social prescribing.",
        audience="local_government",
    )
    locked.save_revision().publish()
    everything = get_engine().autocomplete("soci", frozenset({PUBLIC}), limit=100)
    flags = [entry.variant == "teaser" for entry in everything]
    assert True in flags and flags == sorted(flags), "no locked item above one the reader may open"
    suggestions = client.get("/search/suggest/", {"q": "social presc"}).json()["suggestions"]
    marked = [s for s in suggestions if s["locked"]]
    assert marked[0]["title"] == "Social prescribing in Leeds"
    assert marked[0]["lock"] == "Local government members only"


def test_autocomplete_returns_titles_as_json(client):
    data = client.get("/search/suggest/", {"q": "commun"}).json()
    assert data["suggestions"]
    assert all({"title", "url", "kind"} <= set(s) for s in data["suggestions"])
    assert client.get("/search/suggest/", {"q": "c"}).json()["suggestions"] == []


def test_sort_and_pagination_keep_the_query_and_filters(client):
    response = client.get("/search/", {"q": "community", "sort": "newest", "kind": "blog"})
    html = soup(response)
    assert html.find("select", id="sort-select").find("option", selected=True)["value"] == "newest"
    for link in html.select(".pagination a"):
        assert "q=community" in link["href"] and "kind=blog" in link["href"] and "sort=newest" in link["href"]


def test_search_box_is_in_the_header_of_every_page(client):
    for url in ("/", "/papers/", "/definitions/", "/case-studies/"):
        form = soup(client.get(url)).select_one("header form[role=search]")
        assert form["action"] == "/search/" and form.find("input", attrs={"name": "q"})


def test_an_unreachable_cluster_degrades_to_the_database_engine(client, settings):
    settings.SEARCH_URL = "http://127.0.0.1:9/"
    settings.SEARCH_TIMEOUT = 1
    reset_engine()
    try:
        response = client.get("/search/", {"q": "social capital"})
        assert response.status_code == 200
        assert "may be incomplete" in text_of(response)
        assert result_titles(response)
    finally:
        reset_engine()


def test_junk_facet_values_are_ignored_not_errors(client):
    response = client.get("/search/", {"q": "social", "year": "abc", "kind": "nonsense"})
    assert response.status_code == 200
    assert "0 results" in text_of(response)


@pytest.mark.django_db
def test_case_study_contact_addresses_are_not_searchable():
    """Contacts' addresses stay private even to readers of the full case study (they use the relay)."""
    from search.models import SearchEntry

    study = CaseStudyPage.objects.live().exclude(contacts=[]).first()
    assert study is not None, "a demo case study names a contact"
    emails = [c.value["email"] for c in study.contacts if c.value.get("email")]
    names = [c.value["name"] for c in study.contacts]
    entries = SearchEntry.objects.filter(page=study)
    assert entries and all(not any(e in entry.text for e in emails) for entry in entries)
    assert any(names[0] in entry.text for entry in entries)


# Nothing typed is a server error (issue 9, item 4): the query is parsed, never handed to FTS5 as syntax.
HOSTILE_QUERIES = ['"', 'x"y', '"a:b"', "\x00", "NEAR(", "AND OR", "(((", "*", "^", "-", "😀", "x" * 10_000]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_answer_with_results_or_help(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert soup(response).select_one("#search-page-input") is not None
    if query.strip("\x00"):  # NUL alone is an empty box
        assert "result" in text_of(response)


def test_a_quoted_phrase_is_searched_as_a_phrase(client):
    response = client.get("/search/", {"q": '"social capital"'})
    assert response.status_code == 200
    titles = result_titles(response)
    assert any("social capital" in title.lower() for title in titles)
    assert soup(response).select_one("#search-page-input")["value"] == '"social capital"'


def test_excluded_words_leave_results_out(client):
    titles = result_titles(client.get("/search/", {"q": "social capital"}))
    assert any("bonding" in title.lower() for title in titles)
    without = result_titles(client.get("/search/", {"q": "social capital -bonding"}))
    assert without and not any("bonding" in title.lower() for title in without)


def test_a_page_number_too_large_for_the_database_is_the_first_page(client):
    first = result_titles(client.get("/search/", {"q": "capital"}))
    response = client.get("/search/", {"q": "capital", "page": "4611686018427387904"})
    assert response.status_code == 200
    assert result_titles(response) == first


@pytest.mark.parametrize("year", ["9" * 30, "-1", "0", "²", "2024.0"])
def test_a_year_that_is_no_year_is_no_filter(client, year):
    unfiltered = text_of(client.get("/search/", {"q": "capital"}))
    response = client.get("/search/", {"q": "capital", "year": year})
    assert response.status_code == 200
    assert text_of(response).split(" for ")[0] == unfiltered.split(" for ")[0]


@pytest.mark.parametrize("prefix", ['"x', '"', "\x00\x00", "NEAR(", '"commun'])
def test_suggestions_for_hostile_prefixes(client, prefix):
    response = client.get("/search/suggest/", {"q": prefix})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)
    if prefix == '"commun':
        assert response.json()["suggestions"]


def test_search_instead_survives_sorting_and_filtering(client):
    html = soup(client.get("/search/", {"q": "socail capital", "spelling": "exact"}))
    for form in html.select("form.sort-form, form.facets"):
        assert form.select_one("input[name=spelling][value=exact]") is not None


def test_a_page_past_the_last_shows_the_last_page(client):
    last = soup(client.get("/search/", {"q": "social", "page": 900}))
    assert last.select(".search-result__title a"), "results, not 'No results' under a count"


def test_head_requests_are_answered(client):
    assert client.head("/search/", {"q": "social"}).status_code == 200
    assert client.head("/search/suggest/", {"q": "soc"}).status_code == 200


def test_misspelt_words_of_four_letters_or_fewer_are_left_alone(client):
    assert soup(client.get("/search/", {"q": "art"})).select_one(".spelling-correction") is None


# The count that chooses the plan (SQLite), the search, its hits, the vocabulary, promotions and the page's frame
# (site, settings, menu, restrictions); tests/content/test_query_budget.py counts the database cache too.
SEARCH_QUERY_BUDGET = 9


def search_queries(client, query: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/search/", {"q": query})  # warm per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/search/", {"q": query}).status_code == 200
    # PostgreSQL's planner setting for the one statement is transaction control, not a read.
    control = ("SAVEPOINT", "RELEASE SAVEPOINT", "SET LOCAL")
    return len([query for query in queries.captured_queries if not query["sql"].startswith(control)])


def test_a_search_costs_the_same_queries_whatever_the_size_of_the_site(client, settings):
    """One statement ranks, pages and counts; the hits are read in one query: ten times the matching
    entries (and glossary terms, whose names are synonyms) cost no query more. The search's count for insight
    is written later, with others (insights.recording.SEARCHES), as in production."""
    settings.INSIGHTS_READ_FLUSH_SECONDS = 3600
    from content.blog.models import BlogIndexPage
    from content.glossary.models import GlossaryIndexPage
    from tests.factories import BlogPageFactory, DefinitionPageFactory

    before = search_queries(client, "social capital")
    blog, glossary = BlogIndexPage.objects.get(), GlossaryIndexPage.objects.get()
    for n in range(40):
        post = BlogPageFactory(
            parent=blog, title=f"Social capital note {n}", body=[("paragraph", "<p>Social capital.</p>")]
        )
        term = DefinitionPageFactory(parent=glossary, title=f"Capital form {n}", also_known_as=f"social capital {n}")
        for page in (post, term):
            page.save_revision().publish()
    after = search_queries(client, "social capital")
    assert before == after <= SEARCH_QUERY_BUDGET


def test_a_quoted_query_is_shown_once_quoted(client):
    page = soup(client.get("/search/", {"q": '"social infrastructure"'}))
    count = page.select_one(".results-count").get_text(" ", strip=True)
    assert count.endswith('for "social infrastructure"'), count
    assert "“" not in count


def test_authors_names_read_as_a_list_in_snippets(client):
    response = client.get("/search/", {"q": "Hargreaves"})
    assert b"Tom Hargreaves Priya" not in response.content and b"Raman Tom" not in response.content
