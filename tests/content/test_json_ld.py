"""schema.org JSON-LD parses and carries the properties search engines need."""

import pytest

from wagtail.models import get_page_models

from content.blog.models import BlogPage
from content.core.models import BasePage
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


PAGE_TYPES = [model for model in get_page_models() if issubclass(model, BasePage) and not model._meta.abstract]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_page_type_says_what_it_is_where_and_its_name(client, model):
    """BasePage builds what every page shares; a page type only adds its own (the home page's is a graph)."""
    page = model.objects.live().first()
    assert page, f"the demo content has no {model.__name__}"
    (data,) = json_ld(client.get(page.url))
    assert data["@context"] == "https://schema.org"
    nodes = data.get("@graph", [data])
    for node in nodes:
        assert node["@type"], node
        assert node["url"].startswith("http://localhost/"), node
        assert node.get("name") or node.get("headline"), node
    page_node = nodes[-1]
    assert page_node["@type"] == model.json_ld_type
    assert page_node["url"] == f"http://localhost{page.url}"
    assert page_node["name"] == page.title
