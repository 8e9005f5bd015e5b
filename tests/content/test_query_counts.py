"""N+1 guards: listings issue the same number of queries however many items they show."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.blog.models import BlogIndexPage
from content.glossary.models import GlossaryIndexPage
from content.papers.models import PaperSeriesPage
from content.topics.models import Topic
from tests.factories import BlogPageFactory, DefinitionPageFactory, PaperPageFactory, PersonFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_papers(count: int) -> None:
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    topic = Topic.objects.first()
    for _ in range(count):
        paper = PaperPageFactory(parent=series, authors=[PersonFactory()])
        paper.topics.add(topic)


def add_posts(count: int) -> None:
    blog = BlogIndexPage.objects.get()
    topic = Topic.objects.first()
    for _ in range(count):
        post = BlogPageFactory(parent=blog, authors=[PersonFactory()], body=[("paragraph", "<p>Text</p>")])
        post.topics.add(topic)


@pytest.mark.parametrize(
    ("url", "grow"),
    [
        ("/", add_papers),
        ("/papers/", add_papers),
        ("/papers/social-capital-2025/", add_papers),
        ("/blog/", add_posts),
        ("/topics/{topic}/", add_papers),
        ("/topics/{topic}/", add_posts),
        ("/feeds/papers/", add_papers),
        ("/feeds/blog/", add_posts),
        ("/sitemap.xml", add_papers),
    ],
)
def test_listing_queries_do_not_grow_with_items(client, url, grow):
    url = url.format(topic=Topic.objects.first().slug)
    before = count_queries(client, url)
    grow(5)
    after = count_queries(client, url)
    assert after == before, f"{url}: {before} queries with the demo content, {after} with five more items"


def test_glossary_queries_do_not_grow_with_terms(client):
    glossary = GlossaryIndexPage.objects.get()
    before = count_queries(client, glossary.url)
    for letter in "QXZ":
        DefinitionPageFactory(parent=glossary, title=f"{letter}uery term")
    assert count_queries(client, glossary.url) == before
