"""The glossary: A to Z with anchors, term pages, and terms linked from any rich text."""

import datetime

import pytest

from django.utils import timezone

from wagtail.models import PageViewRestriction

from content.blog.models import BlogIndexPage
from content.glossary.models import DefinitionPage, GlossaryIndexPage
from content.papers.models import PaperSeriesPage
from content.standard_pages.models import StandardPage
from tests.factories import BlogPageFactory, DefinitionPageFactory, PaperPageFactory, PersonFactory
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


def test_terms_that_start_with_a_number_or_symbol_are_reached_from_the_a_to_z(client):
    """A term such as "20-minute neighbourhood" is listed under "#": the strip had no entry for it, so the
    section could only be scrolled to. "#" comes first, as the section does, with a spoken name."""
    glossary = GlossaryIndexPage.objects.get()
    for title in ("20-minute neighbourhood", "?Unknown quantity"):
        DefinitionPageFactory(parent=glossary, title=title).save_revision().publish()
    html = soup(client.get(glossary.url))
    entries = html.select('nav[aria-label="Glossary A to Z"] li')
    assert len(entries) == 27
    first = entries[0].find("a")
    assert first["href"] == "#letter-symbols"
    assert first.get_text(" ", strip=True) == "# (terms that start with a number or symbol)"
    section = html.find(id="letter-symbols")
    assert section is not None and section["aria-labelledby"] == "letter-symbols-heading"
    titles = [dt.get_text(strip=True) for dt in section.select("dt")]
    assert titles == ["20-minute neighbourhood", "?Unknown quantity"]
    assert html.find(id="letter-#") is None, "an id with '#' in it"


def test_numbers_and_symbols_that_sort_before_a_and_after_z_share_one_section(client):
    """By title, "20-minute…" sorts before "A" but "~…" after "Z": grouped as they came, two "#" sections with
    one id (and two "#" entries in the strip)."""
    glossary = GlossaryIndexPage.objects.get()
    for title in ("20-minute neighbourhood", "~Tilde rule"):
        DefinitionPageFactory(parent=glossary, title=title).save_revision().publish()
    html = soup(client.get(glossary.url))
    assert len(html.select("#letter-symbols")) == 1
    assert [a["href"] for a in html.select('nav[aria-label="Glossary A to Z"] a')].count("#letter-symbols") == 1
    titles = [dt.get_text(strip=True) for dt in html.select("#letter-symbols dt")]
    assert titles == ["20-minute neighbourhood", "~Tilde rule"]
    assert html.select("section[data-glossary-group]")[0]["id"] == "letter-symbols"


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


def test_where_used_lists_released_public_papers_then_posts_newest_first(client):
    """What a reader may open, in the order of the page: papers by release, then posts by date; never an
    announced paper, an unpublished post, a member-only post or another kind of page."""

    term = DefinitionPageFactory(parent=GlossaryIndexPage.objects.get(), title="Quillwork")
    term.save_revision().publish()
    link = [("paragraph", f'<p>On <a linktype="page" id="{term.pk}">quillwork</a>.</p>')]
    today = timezone.localdate()
    series, blog = PaperSeriesPage.objects.get(slug="social-capital-2025"), BlogIndexPage.objects.get()

    def paper(title, days_ago):
        page = PaperPageFactory(parent=series, title=title, release_date=today - datetime.timedelta(days=days_ago))
        page.body = link
        page.save_revision().publish()
        return page

    def post(title, days_ago, **kwargs):
        page = BlogPageFactory(parent=blog, title=title, date=today - datetime.timedelta(days=days_ago), body=link)
        page.save_revision().publish()
        return page

    paper("Older paper", 300)
    paper("Newer paper", 10)
    paper("Announced paper", -20)
    post("Older post", 200)
    post("Newer post", 5)
    post("Unpublished post", 1).unpublish()
    PageViewRestriction.objects.create(page=post("Member post", 2), restriction_type=PageViewRestriction.LOGIN)
    about = StandardPage.objects.get(slug="about")
    about.body = link
    about.save_revision().publish()

    section = soup(client.get(term.url)).find(id="used-in-heading").find_parent("section")
    titles = [a.get_text(strip=True) for a in section.select("li a")]
    assert titles == ["Newer paper", "Older paper", "Newer post", "Older post"]
