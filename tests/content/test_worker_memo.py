"""What a worker keeps between requests (content.core.worker_memo): fresh after every change, never what decides
access, nothing from a preview, and pages still whole when the cache cannot keep anything."""

from __future__ import annotations

import pytest

from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

from content.blog.models import BlogIndexPage, BlogRelatedPaper
from content.case_studies.models import MEMBER_ONLY_FIELDS, Audience, CaseStudyIndexPage, CaseStudyPage
from content.core import worker_memo
from content.core.models import SiteSettings, for_serving
from content.glossary.models import DefinitionPage, GlossaryIndexPage
from content.papers.models import PaperSeriesPage
from content.standard_pages.models import StandardPage
from tests.factories import BlogPageFactory, DefinitionPageFactory, PersonFactory, TopicFactory
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def where_used(client, term) -> list[str]:
    section = soup(client.get(term.url)).find(id="used-in-heading")
    return [a.get_text(strip=True) for a in section.find_parent("section").select("li a")] if section else []


def related(client, term) -> list[str]:
    return [a.get_text(strip=True) for a in soup(client.get(term.url)).select('aside a[href^="/definitions/"]')]


def post_linking(term, title: str):
    post = BlogPageFactory(
        parent=BlogIndexPage.objects.get(),
        title=title,
        authors=[PersonFactory()],
        body=[("paragraph", f'<p>On <a linktype="page" id="{term.pk}">{term.title.lower()}</a>.</p>')],
    )
    post.save_revision().publish()
    return post


@pytest.fixture
def term():
    term = DefinitionPageFactory(parent=GlossaryIndexPage.objects.get(), title="Quillwork")
    term.save_revision().publish()
    return term


def test_a_second_reader_of_a_term_costs_no_second_look_up_of_where_it_is_used(client, term):
    post_linking(term, "A post on quillwork")
    assert where_used(client, term) == ["A post on quillwork"]
    with CaptureQueriesContext(connection) as queries:
        assert where_used(client, term) == ["A post on quillwork"]
    assert not [q for q in queries.captured_queries if "wagtailcore_referenceindex" in q["sql"]]


def test_what_was_kept_goes_when_an_editor_publishes_unpublishes_or_restricts(client, term):
    first = post_linking(term, "First post on quillwork")
    assert where_used(client, term) == ["First post on quillwork"]

    post_linking(term, "Second post on quillwork")
    assert where_used(client, term) == ["Second post on quillwork", "First post on quillwork"]

    first.unpublish()
    assert where_used(client, term) == ["Second post on quillwork"]

    other = DefinitionPage.objects.get(slug="social-capital")
    term.related_terms.add(other)
    term.save_revision().publish()
    assert related(client, term) == [other.title]
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    assert related(client, term) == []


def test_a_restriction_is_obeyed_even_when_the_generation_could_not_be_replaced(client, term):
    """The cache down while an editor restricts pages (simulated: the old generation put back) leaves what
    the worker kept under the old one; no restricted page, title or definition is shown from it."""
    post = post_linking(term, "Post on quillwork")
    other = DefinitionPage.objects.get(slug="social-capital")
    term.related_terms.add(other)
    term.save_revision().publish()
    reader = soup(client.get(post.url))
    assert reader.select_one("a.glossary-term")["data-definition"] == term.short_definition
    assert where_used(client, term) == ["Post on quillwork"]
    assert related(client, term) == [other.title]
    cache = caches["default"]
    old = cache.get(worker_memo.GENERATION_KEY)

    for page in (post, other):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    cache.set(worker_memo.GENERATION_KEY, old, timeout=None)
    assert where_used(client, term) == []
    assert related(client, term) == []

    public_post = post_linking(term, "Public post on quillwork")
    assert soup(client.get(public_post.url)).select_one("a.glossary-term")  # kept under the new generation
    new = cache.get(worker_memo.GENERATION_KEY)
    PageViewRestriction.objects.create(page=term, restriction_type=PageViewRestriction.LOGIN)
    cache.set(worker_memo.GENERATION_KEY, new, timeout=None)
    html = soup(client.get(public_post.url))
    link = html.find("a", string="quillwork")
    assert link["href"] == term.url
    assert not link.has_attr("data-definition"), "a member-only term's definition stays with members"
    assert term.short_definition not in html.get_text()


