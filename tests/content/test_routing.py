"""Pages are routed from the site's root without its own row (content.core.views.serve_page), and find
exactly the page Wagtail's routing finds: every live page, routable pages' own routes, and 404s."""

from __future__ import annotations

import pytest

from django.test import RequestFactory

from wagtail.models import Page

from content.blog.models import BlogIndexPage
from content.core import request_memo
from content.core.models import BasePage
from content.papers.models import PaperPage, PaperSeriesPage
from content.topics.models import TopicIndexPage
from tests.factories import BlogPageFactory
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def wagtails_route(path: str, monkeypatch) -> tuple[int, type] | None:
    """What Wagtail's own routing finds for ``path``: Page.route, a level at a time, in place of the hub's."""
    with monkeypatch.context() as patched:
        patched.setattr(BasePage, "route", Page.route)
        request = RequestFactory().get(path, HTTP_HOST="localhost")
        result = Page.route_for_request(request, path)
    return (result[0].pk, type(result[0])) if result else None


def test_every_live_page_is_the_page_wagtail_routes_to(client, monkeypatch):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert len(pages) > 40
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        served = response.context["page"]
        assert (served.pk, type(served)) == wagtails_route(page.url, monkeypatch), page.url
        assert client.head(page.url).status_code == 200, page.url


def test_restricted_pages_are_routed_to_their_own_refusal(client, monkeypatch):
    """A page under a restriction is found, then refused (or shown as a teaser), as Wagtail's routing does."""
    for page in Page.objects.live().filter(depth__gt=2).exclude(pk__in=Page.objects.public()).specific()[:5]:
        assert wagtails_route(page.url, monkeypatch) == (page.pk, type(page))
        response = client.get(page.url)
        assert response.status_code in {200, 302}, page.url
        if response.status_code == 200:  # a case study's teaser, never its full text
            assert "teaser" in response.templates[0].name, page.url


def test_routable_pages_keep_their_own_routes(client):
    paper = PaperPage.objects.live().first()
    bibtex = client.get(f"{paper.url}cite/bibtex/")
    assert bibtex.status_code == 200 and bibtex.content.decode().lstrip().startswith("@")
    series = PaperSeriesPage.objects.live().first()
    assert client.get(f"{series.url}calendar/").status_code == 200
    topics = TopicIndexPage.objects.get()
    topic_page = client.get(f"{topics.url}social-infrastructure/")
    assert topic_page.status_code == 200
    assert soup(topic_page).h1.get_text(strip=True) == "Social infrastructure"


def test_drafts_and_unknown_paths_are_the_sites_own_404(client):
    draft = BlogPageFactory(parent=BlogIndexPage.objects.get(), title="Not yet out", slug="not-yet-out")
    draft.unpublish()
    for path in [
        "/blog/not-yet-out/",
        "/blog/no-such-post/",
        "/no-such-section/",
        "/no/such/section/",
        "/papers/x/y/z/",
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Page not found" in soup(response).title.get_text()


def test_the_menu_comes_from_the_routing_query(client, monkeypatch):
    """The top-level pages were read with the path: the menu lists the live, public ones in tree order."""

    def no_second_read(root):
        raise AssertionError("the menu read the top-level pages again")

    with monkeypatch.context() as patched:
        patched.setattr(request_memo, "top_level_pages", _memo_only(request_memo.top_level_pages, no_second_read))
        response = client.get("/blog/")
    menu = [a.get_text(strip=True) for a in soup(response).select(".main-nav__list a")]
    root = Page.objects.get(depth=2)
    expected = [page.title for page in root.get_children().live().public().in_menu().order_by("path")]
    assert menu[: len(expected)] == expected
    assert request_memo.current() == {}  # nothing of the request's memo outlives it


def _memo_only(top_level_pages, fallback):
    """``request_memo.top_level_pages`` that fails if the request's memo does not hold them already."""

    def wrapped(root):
        if "top_level_pages" not in request_memo.current():
            return fallback(root)
        return top_level_pages(root)

    return wrapped
