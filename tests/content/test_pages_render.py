"""Every page type renders from the demo content, with its essentials on the page."""

import pytest

from content.blog.models import BlogIndexPage, BlogPage
from content.glossary.models import DefinitionPage, GlossaryIndexPage
from content.home.models import HomePage
from content.papers.models import PaperPage, PaperSeriesPage, PapersIndexPage
from content.standard_pages.models import StandardPage
from content.topics.models import Topic, TopicIndexPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

PAGE_MODELS = [
    HomePage,
    PapersIndexPage,
    PaperSeriesPage,
    PaperPage,
    BlogIndexPage,
    BlogPage,
    GlossaryIndexPage,
    DefinitionPage,
    TopicIndexPage,
    StandardPage,
]


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_every_demo_page_of_each_type_renders(client, model):
    pages = list(model.objects.live())
    assert pages, f"the demo content has no {model.__name__}"
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = soup(response)
        assert html.find("h1").get_text(strip=True), f"{page.url} has no main heading"
        assert html.find("a", class_="skip-link")["href"] == "#main-content"
        assert html.find(id="main-content") is not None
        assert html.find("html")["lang"] == "en-GB"


def test_topic_pages_list_everything_on_the_topic(client):
    topic = Topic.objects.get(slug="social-infrastructure")
    response = client.get(f"/topics/{topic.slug}/")
    assert response.status_code == 200
    page_text = text_of(response)
    assert topic.name in page_text
    tagged_paper = PaperPage.objects.live().filter(topics=topic, release_date__isnull=False).first()
    assert tagged_paper.title in page_text


def test_unknown_topic_is_a_404_in_the_sites_design(client):
    response = client.get("/topics/no-such-topic/")
    assert response.status_code == 404
    assert "Page not found" in text_of(response)


def test_404_page_uses_the_site_design(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = soup(response)
    assert html.find("h1").get_text(strip=True) == "Page not found"
    assert html.find("nav", attrs={"aria-label": "Main"}) is not None
    assert html.find("form", attrs={"role": "search"}) is not None


def test_500_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "/static/css/hub.css" in html


def test_header_has_search_and_main_navigation(client):
    html = soup(client.get("/"))
    nav_links = [a.get_text(strip=True) for a in html.select('nav[aria-label="Main"] .main-nav__list a')]
    assert nav_links == ["Research papers", "Blog", "Definitions", "Topics", "Case studies", "About the network"]
    account_links = [a.get_text(strip=True) for a in html.select('nav[aria-label="Main"] .account-nav a')]
    assert account_links == ["Sign in", "Join"]
    footer_links = [a.get_text(strip=True) for a in html.select('nav[aria-label="Footer"] a')]
    for title in ("Accessibility statement", "Privacy notice"):
        assert any(title.lower() in link.lower() for link in footer_links), footer_links


def test_breadcrumbs_lead_home_and_mark_the_current_page(client):
    paper = PaperPage.objects.live().filter(slug="the-ties-that-bind").get()
    html = soup(client.get(paper.url))
    crumbs = html.select('nav[aria-label="Breadcrumb"] li')
    assert [c.get_text(strip=True) for c in crumbs] == ["Home", "Research papers", "Social Capital 2025", paper.title]
    assert crumbs[-1].find(attrs={"aria-current": "page"}) is not None


def test_a_topics_breadcrumbs_go_back_through_topics(client):
    html = soup(client.get("/topics/community-wealth-building/"))
    crumbs = html.select('nav[aria-label="Breadcrumb"] li')
    assert [c.get_text(strip=True) for c in crumbs] == ["Home", "Topics", "Community wealth building"]
    assert crumbs[1].a["href"] == "/topics/"


def test_home_page_shows_latest_papers_posts_signup_and_definitions(client):
    html = soup(client.get("/"))
    headings = [h.get_text(strip=True) for h in html.find_all("h2")]
    assert "Latest papers" in headings
    assert "From the blog" in headings
    assert "Key terms" in headings
    assert "Join the network" in headings
    assert html.find(class_="sample-banner"), "demo content is marked as sample content"
    signup = html.select_one(".callout--signup a.button--primary")
    assert signup["href"] == "/accounts/signup/" and signup.get_text(strip=True) == "Join the network"
