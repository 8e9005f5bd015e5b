"""The anonymous page cache (website/page_cache.py) serves fast and never leaks, on the database cache and Redis.

Every test runs with the page cache switched on, once on the production default (the database cache) and
once on Redis (REDIS_TEST_URL; CI sets it and HUB_REQUIRE_REDIS). Members sign in for real; nothing is
mocked: the hooks used to set a cookie or add a message are Wagtail's own, registered for one test.
"""

from __future__ import annotations

import http.server
import os
import socket
import threading

import pytest

from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, transaction
from django.middleware.csrf import get_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from content.blog.models import BlogIndexPage, BlogPage
from content.case_studies.models import CaseStudyIndexPage
from content.home.models import HomePage
from content.standard_pages.models import StandardPage
from insights.models import PageReadDaily
from insights.recording import READS
from members.tiers import MEMBERS
from tests.factories import BlogPageFactory, CaseStudyPageFactory, StandardPageFactory
from tests.members.conftest import make_member
from tests.workers import redis_test_url
from website import page_cache

pytestmark = pytest.mark.django_db

SECONDS = 300
BACKENDS = {
    "database": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "hub_cache"},
    "redis": {"BACKEND": "hub.cache_backends.TolerantRedisCache", "LOCATION": redis_test_url()},  # the worker's
}
PAGES = [
    "/",
    "/blog/",
    "/blog/?topic=health-and-wellbeing",
    "/blog/notes-from-stoke-on-trent/",
    "/papers/",
    "/papers/social-capital-2025/",
    "/papers/social-capital-2025/safe-at-home/",
    "/definitions/",
    "/definitions/social-capital/",
    "/topics/",
    "/about/",
    "/case-studies/",
]


@pytest.fixture(params=list(BACKENDS))
def cache_kind(request, settings) -> str:
    """The page cache on, in the database cache or in Redis, empty."""
    kind = request.param
    if kind == "redis" and not BACKENDS["redis"]["LOCATION"]:
        if os.environ.get("HUB_REQUIRE_REDIS"):
            pytest.fail("REDIS_TEST_URL is not set, and CI requires the Redis run")
        pytest.skip("Set REDIS_TEST_URL=redis://127.0.0.1:6379/15 to run this against Redis too")
    settings.CACHES = {"default": BACKENDS[kind]}
    settings.PAGE_CACHE_SECONDS = SECONDS
    settings.INSIGHTS_READ_FLUSH_SECONDS = 3600  # reads wait in memory, as in production (10 s)
    if kind == "database":
        call_command("createcachetable", verbosity=0)  # as migrate does when the database cache is set
    page_cache.page_cache().clear()
    yield kind
    page_cache.page_cache().clear()
    READS.pending.clear()  # reads of pages this test's rollback removed


@pytest.fixture
def anonymous() -> Client:
    return Client(HTTP_HOST="localhost")


def signed_in(user) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def cache_state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def warm(client: Client, url: str):
    """Fetch twice; the second answer must come from the cache."""
    first = client.get(url)
    assert first.status_code == 200, url
    second = client.get(url)
    assert cache_state(second) == "hit", url
    return second


# Served from the cache, and cheaply


@pytest.mark.parametrize("url", PAGES)
def test_public_page_is_stored_then_served_from_the_cache_without_queries(cache_kind, anonymous, url):
    first = anonymous.get(url)
    assert first.status_code == 200
    assert cache_state(first) == "miss"
    assert set(first["Cache-Control"].split(", ")) == {"public", f"max-age={SECONDS}"}
    assert "Cookie" in first["Vary"]
    assert not first.cookies
    # A hit is one cache read: one SQL statement on the database cache, none on Redis (the read counts of
    # papers and posts wait in memory: test_a_cached_read_still_counts_for_insight_in_a_batch).
    with CaptureQueriesContext(connection) as queries:
        second = anonymous.get(url)
    statements = [q["sql"] for q in queries.captured_queries]
    assert len(statements) <= (1 if cache_kind == "database" else 0), statements
    assert cache_state(second) == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_head_is_answered_from_the_cache_and_a_cold_head_stores_nothing(cache_kind, anonymous):
    url = "/definitions/social-capital/"
    cold = anonymous.head(url)
    assert cold.status_code == 200 and cold.content == b""
    assert anonymous.get(url).headers.get("X-Page-Cache") == "miss", "a HEAD alone never fills the cache"
    head = anonymous.head(url)
    assert head.status_code == 200 and cache_state(head) == "hit" and head.content == b""
    assert head["Content-Type"].startswith("text/html")


