"""The search page's own words and order (issue 14): filters before the results, no sort on nothing,
a long query said to be cut, announced papers labelled."""

from __future__ import annotations

import pytest

from search.query import MAX_CHARS
from tests.helpers import soup

pytestmark = pytest.mark.django_db
ANNOUNCED = "/papers/social-capital-2025/connected-and-well/"


def test_no_sort_control_on_zero_results(client):
    html = soup(client.get("/search/", {"q": "qqxzqqxz"}))
    assert html.select_one(".results-count").get_text().startswith("0 results")
    assert html.find("select", id="sort-select") is None


def test_the_filters_come_before_the_results(client):
    html = soup(client.get("/search/", {"q": "social capital"}))
    filters = html.select_one("details[data-filters]")
    assert filters is not None and filters.summary.get_text(strip=True) == "Filter results"
    assert "open" not in filters.attrs, "closed until the reader opens it"
    order = list(html.select("details[data-filters], .search-result"))
    assert order[0] is filters, "the filters come after a result"


def test_applied_filters_are_counted_and_leave_the_results_in_view(client):
    """Open with a filter applied, the list of filters pushed a phone's results two screens down."""
    html = soup(client.get("/search/", {"q": "social capital", "kind": "paper"}))
    filters = html.select_one("details[data-filters]")
    assert "open" not in filters.attrs and "(1 applied)" in filters.summary.get_text()


def test_a_long_query_is_said_to_be_cut(client):
    long_query = "neighbourhood " * (MAX_CHARS // 10)
    notice = soup(client.get("/search/", {"q": long_query})).find(id="query-truncated")
    assert notice is not None and f"first {MAX_CHARS} characters" in notice.get_text()
    assert soup(client.get("/search/", {"q": "neighbourhood"})).find(id="query-truncated") is None
    exactly = "n" * MAX_CHARS
    assert soup(client.get("/search/", {"q": exactly})).find(id="query-truncated") is None


def test_an_announced_paper_is_labelled_coming_soon(client):
    html = soup(client.get("/search/", {"q": "connected and well"}))
    link = html.select_one(f".search-result__title a[href='{ANNOUNCED}']")
    assert link is not None, "the announced paper is not among the results"
    assert "Coming soon" in link.find_parent("li").get_text()
    released = [a for a in html.select(".search-result__title a") if a["href"] != ANNOUNCED]
    assert released and all("Coming soon" not in a.find_parent("li").get_text() for a in released)


def test_a_locked_result_offers_sign_in_back_to_the_same_search(client, django_user_model):
    """A reader who is not signed in sees "Sign in" beside a members-only result, and signing in returns
    them to this search; a signed-in reader is offered none."""
    query = {"q": "stoke", "sort": "newest"}
    html = soup(client.get("/search/", query))
    locked = [li for li in html.select(".search-result") if li.select_one(".lock-label")]
    assert locked, "no members-only result for 'stoke'"
    link = locked[0].select_one("a[href^='/accounts/login/']")
    assert link is not None and link.get_text(" ", strip=True).startswith("Sign in to read ")
    assert link["href"] == "/accounts/login/?next=/search/%3Fq%3Dstoke%26sort%3Dnewest"
    client.force_login(django_user_model.objects.create_user("searcher", "searcher@example.org", "pw-Searcher-1"))
    assert not soup(client.get("/search/", query)).select(".search-result a[href^='/accounts/login/']")
