"""Feeds, sitemap, robots.txt and search list only live, public pages."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

from django.urls import resolve

from wagtail.models import PageViewRestriction

from content.blog.models import BlogIndexPage, BlogPage
from content.papers.models import PaperPage, PaperSeriesPage
from tests.factories import BlogPageFactory, PaperPageFactory, PersonFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
PRIVATE_TEXT = "Restricted words that only members may read"
DRAFT_TEXT = "Draft words nobody outside the editors may read"


@pytest.fixture
def hidden_pages():
    """A restricted paper and post, and an unpublished (draft) paper and post."""
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    blog = BlogIndexPage.objects.get()
    author = PersonFactory()
    private_paper = PaperPageFactory(
        parent=series, title="Private paper", summary=PRIVATE_TEXT, body=[("paragraph", f"<p>{PRIVATE_TEXT}</p>")]
    )
    private_post = BlogPageFactory(
        parent=blog, title="Private post", intro=PRIVATE_TEXT, authors=[author], body=[("paragraph", "<p>x</p>")]
    )
    for page in (private_paper, private_post):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    draft_paper = PaperPageFactory(parent=series, title="Draft paper", summary=DRAFT_TEXT, live=False)
    draft_post = BlogPageFactory(
        parent=blog, title="Draft post", intro=DRAFT_TEXT, live=False, authors=[author], body=[]
    )
    return [private_paper, private_post, draft_paper, draft_post]


@pytest.mark.parametrize("url", ["/feeds/papers/", "/feeds/blog/"])
def test_feeds_are_valid_atom_of_public_live_items_only(client, hidden_pages, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.entries, "the demo content gives every feed entries"
    body = response.content.decode()
    for page in hidden_pages:
        assert page.title not in body
    assert PRIVATE_TEXT not in body and DRAFT_TEXT not in body
    for entry in feed.entries:
        assert client.get(entry.link.replace("http://localhost", "")).status_code == 200


def test_papers_feed_lists_released_papers_newest_first(client):
    feed = feedparser.parse(client.get("/feeds/papers/").content)
    titles = [entry.title for entry in feed.entries]
    released = [p.title for p in PaperPage.objects.live().order_by("-release_date") if p.is_released]
    assert titles == released


def test_blog_feed_matches_published_posts(client):
    feed = feedparser.parse(client.get("/feeds/blog/").content)
    assert [entry.title for entry in feed.entries] == [
        p.title for p in BlogPage.objects.live().order_by("-date", "-pk")
    ]


def test_sitemap_is_valid_and_lists_only_public_live_pages(client, hidden_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert "http://localhost/" in locations
    assert "http://localhost/papers/social-capital-2025/the-ties-that-bind/" in locations
    assert "http://localhost/topics/social-infrastructure/" in locations
    assert "http://localhost/definitions/social-infrastructure/" in locations
    for page in hidden_pages:
        assert not any(page.slug in location for location in locations), page.slug
    assert len(locations) == len(set(locations))


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://localhost/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_search_finds_public_pages_and_never_hidden_ones(client, hidden_pages):
    response = client.get("/search/", {"q": "social infrastructure"})
    assert response.status_code == 200
    assert "result" in response.content.decode()
    for words in (PRIVATE_TEXT, DRAFT_TEXT):
        response = client.get("/search/", {"q": words})
        body = response.content.decode()
        for page in hidden_pages:
            assert page.title not in body and page.url not in body


def test_restricted_page_itself_asks_anonymous_readers_to_log_in(client, hidden_pages):
    response = client.get(hidden_pages[0].url)
    assert response.status_code == 302
    assert PRIVATE_TEXT not in response.content.decode()


def test_a_feed_keeps_no_request_on_the_instance_every_request_shares(client):
    """The URLconf holds one feed object for all requests: a request's own state must not stay on it, or a
    threaded server could build one reader's links from another request's site."""
    for path in ("/feeds/papers/", "/feeds/blog/"):
        assert client.get(path).status_code == 200
        shared = resolve(path).func
        assert not hasattr(shared, "request") and not hasattr(shared, "site")