def test_a_cached_read_still_counts_for_insight_in_a_batch(cache_kind, anonymous, settings):
    post = BlogPage.objects.get(slug="notes-from-stoke-on-trent")
    PageReadDaily.objects.filter(page_id=post.pk).delete()
    settings.INSIGHTS_READ_FLUSH_SECONDS = 3600
    warm(anonymous, post.url)  # the rendered read
    assert cache_state(anonymous.get(post.url, HTTP_USER_AGENT="Examplebot/1.0 (crawler)")) == "hit"
    assert cache_state(anonymous.get(post.url)) == "hit"

    def reads() -> int:
        row = PageReadDaily.objects.filter(page_id=post.pk, day=timezone.localdate()).first()
        return row.reads if row else 0

    assert reads() == 0, "reads wait in memory: none is a write of its own"
    settings.INSIGHTS_READ_FLUSH_SECONDS = 0
    anonymous.get(post.url)
    assert reads() == 4, "after the next response: the rendered read and three cached ones, not the crawler's"


# What is never stored or served


def test_a_page_rendered_for_a_member_is_never_served_to_anyone_else(cache_kind, anonymous):
    member = make_member("cached-member@example.org")
    council = make_member("officer@leeds.gov.uk")
    url = "/blog/"
    for user in (member, council):
        as_member = signed_in(user)
        response = as_member.get(url)
        assert cache_state(response) is None
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert b"Sign out" in response.content
    page = anonymous.get(url)
    assert cache_state(page) == "miss", "nothing a member was shown was stored"
    assert b"Sign out" not in page.content
    # And the anonymous copy, once stored, is never given to a member either.
    assert cache_state(anonymous.get(url)) == "hit"
    again = signed_in(member).get(url)
    assert cache_state(again) is None and b"Sign out" in again.content


def test_a_case_study_for_one_tier_is_never_served_to_another_or_to_the_public(cache_kind, anonymous):
    study = CaseStudyPageFactory(
        parent=CaseStudyIndexPage.objects.get(),
        audience="local_government",
        challenge="<p>Zorblatt challenge for councils only.</p>",
    )
    study.save_revision().publish()
    council = signed_in(make_member("officer@leeds.gov.uk"))
    full = council.get(study.url)
    assert b"Zorblatt" in full.content and cache_state(full) is None
    assert "no-store" in full["Cache-Control"]
    for reader in (signed_in(make_member("plain-member@example.org")), anonymous, anonymous):
        teaser = reader.get(study.url)
        assert teaser.status_code == 200
        assert b"Zorblatt" not in teaser.content
        assert cache_state(teaser) is None, "a teaser is never stored"
        assert "no-store" in teaser["Cache-Control"]


def test_a_restricted_page_is_never_stored(cache_kind, anonymous):
    page = StandardPageFactory(parent=HomePage.objects.get(), title="Members notes", slug="members-notes")
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=MEMBERS)])
    member = signed_in(make_member("reader-of-notes@example.org"))
    for _ in range(2):
        assert anonymous.get(page.url).status_code == 302
        response = member.get(page.url)
        assert response.status_code == 200 and cache_state(response) is None
        assert "no-store" in response["Cache-Control"]


def test_requests_with_a_cookie_or_an_unlisted_query_or_a_post_bypass_the_cache(cache_kind, anonymous):
    warm(anonymous, "/about/")
    with_cookie = Client(HTTP_HOST="localhost")
    with_cookie.cookies["csrftoken"] = "x" * 32
    assert cache_state(with_cookie.get("/about/")) is None
    for url in ("/about/?utm_source=mail", "/blog/?topic=a&topic=b"):
        assert cache_state(anonymous.get(url)) is None
        assert cache_state(anonymous.get(url)) is None
    assert cache_state(anonymous.post("/about/")) is None


def test_a_response_that_sets_a_cookie_carries_a_csrf_token_or_shows_a_message_is_not_stored(cache_kind, anonymous):
    def with_cookie(serve):
        def wrapped(page, request, args, kwargs):
            response = serve(page, request, args, kwargs)
            response.set_cookie("hello", "reader")
            return response

        return wrapped

    def with_message(page, request, args, kwargs):
        messages.info(request, "Thanks for subscribing")

    def with_csrf(page, request, args, kwargs):
        get_token(request)

    for hook_name, hook, url in (
        ("on_serve_page", with_cookie, "/about/"),
        ("before_serve_page", with_message, "/privacy/"),
        ("before_serve_page", with_csrf, "/contact/"),
    ):
        with hooks.register_temporarily(hook_name, hook):
            for _ in range(2):
                response = anonymous.get(url)
                anonymous.cookies.clear()
                assert response.status_code == 200
                assert cache_state(response) is None, (hook_name, url)
                assert "no-store" in response["Cache-Control"]
        assert cache_state(anonymous.get(url)) == "miss", "nothing was stored while the hook ran"


