"""Reads and searches become anonymous daily counts: full reads only, first-page searches only, no crawlers."""

from __future__ import annotations

import pytest

from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from content.blog.models import BlogPage
from content.case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content.glossary.models import DefinitionPage
from content.papers.models import PaperPage
from content.standard_pages.models import StandardPage
from insights import recording
from insights.models import PageReadDaily, SearchTermDaily
from insights.recording import normalise_term, prune_old, record_read, record_search
from tests.factories import CaseStudyPageFactory
from tests.insights.conftest import client_for
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db


def reads_of(page) -> int:
    recording.READS.flush()
    row = PageReadDaily.objects.filter(page=page, day=timezone.localdate()).first()
    return row.reads if row else 0


@pytest.fixture
def paper():
    return PaperPage.objects.live().public().filter(release_date__lte=timezone.localdate()).first()


@pytest.fixture
def members_study():
    page = CaseStudyPageFactory(parent=CaseStudyIndexPage.objects.get(), title="Insight study", audience="members")
    page.save_revision().publish()
    return page


def test_each_full_read_of_a_paper_counts_once(reader, paper):
    assert reader.get(paper.url).status_code == 200
    assert reads_of(paper) == 1
    reader.get(paper.url)
    assert reads_of(paper) == 2
    assert PageReadDaily.objects.filter(page=paper).count() == 1, "one row per page and day"


def test_only_page_types_that_say_so_count_reads(reader):
    """Papers, case studies and posts count (their models' reads_counted); a definition or a page does not."""
    for page in (DefinitionPage.objects.live().first(), StandardPage.objects.live().first()):
        assert reader.get(page.url).status_code == 200
        assert not type(page).reads_counted
        assert reads_of(page) == 0
    assert PaperPage.reads_counted and BlogPage.reads_counted and CaseStudyPage.reads_counted


def test_a_papers_citation_download_is_not_a_read(reader, paper):
    assert reader.get(paper.url + "cite/bibtex/").status_code == 200
    assert reads_of(paper) == 0


def test_a_blog_post_read_counts(reader):
    post = BlogPage.objects.live().public().first()
    reader.get(post.url)
    assert reads_of(post) == 1


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Baiduspider+(+http://www.baidu.com/search/spider.htm)",
        "CCBot/2.0 (https://commoncrawl.org/faq/)",
        "Screaming Frog SEO Spider/19.0",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php) crawler",
    ],
)
def test_crawlers_are_not_readers(paper, agent):
    client_for(HTTP_USER_AGENT=agent).get(paper.url)
    assert reads_of(paper) == 0


def test_a_teaser_is_not_a_read_but_the_members_full_study_is(members_study):
    anonymous = client_for().get(members_study.url)
    assert anonymous.status_code == 200 and "Insight study" in anonymous.content.decode()
    assert reads_of(members_study) == 0, "an anonymous reader only got the teaser"
    client_for(make_member("reader-of-studies@example.org")).get(members_study.url)
    assert reads_of(members_study) == 1


def test_pages_other_than_papers_case_studies_and_posts_are_not_counted(reader):
    reader.get("/about/")
    reader.get("/")
    assert not PageReadDaily.objects.exists()


def test_reads_are_written_together_not_one_per_request(reader, paper, settings):
    settings.INSIGHTS_READ_FLUSH_SECONDS = 3600  # as in production, where it is 10 seconds
    try:
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                assert reader.get(paper.url).status_code == 200
            assert not [q for q in queries.captured_queries if "insights_pagereaddaily" in q["sql"]]
        recording.READS.add((987_654_321, timezone.localdate()))  # a page deleted since it was read
        assert not PageReadDaily.objects.filter(page=paper).exists(), "nothing written yet"
        recording.READS.flush()
        assert reads_of(paper) == 3, "three reads, one write"
        assert not PageReadDaily.objects.filter(page_id=987_654_321).exists(), "a deleted page's read is dropped"
    finally:
        recording.READS.pending.clear()


def test_a_read_created_by_a_parallel_request_still_counts(paper, monkeypatch):
    """The create race: our update found no row, someone else inserted it, our insert fails, we add to theirs."""
    today = timezone.localdate()
    PageReadDaily.objects.create(page=paper, day=today, reads=1)
    real_update = QuerySet.update
    calls = []

    def first_update_misses(self, **kwargs):
        calls.append(kwargs)
        return 0 if len(calls) == 1 else real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", first_update_misses)
    record_read(paper)
    recording.READS.flush()
    monkeypatch.undo()
    assert len(calls) == 2
    assert PageReadDaily.objects.get(page=paper, day=today).reads == 2