def test_a_preview_of_a_draft_keeps_nothing_for_the_live_page(client, term):
    live_related = DefinitionPage.objects.get(slug="social-capital")
    draft_only = DefinitionPage.objects.get(slug="social-infrastructure")
    term.related_terms.add(live_related)
    term.save_revision().publish()

    request_started.send(sender=None)  # the editor's preview request
    try:
        draft = DefinitionPage.objects.get(pk=term.pk)
        draft.related_terms.set([draft_only])  # in memory only, as a preview of unsaved changes holds it
        request = RequestFactory().get(term.url, HTTP_HOST="localhost")
        request.is_preview = True
        draft.get_context(request)
        assert [t.title for t in draft.get_related_terms()] == [draft_only.title]
    finally:
        request_finished.send(sender=None)

    assert related(client, term) == [live_related.title]


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_without_a_cache_nothing_is_kept_and_pages_are_whole(client, term):
    post_linking(term, "Post on quillwork")
    for _ in range(2):
        assert where_used(client, term) == ["Post on quillwork"]
    with CaptureQueriesContext(connection) as queries:
        where_used(client, term)
    assert [q for q in queries.captured_queries if "wagtailcore_referenceindex" in q["sql"]], "read afresh"


def test_a_changed_setting_or_site_shows_on_the_next_page(client):
    """Every page shows the site settings and is routed from the site's root: both kept by the worker."""
    assert "Renamed Network" not in client.get("/").content.decode()
    values = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values.organisation_name = "Renamed Network"
    values.save()
    assert "Renamed Network" in client.get("/").content.decode()

    blog = BlogIndexPage.objects.get()
    assert soup(client.get("/", HTTP_HOST="127.0.0.1")).h1.get_text(strip=True) != blog.title
    site = Site.objects.create(hostname="127.0.0.1", port=80, root_page=blog, site_name="The blog on its own")
    try:
        assert soup(client.get("/", HTTP_HOST="127.0.0.1")).h1.get_text(strip=True) == blog.title
    finally:
        site.delete()  # Wagtail's own cache of site root paths outlives the test's rollback otherwise


def test_the_blog_index_never_lists_or_offers_a_restricted_post_from_what_was_kept(client):
    """The listing and its filters are kept; a post restricted while the generation could not be replaced is
    still neither listed nor offered as a topic or author filter."""
    blog = BlogIndexPage.objects.get()
    author = PersonFactory(given_names="Quentin", family_name="Zebedee")
    post = BlogPageFactory(parent=blog, title="Zebedee's only post", authors=[author])
    post.save_revision().publish()
    html = soup(client.get(blog.url))
    assert "Zebedee's only post" in html.get_text()
    assert html.select_one(f'#filter-author option[value="{author.slug}"]')
    old = caches["default"].get(worker_memo.GENERATION_KEY)

    PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.LOGIN)
    caches["default"].set(worker_memo.GENERATION_KEY, old, timeout=None)
    html = soup(client.get(blog.url))
    assert "Zebedee's only post" not in html.get_text()
    assert not html.select_one(f'#filter-author option[value="{author.slug}"]')