def test_non_page_views_and_errors_are_left_alone(cache_kind, anonymous):
    for url in ("/search/?q=social", "/accounts/login/", "/no-such-page/", "/feeds/blog/"):
        for _ in range(2):
            assert cache_state(anonymous.get(url)) is None, url


def test_page_cache_seconds_zero_switches_it_off(cache_kind, anonymous, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        response = anonymous.get("/about/")
        assert cache_state(response) is None
        assert "public" not in response.get("Cache-Control", "")


def test_an_unreachable_redis_is_a_miss_and_the_site_keeps_serving(cache_kind, anonymous, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    settings.CACHES = {
        "default": {
            "BACKEND": "hub.cache_backends.TolerantRedisCache",  # as CACHE_URL=redis://… configures it
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    for url in ("/about/", "/blog/"):
        for _ in range(2):
            response = anonymous.get(url)
            assert response.status_code == 200 and cache_state(response) != "hit"


# Never stale


def test_a_new_post_appears_at_once_on_the_blog_index_and_the_home_page(cache_kind, anonymous):
    for url in ("/", "/blog/"):
        warm(anonymous, url)
    post = BlogPageFactory(parent=BlogIndexPage.objects.get(), title="Freshly published post", live=False)
    post.save_revision().publish()
    for url in ("/", "/blog/"):
        response = anonymous.get(url)
        assert cache_state(response) == "miss", url
        assert b"Freshly published post" in response.content, url


def test_an_edit_unpublish_move_and_delete_are_never_served_stale(cache_kind, anonymous):
    post = BlogPageFactory(parent=BlogIndexPage.objects.get(), title="A post that changes", live=False)
    post.save_revision().publish()
    post.refresh_from_db()
    old_url = post.url
    warm(anonymous, old_url)
    warm(anonymous, "/blog/")

    post.title = "A post that changed"
    post.save_revision().publish()
    assert b"A post that changed" in anonymous.get(old_url).content
    assert b"A post that changed" in warm(anonymous, "/blog/").content

    post.refresh_from_db()
    post.unpublish()
    assert anonymous.get(old_url).status_code == 404
    assert b"A post that changed" not in anonymous.get("/blog/").content

    post.refresh_from_db()
    post.save_revision().publish()
    warm(anonymous, old_url)
    post.refresh_from_db()
    post.move(StandardPage.objects.get(slug="about"), pos="last-child")
    post = Page.objects.get(pk=post.pk)
    new_url = post.url
    moved = anonymous.get(old_url)  # Wagtail leaves a redirect from the old address
    assert moved.status_code == 301 and moved["Location"] == new_url
    assert b"A post that changed" not in anonymous.get("/blog/").content

    warm(anonymous, new_url)
    post.delete()
    assert anonymous.get(new_url).status_code == 404


def test_a_privacy_change_is_never_served_stale(cache_kind, anonymous):
    post = BlogPage.objects.get(slug="notes-from-stoke-on-trent")
    warm(anonymous, post.url)
    warm(anonymous, "/blog/")
    restriction = PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.LOGIN)
    assert anonymous.get(post.url).status_code == 302
    assert post.title.encode() not in anonymous.get("/blog/").content
    restriction.delete()
    assert anonymous.get(post.url).status_code == 200
    assert post.title.encode() in warm(anonymous, "/blog/").content


def test_draft_saves_keep_the_cache_and_snippet_edits_clear_it(cache_kind, anonymous):
    post = BlogPage.objects.get(slug="notes-from-stoke-on-trent")
    warm(anonymous, post.url)
    post.title = "An unpublished draft title"
    post.save_revision()
    response = anonymous.get(post.url)
    assert cache_state(response) == "hit" and b"An unpublished draft title" not in response.content

    topic = post.topics.first()
    topic.name = "A renamed topic"
    topic.save()
    response = anonymous.get(post.url)
    assert cache_state(response) == "miss" and b"A renamed topic" in response.content


def test_an_upload_keeps_the_cache_and_an_edit_to_an_existing_document_clears_it(cache_kind, anonymous):
    """A new document or image is on no page yet (a member's submission files one: it kept the cache cold)."""
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    post = BlogPage.objects.get(slug="notes-from-stoke-on-trent")
    warm(anonymous, post.url)
    document = get_document_model()(title="A new upload")
    document.file.save("new-upload.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    assert cache_state(anonymous.get(post.url)) == "hit"

    document.title = "A renamed upload"
    document.save()
    assert cache_state(anonymous.get(post.url)) == "miss"


# A proxy or CDN in front: Wagtail's frontend-cache purge


@pytest.fixture
def purging_proxy(settings):
    """A real HTTP server on a free port standing in for Varnish: it records every PURGE it receives."""
    purged: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_its_listings_and_linkers_from_a_proxy(
    cache_kind, purging_proxy, django_capture_on_commit_callbacks
):
    post = BlogPageFactory(parent=BlogIndexPage.objects.get(), title="Purged post", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    post.refresh_from_db()
    assert {post.url, "/blog/", "/"} <= set(purging_proxy)

    purging_proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=BlogIndexPage.objects.get(), restriction_type="login")
    assert {post.url, "/blog/", "/"} <= set(purging_proxy), "a restricted section's pages all go"

    purging_proxy.clear()
    old_url = post.url
    with django_capture_on_commit_callbacks(execute=True):
        post.move(StandardPage.objects.get(slug="about"), pos="last-child")
    assert old_url in purging_proxy, "the address a proxy holds is no longer the page's"
    assert "/about/purged-post/" in purging_proxy


def test_an_invalidation_that_reaches_no_cache_is_retried_by_the_worker(settings, caplog):
    """A tolerant Redis drops a failed write quietly; the generation is written strictly, and a failure
    queues a retry (the worker's database queue, which waits between tries) instead of being forgotten."""
    from django_tasks_db.models import DBTaskResult

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "hub.cache_backends.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    assert page_cache._bump() is False
    assert "invalidation failed" in caplog.text
    [queued] = DBTaskResult.objects.filter(task_path="website.page_cache.retry_bump")
    assert queued.args_kwargs["args"] == [1] and queued.run_after is not None


def test_a_groups_change_made_from_the_groups_side_does_not_fail(cache_kind, anonymous):
    warm(anonymous, "/about/")
    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(url_path__endswith="/about/"), restriction_type=PageViewRestriction.GROUPS
    )
    group = Group.objects.create(name="Readers of about")
    group.pageviewrestriction_set.add(restriction)  # m2m_changed with the group as the instance
    assert cache_state(anonymous.get("/about/")) != "hit"


def test_a_public_report_may_be_kept_by_a_proxy_only_as_long_as_a_page(anonymous, settings):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from content.papers.models import PaperSeriesPage
    from tests.factories import PaperPageFactory

    settings.PAGE_CACHE_SECONDS = 300
    document = get_document_model().objects.create(
        title="Report", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="public-report.pdf")
    )
    paper = PaperPageFactory(parent=PaperSeriesPage.objects.get(slug="social-capital-2025"), report=document)
    paper.save_revision().publish()
    response = anonymous.get(document.url)
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=300"} <= directives


def test_only_parameter_values_that_name_something_are_cached(cache_kind, anonymous):
    """?topic=<anything> would otherwise be a new entry each time: a stranger could fill the cache."""
    from content.topics.models import Topic

    topic = Topic.objects.filter(blog_posts__isnull=False).first()
    warm(anonymous, f"/blog/?topic={topic.slug}")
    for junk in ("/blog/?topic=no-such-topic", "/blog/?author=nobody-at-all", "/blog/?page=999999"):
        for _ in range(2):
            response = anonymous.get(junk)
            assert response.status_code in (200, 404) and cache_state(response) != "hit", junk


def test_a_transactions_purges_go_to_the_worker_together(
    cache_kind, purging_proxy, django_capture_on_commit_callbacks, monkeypatch
):
    """Deleting a section asked for a purge of the whole site per page, each in the editor's request: a
    transaction's purges now go to the worker as one task, and every address is purged once."""
    from website import page_cache as module

    queued = []

    class Counted:  # the task, counting what is queued
        def enqueue(self, *args):
            queued.append(args)
            return task.enqueue(*args)

    task = module.purge_pages
    monkeypatch.setattr(module, "purge_pages", Counted())
    about = Page.objects.get(url_path__endswith="/about/")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        module.purge_frontend(about.pk, urls=[about.get_site().root_url + "/old-address/"])
        for _ in range(3):  # as each page of a deleted section does
            module.purge_frontend(None)
    assert len(queued) == 1
    live = {page.url for page in Page.objects.live().filter(depth__gt=1).specific()}
    assert live | {"/old-address/"} <= set(purging_proxy)
    assert sorted(purging_proxy) == sorted(set(purging_proxy)), "each address once"
