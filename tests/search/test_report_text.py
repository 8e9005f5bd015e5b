"""A paper's report (its PDF) is searched with the paper, never beyond what the paper's readers may read."""

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
from search.engines import SearchRequest
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


def paper_with(document, *, title: str, released: bool = True):
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    when = timezone.localdate() + datetime.timedelta(days=-30 if released else 30)
    paper = PaperPageFactory.build(title=title, release_date=when, report=document)
    series.add_child(instance=paper)
    paper.save_revision().publish()
    return paper


def found(engine, query: str) -> list[str]:
    engine.push_pending()
    return [hit.entry.title for hit in engine.search(SearchRequest(query, ANONYMOUS)).hits]


def test_the_demo_finds_a_word_only_a_report_holds(engine):
    """'resilience' is in the report of *Doubly disadvantaged*, not on its page."""
    assert "Doubly disadvantaged" in " ".join(found(engine, "resilience"))


def test_a_papers_report_is_searched_with_it(engine):
    paper_with(report("Quillabarrow"), title="Mutual aid at street level")
    assert found(engine, "quillabarrow") == ["Mutual aid at street level"]


def test_a_report_in_a_restricted_collection_is_never_read_into_search(engine):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert restriction.pk
    paper_with(report("Zorbuckle", collection=private), title="A paper with a Vellumbrook annex")
    assert found(engine, "zorbuckle") == []
    assert found(engine, "vellumbrook") == ["A paper with a Vellumbrook annex"]


def test_an_unreleased_papers_report_is_not_read(engine):
    paper_with(report("Plinkerdoon"), title="Coming later, with its report", released=False)
    assert found(engine, "plinkerdoon") == []


def test_a_damaged_report_leaves_the_paper_findable(engine, caplog):
    damaged = report("Broken", content=b"%PDF-1.4 this is not really a PDF")
    with caplog.at_level(logging.WARNING, logger="search.documents"):
        paper_with(damaged, title="The Gristlewick paper")
    assert found(engine, "gristlewick") == ["The Gristlewick paper"]
    assert "could not be read" in caplog.text
