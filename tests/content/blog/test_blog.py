"""The blog index paginates and filters by topic and author; posts show reading time."""

import math

import pytest

from content.blog.models import BlogIndexPage, BlogPage
from content.core.models import Person
from content.topics.models import Topic
from tests.factories import BlogPageFactory, PersonFactory
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup(response).select(".post-list .card__title a")]


def test_blog_index_filters_by_topic_and_author(client):
    blog = BlogIndexPage.objects.get()
    topic = Topic.objects.filter(blog_posts__isnull=False).first()
    expected = list(BlogPage.objects.live().filter(topics=topic).order_by("-date").values_list("title", flat=True))
    assert titles(client.get(blog.url, {"topic": topic.slug})) == expected
    author = Person.objects.filter(blog_authorships__isnull=False).first()
    expected = list(
        BlogPage.objects.live().filter(blog_authors__person=author).order_by("-date").values_list("title", flat=True)
    )
    assert titles(client.get(blog.url, {"author": author.slug})) == expected


def test_blog_index_paginates_and_keeps_filters_in_page_links(client):
    blog = BlogIndexPage.objects.get()
    blog.posts_per_page = 3
    blog.save_revision().publish()
    topic = Topic.objects.get(slug="social-infrastructure")
    author = PersonFactory()
    for _ in range(7):
        post = BlogPageFactory(parent=blog, authors=[author], body=[("paragraph", "<p>x</p>")])
        post.topics.add(topic)
    first = client.get(blog.url, {"author": author.slug})
    assert len(titles(first)) == 3
    html = soup(first)
    pagination = html.find("nav", attrs={"aria-label": "Pagination"})
    assert pagination.select_one('[aria-current="page"]').get_text(strip=True).endswith("1")
    next_link = pagination.find("a", rel="next")["href"]
    assert f"author={author.slug}" in next_link and "page=2" in next_link
    assert len(titles(client.get(blog.url + next_link))) == 3
    assert len(titles(client.get(blog.url, {"author": author.slug, "page": 3}))) == 1
    # Out-of-range and junk page numbers show a real page, not an error.
    assert client.get(blog.url, {"page": "999"}).status_code == 200
    assert client.get(blog.url, {"page": "abc"}).status_code == 200


def test_post_shows_author_date_reading_time_topics_and_related_papers(client):
    post = BlogPage.objects.live().filter(related_papers__isnull=False).first()
    html = soup(client.get(post.url))
    text = html.get_text(" ", strip=True)
    assert post.authors[0].name in text
    assert post.date.strftime("%-d %B %Y") in text
    minutes = max(1, math.ceil(post.word_count / 200))
    assert f"{minutes} minute" in text
    assert html.select("aside .tag")
    related = html.find("h2", string="Related papers").find_parent("div").select("a")
    assert related and all(a["href"].startswith("/papers/") for a in related)
