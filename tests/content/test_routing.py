"""Pages are routed from the site's root without its own row (content.core.views.serve_page), and find
exactly the page Wagtail's routing finds: every live page, routable pages' own routes, and 404s."""

from __future__ import annotations

import pytest

from django.test import RequestFactory

from wagtail.models import Page

from content.blog.models import BlogIndexPage
from content.core import request_memo
from content.papers.models import PaperPage, PaperSeriesPage
from content.topics.models import TopicIndexPage
from tests.factories import BlogPageFactory
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def wagtails_route(path: str):
    """What Wagtail's own routing (from the root's specific page) finds for ``path``."""
    request = RequestFactory().get(path, HTTP_HOST="localhost")
    page, args, kwargs = Page.route_for_request(request, path)
    return page.pk, type(page), args, kwargs


def test_every_live_page_is_the_page_wagtail_routes_to(client):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert len(pages) > 40
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        served = response.context["page"]
        assert (served.pk, type(served)) == wagtails_route(page.url)[:2], page.url


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
    for path in ["/blog/not-yet-out/", "/blog/no-such-post/", "/no/such/section/", "/papers/x/y/z/"]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Page not found" in soup(response).title.get_text()


def test_the_menu_comes_from_the_routing_query(client):
    """The top-level pages were read with the path: the menu lists the live, public ones in tree order."""
    response = client.get("/blog/")
    menu = [a.get_text(strip=True) for a in soup(response).select(".main-nav__list a")]
    root = Page.objects.get(depth=2)
    expected = [page.title for page in root.get_children().live().public().in_menu().order_by("path")]
    assert menu[: len(expected)] == expected
    assert request_memo.current() == {}  # nothing of the request's memo outlives it
