"""The glossary: A to Z with anchors, term pages, and terms linked from any rich text."""

import pytest

from content.blog.models import BlogIndexPage
from content.glossary.models import DefinitionPage, GlossaryIndexPage
from tests.factories import BlogPageFactory, PersonFactory
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def test_a_to_z_links_to_every_letter_that_has_terms(client):
    glossary = GlossaryIndexPage.objects.get()
    html = soup(client.get(glossary.url))
    letters_with_terms = {t.title[0].upper() for t in DefinitionPage.objects.live()}
    links = {a["href"] for a in html.select('nav[aria-label="Glossary A to Z"] a')}
    assert links == {f"#letter-{letter}" for letter in letters_with_terms}
    for letter in letters_with_terms:
        assert html.find(id=f"letter-{letter}") is not None
    assert len(html.select("[data-glossary-term]")) == DefinitionPage.objects.live().count()
    assert html.find(id="glossary-filter-input") is not None


def test_term_page_has_definition_sources_related_terms_and_where_used(client):
    term = DefinitionPage.objects.get(slug="social-infrastructure")
    html = soup(client.get(term.url))
    text = html.get_text(" ", strip=True)
    assert term.short_definition in text
    assert "Sources" in text
    related = [a.get_text(strip=True) for a in html.select('aside a[href^="/definitions/"]')]
    assert related, "related terms are linked"
    used_in = html.find(id="used-in-heading")
    assert used_in is not None, "papers and posts that link the term are listed"
    used_links = [a["href"] for a in used_in.find_parent("section").select("a")]
    assert any(href.startswith("/papers/") for href in used_links)
    assert any(href.startswith("/blog/") for href in used_links)


def test_editors_link_terms_from_rich_text_and_readers_get_the_short_definition(client):
    term = DefinitionPage.objects.get(slug="community-wealth-building")
    post = BlogPageFactory(
        parent=BlogIndexPage.objects.get(),
        authors=[PersonFactory()],
        body=[("paragraph", f'<p>We practise <a linktype="page" id="{term.pk}">community wealth building</a>.</p>')],
    )
    html = soup(client.get(post.url))
    link = html.select_one("a.glossary-term")
    assert link["href"] == term.url
    assert link["data-definition"] == term.short_definition
    assert link["data-term"] == term.title
    # Wagtail's reference index now lists the post on the term's page.
    term_html = soup(client.get(term.url))
    assert post.title in term_html.get_text()


def test_links_to_other_pages_stay_plain_links(client):
    about = BlogIndexPage.objects.get()
    post = BlogPageFactory(
        parent=about,
        authors=[PersonFactory()],
        body=[("paragraph", f'<p>See <a linktype="page" id="{about.pk}">the blog</a>.</p>')],
    )
    html = soup(client.get(post.url))
    link = html.find("a", string="the blog")
    assert link["href"] == about.url
    assert "glossary-term" not in (link.get("class") or [])
