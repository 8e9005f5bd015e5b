"""schema.org JSON-LD parses and carries the properties search engines need."""

import pytest

from content.blog.models import BlogPage
from content.glossary.models import DefinitionPage, GlossaryIndexPage
from content.papers.models import PaperPage
from tests.helpers import json_ld

pytestmark = pytest.mark.django_db


def test_paper_is_a_report_with_authors_and_its_pdf(client):
    paper = PaperPage.objects.get(slug="the-ties-that-bind")
    (data,) = json_ld(client.get(paper.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Report"
    assert data["name"] == paper.title
    assert data["datePublished"] == paper.release_date.isoformat()
    assert data["url"] == f"http://localhost{paper.url}"
    assert data["author"] and all(a["@type"] == "Person" and a["name"] for a in data["author"])
    assert data["isPartOf"]["@type"] == "CreativeWorkSeries"
    assert data["encoding"]["encodingFormat"] == "application/pdf"
    assert data["encoding"]["contentUrl"].endswith(".pdf")


def test_announced_paper_offers_no_download_in_structured_data(client):
    paper = next(p for p in PaperPage.objects.live() if not p.is_released)
    (data,) = json_ld(client.get(paper.url))
    assert "encoding" not in data


def test_blog_post_is_a_blog_posting(client):
    post = BlogPage.objects.live().first()
    (data,) = json_ld(client.get(post.url))
    assert data["@type"] == "BlogPosting"
    for key in ("headline", "datePublished", "author", "url", "description"):
        assert data[key], key
    assert data["wordCount"] > 100


def test_glossary_is_a_defined_term_set_and_terms_are_defined_terms(client):
    glossary = GlossaryIndexPage.objects.get()
    (data,) = json_ld(client.get(glossary.url))
    assert data["@type"] == "DefinedTermSet"
    assert len(data["hasDefinedTerm"]) == DefinitionPage.objects.live().count()
    term = DefinitionPage.objects.get(slug="looked-after-children")
    (term_data,) = json_ld(client.get(term.url))
    assert term_data["@type"] == "DefinedTerm"
    assert term_data["name"] == term.title
    assert term_data["inDefinedTermSet"] == f"http://localhost{glossary.url}"
    assert "LAC" in term_data["alternateName"]


def test_json_ld_cannot_break_out_of_its_script_element(client):
    post = BlogPage.objects.live().first()
    post.intro = "Closing tag </script><script>alert(1)</script> in an intro"
    post.save_revision().publish()
    response = client.get(post.url)
    assert b"</script><script>alert(1)" not in response.content
    (data,) = json_ld(response)
    assert data["description"] == post.intro


def test_pages_carry_open_graph_and_twitter_meta(client):
    paper = PaperPage.objects.get(slug="the-ties-that-bind")
    from tests.helpers import soup

    html = soup(client.get(paper.url))
    meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in html.find_all("meta")}
    assert meta["og:title"] == paper.title
    assert meta["og:type"] == "article"
    assert meta["og:url"] == f"http://localhost{paper.url}"
    assert meta["description"] == meta["og:description"] == paper.summary
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"].startswith("http://localhost/static/")
