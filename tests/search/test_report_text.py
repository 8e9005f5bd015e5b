"""A paper's report (its PDF) is searched with the paper, never beyond what the paper's readers may read.

The PDF is read by the worker (a task queued when the paper's entry is built), never in the editor's request:
these tests run the queued work with ``django_capture_on_commit_callbacks(execute=True)``, as the commit would.
"""

from __future__ import annotations

import datetime
import logging

import pytest

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from content.demo.pdf import build_report_pdf
from content.papers.models import PaperSeriesPage
from search.access import PUBLIC
from search.documents import tidy
from search.engines import SearchRequest
from search.models import DocumentText
from tests.factories import PaperPageFactory

pytestmark = pytest.mark.django_db
ANONYMOUS = frozenset({PUBLIC})


def report(word: str, *, collection=None, content: bytes | None = None):
    pdf = content or build_report_pdf(
        title="A report",
        subtitle="",
        series="Social Capital 2025",
        authors=["A. Author"],
        partners=[],
        release_date="2025",
        summary="A summary.",
        key_findings=[],
        sections=[("Findings", f"Fieldwork found the {word} of street-level mutual aid in every ward.")],
    )
    document = get_document_model()(
        title=f"Report on {word}", collection=collection or Collection.get_first_root_node()
    )
    document.file.save(f"report-{word.lower()}.pdf", ContentFile(pdf), save=True)
    return document


def paper_with(document, *, title: str, released: bool = True, **fields):
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    when = timezone.localdate() + datetime.timedelta(days=-30 if released else 30)
    paper = PaperPageFactory.build(title=title, release_date=when, report=document, **fields)
    series.add_child(instance=paper)
    paper.save_revision().publish()
    return paper


@pytest.fixture
def worker(django_capture_on_commit_callbacks):
    """Publishing and its queued work (the report read by the worker), as after the commit."""

    def publish(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return paper_with(*args, **kwargs)

    return publish


def found(engine, query: str) -> list[str]:
    engine.push_pending()
    return [hit.entry.title for hit in engine.search(SearchRequest(query, ANONYMOUS)).hits]


def test_the_demo_finds_a_word_only_a_report_holds(engine):
    """'resilience' is in the report of *Doubly disadvantaged*, not on its page."""
    assert "Doubly disadvantaged" in " ".join(found(engine, "resilience"))


def test_a_papers_report_is_read_by_the_worker_then_searched_with_it(engine, django_capture_on_commit_callbacks):
    document = report("Quillabarrow")
    with django_capture_on_commit_callbacks() as queued:
        paper_with(document, title="Mutual aid at street level")
    assert not DocumentText.objects.filter(document=document).exists(), "not read in the editor's request"
    assert found(engine, "mutual aid at street level") and found(engine, "quillabarrow") == []
    for callback in queued:
        callback()  # the commit: the read is queued, and the worker (inline in tests) reads it
    assert found(engine, "quillabarrow") == ["Mutual aid at street level"]


def test_a_report_in_a_restricted_collection_is_never_read_into_search(engine, worker):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert restriction.pk
    worker(report("Zorbuckle", collection=private), title="A paper with a Vellumbrook annex")
    assert found(engine, "zorbuckle") == []
    assert found(engine, "vellumbrook") == ["A paper with a Vellumbrook annex"]


def test_restricting_a_reports_collection_later_takes_its_text_out_at_once(engine, worker):
    shared = Collection.get_first_root_node().add_child(name="Shared reports")
    worker(report("Snodgrassle", collection=shared.add_child(name="2025")), title="A paper soon restricted")
    assert found(engine, "snodgrassle") == ["A paper soon restricted"]
    restriction = CollectionViewRestriction.objects.create(
        collection=shared, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert found(engine, "snodgrassle") == [], "restricted from above: gone from every reader's search"
    restriction.delete()
    assert found(engine, "snodgrassle") == ["A paper soon restricted"]


def test_an_unreleased_papers_report_is_not_read(engine, worker):
    worker(report("Plinkerdoon"), title="Coming later, with its report", released=False)
    assert found(engine, "plinkerdoon") == []


def test_a_damaged_report_leaves_the_paper_findable(engine, caplog, worker):
    damaged = report("Broken", content=b"%PDF-1.4 this is not really a PDF")
    with caplog.at_level(logging.WARNING, logger="search.documents"):
        worker(damaged, title="The Gristlewick paper")
    assert found(engine, "gristlewick") == ["The Gristlewick paper"]
    assert "could not be read" in caplog.text


def test_the_cover_and_running_headers_stay_out_and_a_sentence_over_a_page_break_stays_whole():
    pages = [
        ["A report", "Sophie Kerr, Priya Raman", "Published 18 November 2025"],
        ["A report · page 2", "Residents said the hall mattered. Groups that lost", "their room"],
        ["A report · page 3", "folded within two years.", ""],
        ["A report · page 4", "Resident-led groups lasted longer."],
    ]
    assert tidy(pages).split("\n") == [
        "Residents said the hall mattered. Groups that lost their room folded within two years.",
        "Resident-led groups lasted longer.",
    ]


def test_a_snippet_from_the_report_says_so_and_one_from_the_page_does_not(engine, worker):
    summary = "How neighbours in Zeppelinwort Road organised mutual aid."
    worker(report("Quillabarrow"), title="Mutual aid at street level", summary=summary)
    engine.push_pending()
    hits = engine.search(SearchRequest("quillabarrow", ANONYMOUS)).hits
    assert [hit.entry.title for hit in hits] == ["Mutual aid at street level"]
    snippet = str(hits[0].snippet)
    assert snippet.startswith('<span class="search-result__source">From the report:</span> ')
    assert "<mark>Quillabarrow</mark>" in snippet
    assert "\x1e" not in snippet
    # The same paper found by a word on its own page: no label.
    page_hits = engine.search(SearchRequest("zeppelinwort", ANONYMOUS)).hits
    assert [hit.entry.title for hit in page_hits] == ["Mutual aid at street level"]
    assert "From the report" not in str(page_hits[0].snippet) and "<mark>Zeppelinwort</mark>" in str(
        page_hits[0].snippet
    )
