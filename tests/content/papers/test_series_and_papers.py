"""Series list released papers in order and announce unreleased ones without their body."""

import datetime

import pytest

from django.utils import timezone

from content.papers.models import PaperPage, PaperSeriesPage
from tests.factories import PaperPageFactory, PersonFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

SECRET_BODY = "Unreleased finding that must not be shown before release day"


@pytest.fixture
def series():
    return PaperSeriesPage.objects.get(slug="social-capital-2025")


@pytest.fixture
def announced_paper(series):
    return PaperPageFactory(
        parent=series,
        title="A paper announced for the future",
        release_date=timezone.localdate() + datetime.timedelta(days=40),
        body=[("paragraph", f"<p>{SECRET_BODY}</p>")],
        key_findings=[("finding", f"<p>{SECRET_BODY}</p>")],
        authors=[PersonFactory()],
    )


def test_series_lists_released_papers_in_release_order_then_announced(client, series):
    html = soup(client.get(series.url))
    titles = [a.get_text(strip=True) for a in html.select(".paper-timeline .card__title a")]
    papers = list(PaperPage.objects.live().child_of(series).order_by("release_date"))
    assert titles == [paper.title for paper in papers]
    released = [p for p in papers if p.is_released]
    announced = [p for p in papers if not p.is_released]
    assert len(released) >= 3 and len(announced) >= 1
    assert titles[-len(announced) :] == [p.title for p in announced]


def test_announced_paper_shows_coming_soon_with_date_and_no_body(client, series, announced_paper):
    series_html = soup(client.get(series.url))
    card = next(c for c in series_html.select(".card--paper") if announced_paper.title in c.get_text())
    assert "Coming soon" in card.get_text()
    assert announced_paper.release_date.strftime("%-d %B %Y") in card.get_text()

    response = client.get(announced_paper.url)
    assert response.status_code == 200
    page_text = text_of(response)
    assert "Coming soon" in page_text
    assert SECRET_BODY not in response.content.decode()
    assert "Cite this paper" not in page_text
    assert "Download the report" not in page_text


def test_announced_paper_body_stays_out_of_feeds_and_citations(client, announced_paper):
    assert SECRET_BODY not in client.get("/feeds/papers/").content.decode()
    assert announced_paper.title not in client.get("/feeds/papers/").content.decode()
    assert client.get(announced_paper.url + "cite/bibtex/").status_code == 404
    assert client.get(announced_paper.url + "cite/ris/").status_code == 404


def test_released_paper_has_everything_a_reader_needs(client):
    paper = PaperPage.objects.get(slug="safe-at-home")
    response = client.get(paper.url)
    html = soup(response)
    text = html.get_text(" ", strip=True)
    assert paper.title in text and paper.subtitle in text
    assert "Key findings" in text
    assert "£281,000" in text
    for author in paper.authors.all():
        assert author.person.name in text
    download = html.find("a", string=lambda s: s and "Download the report" in s) or html.select_one(
        ".panel--download a"
    )
    assert download["href"].endswith(".pdf")
    assert "PDF," in html.select_one(".panel--download").get_text()
    pdf = client.get(download["href"])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    assert html.find(id="citation-harvard").get_text(strip=True).startswith(paper.authors.first().person.family_name)
    for block in html.select(".streamfield figure.figure img"):
        assert block["alt"].strip(), "every image has a text alternative"
    table = html.select_one(".table-wrap table")
    assert table.find("caption") and table.select("th[scope=col]")