def test_the_home_page_shows_three_public_papers_and_posts_from_what_was_kept(client):
    """The home page's lists are kept a few longer than shown: a post restricted while the generation could not
    be replaced is skipped and the next one shown instead, still three."""
    blog = BlogIndexPage.objects.get()
    for number in range(4):
        BlogPageFactory(parent=blog, title=f"Home post {number}", authors=[PersonFactory()]).save_revision().publish()

    def latest_posts() -> list[str]:
        section = soup(client.get("/")).find(id="latest-posts-heading").find_parent("section")
        return [a.get_text(strip=True) for a in section.select(".card__title a")]

    shown = latest_posts()
    assert len(shown) == 3 and all(title.startswith("Home post") for title in shown)
    old = caches["default"].get(worker_memo.GENERATION_KEY)
    newest = BlogIndexPage.objects.get().get_children().get(title=shown[0])
    PageViewRestriction.objects.create(page=newest, restriction_type=PageViewRestriction.LOGIN)
    caches["default"].set(worker_memo.GENERATION_KEY, old, timeout=None)

    now = latest_posts()
    assert shown[0] not in now and len(now) == 3 and now[:2] == shown[1:]


def test_routing_follows_a_rename_an_unpublish_and_a_restriction_at_once(client, term):
    """The tree rows down a path and the page itself are kept; a renamed or unpublished page is found or not
    found at once, and a restriction is obeyed even when the generation could not be replaced."""
    old_url = term.url
    assert client.get(old_url).status_code == 200
    term.slug = "quillwork-renamed"
    term.save_revision().publish()
    term.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(term.url).status_code == 200

    term.unpublish()
    assert client.get(term.url).status_code == 404
    term.save_revision().publish()
    assert term.short_definition in client.get(term.url).content.decode()

    old = caches["default"].get(worker_memo.GENERATION_KEY)
    PageViewRestriction.objects.create(page=term, restriction_type=PageViewRestriction.LOGIN)
    caches["default"].set(worker_memo.GENERATION_KEY, old, timeout=None)
    response = client.get(term.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_kept_page_is_built_afresh_for_each_request(client):
    """What one request sets on its page (Wagtail and the hub note things on it) never reaches the next."""
    post = BlogIndexPage.objects.get().get_children().live().first()
    request_started.send(sender=None)
    try:
        first = for_serving(post)
        first.title = "Changed in one request"
        first.body[0]  # the body's blocks are read (and cached on that request's value)
        second = for_serving(post)
    finally:
        request_finished.send(sender=None)
    assert second is not first and second.body is not first.body
    assert second.title == post.title


def stale(cache_value: str) -> None:
    """Put an earlier generation back, as if the change's replacement of it had failed (the cache down)."""
    caches["default"].set(worker_memo.GENERATION_KEY, cache_value, timeout=None)


def test_a_page_moved_or_unpublished_while_the_generation_was_lost_is_not_served_from_what_was_kept(client, term):
    about = StandardPage.objects.get(slug="about")
    members_area = StandardPage(title="Members' corner", slug="members-corner")
    about.get_parent().add_child(instance=members_area)
    members_area.save_revision().publish()
    PageViewRestriction.objects.create(page=members_area, restriction_type=PageViewRestriction.LOGIN)
    guide = StandardPage(title="A guide to quillwork", slug="quillwork-guide")
    about.add_child(instance=guide)
    guide.save_revision().publish()
    guide_url = guide.url
    assert client.get(guide_url).status_code == 200
    old = caches["default"].get(worker_memo.GENERATION_KEY)

    guide.move(members_area, pos="last-child")
    stale(old)
    at_old_address = client.get(guide_url)  # Wagtail's redirect from the old address, or not found
    assert at_old_address.status_code in (301, 404) and b"A guide to quillwork" not in at_old_address.content
    guide.refresh_from_db()
    assert client.get(guide.url).status_code == 302, "under the restriction at its new one"

    assert client.get(term.url).status_code == 200
    old = caches["default"].get(worker_memo.GENERATION_KEY)
    term.unpublish()
    stale(old)
    assert client.get(term.url).status_code == 404


def test_every_kept_list_is_filtered_again_by_the_requests_own_restrictions(client):
    """Papers on the papers index, the series and a post's related papers, and the menu's top-level pages."""
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    paper = next(p for p in series.get_children().live().specific() if p.is_released)
    post = BlogIndexPage.objects.get().get_children().live().first().specific
    post.related_papers.add(BlogRelatedPaper(paper=paper))
    post.save_revision().publish()
    about = StandardPage.objects.get(slug="about")

    def shown() -> dict[str, bool]:
        return {
            "papers index": paper.title in client.get("/papers/").content.decode(),
            "series": paper.title in client.get(series.url).content.decode(),
            "related papers": paper.title in soup(client.get(post.url)).select_one("aside").get_text(),
            "menu": bool(soup(client.get("/")).select_one(f'nav#main-nav a[href="{about.url}"]')),
        }

    assert shown() == dict.fromkeys(shown(), True)
    old = caches["default"].get(worker_memo.GENERATION_KEY)
    for page in (paper, about):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    stale(old)
    assert shown() == dict.fromkeys(shown(), False)


def test_the_topic_page_glossary_and_case_study_list_are_filtered_again_by_the_requests_own_restrictions(client):
    """Kept lists of the topic page (papers, posts, definitions, case studies), the glossary's terms and the
    case-study list: pages restricted while the generation could not be replaced are not listed from them."""
    topic = TopicFactory(name="Quillwork craft")
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    paper = next(p for p in series.get_children().live().specific() if p.is_released)
    post = BlogIndexPage.objects.get().get_children().live().first().specific
    term = DefinitionPage.objects.get(slug="social-capital")
    study = CaseStudyPage.objects.live().filter(audience=Audience.MEMBERS).first()
    for page in (paper, post, term, study):
        page.topics.add(topic)
        page.save_revision().publish()

    def card_titles(url: str, selector: str = ".card__title a") -> set[str]:
        return {a.get_text(strip=True) for a in soup(client.get(url)).select(selector)}

    def shown() -> dict[str, bool]:
        on_topic = card_titles(f"/topics/{topic.slug}/")
        return {
            **{f"topic: {page.title}": page.title in on_topic for page in (paper, post, term, study)},
            "glossary": term.title in card_titles("/definitions/", "dt a"),
            "case-study list": study.title in card_titles("/case-studies/"),
        }

    assert shown() == dict.fromkeys(shown(), True)
    old = caches["default"].get(worker_memo.GENERATION_KEY)
    for page in (paper, post, term, CaseStudyIndexPage.objects.get()):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    stale(old)
    assert shown() == dict.fromkeys(shown(), False)


def test_kept_case_study_lists_hold_no_member_only_text(client):
    """The case-study list and a topic page keep teasers only: the worker's copy of a case study has no
    member-only field loaded."""
    topic = CaseStudyPage.objects.live().filter(topics__isnull=False).first().topics.first()
    client.get("/case-studies/")
    client.get(f"/topics/{topic.slug}/")
    request_started.send(sender=None)
    try:
        index = CaseStudyIndexPage.objects.get()
        studies = [
            *worker_memo.kept("case_studies.listing", index.pk, lambda: pytest.fail("not kept")),
            *worker_memo.kept("topic.pages", topic.pk, lambda: pytest.fail("not kept"))["case_studies"],
        ]
    finally:
        request_finished.send(sender=None)
    assert len(studies) > CaseStudyPage.objects.live().filter(topics=topic).count() > 0
    for study in studies:
        assert not set(MEMBER_ONLY_FIELDS) & set(study.__dict__), "member-only text held in the worker's memory"


def test_a_kept_pages_blocks_are_its_own_in_each_request():
    """Kept as JSON text: a block value changed on one request's page is not on the next request's."""
    post = BlogIndexPage.objects.get().get_children().live().first()
    request_started.send(sender=None)
    try:
        first = for_serving(post)
        raw = first.body.raw_data[0]
        raw["value"] = "<p>Changed in one request</p>"
        second = for_serving(post)
    finally:
        request_finished.send(sender=None)
    assert second.body.raw_data[0]["value"] != "<p>Changed in one request</p>"
