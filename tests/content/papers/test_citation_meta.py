"""Highwire Press tags (Google Scholar) on papers and series, checked against the RIS and BibTeX downloads."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from content.papers.models import PaperSeriesPage
from tests.factories import OrganisationFactory, PaperPageFactory, PersonFactory
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def citation_tags(response) -> list[tuple[str, str]]:
    return [
        (tag["name"], tag["content"])
        for tag in soup(response).find_all("meta", attrs={"name": lambda name: name and name.startswith("citation_")})
    ]


def ris_fields(client, paper) -> dict[str, list[str]]:
    response = client.get(paper.url + "cite/ris/")
    assert response.status_code == 200
    fields: dict[str, list[str]] = {}
    for line in response.content.decode().split("\r\n"):
        if line[2:6] == "  - ":
            fields.setdefault(line[:2], []).append(line[6:])
    return fields


@pytest.fixture
def series():
    return PaperSeriesPage.objects.get(slug="social-capital-2025")


@pytest.fixture
def paper(series):
    report = get_document_model().objects.create(
        title="Places and people (PDF)", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="places-and-people.pdf")
    )
    page = PaperPageFactory(
        parent=series,
        title="Places & people",
        subtitle="A study",
        slug="places-and-people",
        summary='Where people meet, "trust" grows. It matters.',
        release_date=datetime.date(2025, 6, 3),
        report=report,
        authors=[
            PersonFactory(given_names="Raj", family_name="Patel"),
            PersonFactory(given_names="Mary Anne", family_name="Smith"),
            PersonFactory(given_names="Ama", family_name="Owusu"),
        ],
    )
    page.partners.set([OrganisationFactory(name="Demos Test"), OrganisationFactory(name="Local Trust Test")])
    page.save_revision().publish()
    return page


def test_paper_tags_say_what_the_citation_exports_say(client, paper):
    tags = citation_tags(client.get(paper.url))
    values = dict(tags)
    ris = ris_fields(client, paper)
    assert values["citation_title"] == ris["TI"][0] == "Places & people: A study"
    authors = [content for name, content in tags if name == "citation_author"]
    assert authors == ris["AU"] == ["Patel, Raj", "Smith, Mary Anne", "Owusu, Ama"], "every author, in order"
    assert values["citation_publication_date"] == ris["DA"][0] == "2025/06/03"
    assert values["citation_publisher"] == ris["PB"][0] == "Demos Test and Local Trust Test"
    assert values["citation_series_title"] == ris["T2"][0] == "Social Capital 2025"
    assert values["citation_abstract"] == ris["AB"][0]
    assert values["citation_public_url"] == ris["UR"][0]
    assert values["citation_pdf_url"].startswith("http") and values["citation_pdf_url"].endswith(
        "places-and-people.pdf"
    )
    assert client.get(urlsplit(values["citation_pdf_url"]).path).status_code == 200, "the PDF downloads"

    bibtex = client.get(paper.url + "cite/bibtex/").content.decode()
    assert "author = {Patel, Raj and Smith, Mary Anne and Owusu, Ama}" in bibtex
    assert "year = {2025}" in bibtex and "series = {Social Capital 2025}" in bibtex


def test_tags_are_escaped_in_the_head(client, paper):
    html = client.get(paper.url).content.decode()
    assert 'content="Where people meet, &quot;trust&quot; grows. It matters."' in html
    head = html.split("</head>", 1)[0]
    assert head.count('name="citation_title"') == 1, "in the head, once"


def test_series_page_names_the_series_as_its_papers_do(client, series, paper):
    values = dict(citation_tags(client.get(series.url)))
    assert values["citation_series_title"] == ris_fields(client, paper)["T2"][0]
    assert "citation_author" not in values


def test_announced_paper_has_no_tags(client, series):
    page = PaperPageFactory(
        parent=series, slug="not-yet", release_date=timezone.localdate() + datetime.timedelta(days=20)
    )
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    assert citation_tags(response) == []


def test_member_only_paper_leaks_nothing(client, django_user_model, paper):
    PageViewRestriction.objects.create(page=paper, restriction_type=PageViewRestriction.LOGIN)
    reader = django_user_model.objects.create_user("reader@example.org", "reader@example.org", "x-long-password-1")
    client.force_login(reader)
    response = client.get(paper.url)
    assert response.status_code == 200, "the member reads it"
    assert citation_tags(response) == [], "but scholarly indexes are told nothing about it"


def test_draft_changes_do_not_reach_the_tags(client, paper):
    paper.title = "Unpublished title"
    paper.save_revision()
    values = dict(citation_tags(client.get(paper.url)))
    assert values["citation_title"] == "Places & people: A study"