def test_a_failure_to_record_never_breaks_the_page_or_the_search(reader, paper, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(recording, "_increment", broken)
    assert reader.get(paper.url).status_code == 200
    assert reader.get("/search/", {"q": "social capital"}).status_code == 200
    assert "Could not record" in caplog.text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Social   Capital ", "social capital"),
        ("LOCAL\ttrust\n", "local trust"),
        ("x" * 150, "x" * 100),
        ("   ", ""),
    ],
)
def test_terms_are_normalised(typed, stored):
    assert normalise_term(typed) == stored


def test_first_page_searches_are_recorded_with_those_that_found_nothing(reader):
    reader.get("/search/", {"q": "Social  Capital"})
    reader.get("/search/", {"q": "social capital"})
    reader.get("/search/", {"q": "zqxjvwk qqzzqq"})
    today = timezone.localdate()
    found = SearchTermDaily.objects.get(term="social capital", day=today)
    assert (found.searches, found.no_results) == (2, 0)
    missing = SearchTermDaily.objects.get(term="zqxjvwk qqzzqq", day=today)
    assert (missing.searches, missing.no_results) == (1, 1)


def test_paging_facets_sorting_empty_queries_and_crawlers_are_not_recorded(reader):
    reader.get("/search/", {"q": "social capital", "page": 2})
    reader.get("/search/", {"q": "social capital", "kind": "definition"})
    reader.get("/search/", {"q": "social capital", "sort": "newest"})
    reader.get("/search/", {"q": "   "})
    reader.get("/search/")
    client_for(HTTP_USER_AGENT="Mozilla/5.0 (compatible; bingbot/2.0)").get("/search/", {"q": "social capital"})
    assert not SearchTermDaily.objects.exists()


def test_no_results_is_what_this_reader_got(members_study):
    """A term only members find is a search with no results for the public, and not for a member."""
    page = members_study
    page.what_we_did = "<p>The Quillbrook tenancy circle.</p>"
    page.save_revision().publish()
    client_for().get("/search/", {"q": "Quillbrook tenancy circle"})
    client_for(make_member("finder@example.org")).get("/search/", {"q": "Quillbrook tenancy circle"})
    row = SearchTermDaily.objects.get(term="quillbrook tenancy circle")
    assert (row.searches, row.no_results) == (2, 1)


def test_searches_are_counted_for_wagtails_search_terms_report_too(reader):
    """Wagtail's promotions report reads its own query hits: written with the insight's, once per search."""
    reader.get("/search/", {"q": "Social  Capital"})
    reader.get("/search/", {"q": "social capital", "page": 2})
    reader.get("/search/", {"q": "social capital"})
    client_for(HTTP_USER_AGENT="Googlebot/2.1").get("/search/", {"q": "social capital"})
    query = Query.objects.get(query_string="social capital")
    assert QueryDailyHits.objects.get(query=query, date=timezone.localdate()).hits == 2


def test_a_search_is_written_after_the_response_not_inside_it(reader, settings):
    settings.INSIGHTS_READ_FLUSH_SECONDS = 3600
    with CaptureQueriesContext(connection) as queries:
        reader.get("/search/", {"q": "social capital"})
    assert not [q for q in queries.captured_queries if q["sql"].startswith(("UPDATE", "INSERT"))]
    assert not SearchTermDaily.objects.exists()
    recording.SEARCHES.flush()  # as the next response after ten seconds does, or the process's exit
    assert SearchTermDaily.objects.get(term="social capital").searches == 1


def test_searches_whose_write_fails_are_kept_for_the_next_try(reader, monkeypatch, caplog):
    real_increment = recording._increment

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(recording, "_increment", broken)
    assert reader.get("/search/", {"q": "social capital"}).status_code == 200
    assert "Could not record 1 searches; kept for the next try" in caplog.text
    monkeypatch.setattr(recording, "_increment", real_increment)
    reader.get("/search/", {"q": "social capital"})
    assert SearchTermDaily.objects.get(term="social capital").searches == 2


def test_record_search_ignores_an_empty_term():
    record_search(None, "  \n ", 0)
    assert not SearchTermDaily.objects.exists()


def test_prune_old_keeps_about_thirteen_months_of_search_terms(paper):
    today = timezone.localdate()
    kept = today - timezone.timedelta(days=395)
    gone = today - timezone.timedelta(days=397)
    SearchTermDaily.objects.create(term="recent", day=kept, searches=1)
    SearchTermDaily.objects.create(term="old", day=gone, searches=1)
    PageReadDaily.objects.create(page=paper, day=gone, reads=3)
    assert prune_old() == 1
    assert list(SearchTermDaily.objects.values_list("term", flat=True)) == ["recent"]
    assert PageReadDaily.objects.filter(day=gone).exists(), "reads hold no personal data and stay"
