"""Citations in Harvard and APA forms, and BibTeX and RIS downloads."""

import datetime

import pytest

from content.papers.models import PaperSeriesPage
from tests.factories import OrganisationFactory, PaperPageFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper():
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    page = PaperPageFactory(
        parent=series,
        title="Places & people",
        subtitle="A study",
        slug="places-and-people",
        release_date=datetime.date(2025, 6, 3),
        authors=[
            PersonFactory(given_names="Mary Anne", family_name="Smith"),
            PersonFactory(given_names="Raj", family_name="Patel"),
        ],
    )
    page.partners.set([OrganisationFactory(name="Demos Test"), OrganisationFactory(name="Local Trust Test")])
    page.save_revision().publish()
    return page


def test_harvard_and_apa_forms(paper):
    citation = paper.citation()
    assert citation.harvard(accessed=datetime.date(2026, 1, 2)) == (
        "Smith, M. A. and Patel, R. (2025) Places & people: A study. (Social Capital 2025). "
        "Demos Test and Local Trust Test. "
        "Available at: http://localhost/papers/social-capital-2025/places-and-people/ (Accessed: 2 January 2026)."
    )
    assert citation.apa() == (
        "Smith, M. A., & Patel, R. (2025, June 3). Places & people: A study (Social Capital 2025). "
        "Demos Test and Local Trust Test. http://localhost/papers/social-capital-2025/places-and-people/"
    )


def test_bibtex_download(client, paper):
    response = client.get(paper.url + "cite/bibtex/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert 'filename="places-and-people.bib"' in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("@techreport{smith2025places,")
    assert "author = {Smith, Mary Anne and Patel, Raj}" in text
    assert r"title = {Places \& people: A study}" in text
    assert "month = jun" in text
    assert text.count("{") == text.count("}")


def test_ris_download(client, paper):
    response = client.get(paper.url + "cite/ris/")
    assert response.status_code == 200
    lines = response.content.decode().split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert "AU  - Smith, Mary Anne" in lines and "AU  - Patel, Raj" in lines
    assert "PY  - 2025" in lines and "DA  - 2025/06/03" in lines
    assert lines[-2] == "ER  - "
