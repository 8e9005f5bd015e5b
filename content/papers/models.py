"""Research papers: an index of publications, series, and papers with citations."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from content.core import request_memo, worker_memo
from content.core.blocks import INLINE_FEATURES, PARAGRAPH_FEATURES, BodyStreamBlock, RichTextBlock
from content.core.models import BasePage
from content.core.privacy import public_pages
from content.core.searchable import SearchDocument, plain

from . import citations
from .calendar import series_calendar


def released_papers():
    """Live, public papers whose release date has come, newest first."""
    return (
        public_pages(PaperPage)
        .filter(release_date__lte=timezone.localdate())
        .select_related("report")
        .order_by("-release_date", "-pk")
    )


class PapersIndexPage(BasePage):
    announced_on_publish = False
    saveable = False
    reads_counted = False

    parent_page_types = ["home.HomePage"]
    subpage_types = ["papers.PaperSeriesPage"]
    max_count = 1
    template = "pages/papers_index_page.html"

    intro = models.TextField(blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # The same for every reader: kept by the worker until the content changes (a new day too, for papers
        # released by the date) and filtered again by this request's view restrictions.
        kept = worker_memo.kept("papers.index", self.pk, self._read_listings)
        context.update(
            {name: [page for page in pages if request_memo.is_public(page)] for name, pages in kept.items()}
        )
        return context

    def _read_listings(self) -> dict[str, list]:
        return {
            "series_list": list(public_pages(PaperSeriesPage).child_of(self).order_by("-first_published_at")),
            "papers": list(released_papers().descendant_of(self).prefetch_related("topics")),
        }

    def search_document(self) -> None:
        """Not in search: a listing of series, each found on its own."""
        return None


class PaperSeriesPage(RoutablePageMixin, BasePage):
    announced_on_publish = False
    saveable = False
    reads_counted = False

    parent_page_types = ["papers.PapersIndexPage"]
    subpage_types = ["papers.PaperPage"]
    template = "pages/paper_series_page.html"
    json_ld_type = "CreativeWorkSeries"

    intro = models.TextField(help_text="One sentence shown in listings.")
    description = RichTextField(features=PARAGRAPH_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("description")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("description")]

    class Meta:
        verbose_name = "paper series"
        verbose_name_plural = "paper series"

    def get_papers(self) -> list[PaperPage]:
        """Every public paper of the series in release order, announced ones included: kept by the worker until
        the content changes and filtered again by this request's view restrictions."""
        papers = worker_memo.kept("papers.series", self.pk, self._read_papers)
        return [paper for paper in papers if request_memo.is_public(paper)]

    def _read_papers(self) -> list[PaperPage]:
        return list(
            public_pages(PaperPage)
            .child_of(self)
            .select_related("report")
            .prefetch_related("topics")
            .order_by("release_date", "path")
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        papers = self.get_papers()
        context["released_papers"] = [paper for paper in papers if paper.is_released]
        context["announced_papers"] = [paper for paper in papers if not paper.is_released]
        # The series' own Highwire tag, the name its papers' citations give as their series.
        if self.live and request_memo.is_public(self):
            context["citation_meta"] = [("citation_series_title", self.title), ("citation_language", "en-GB")]
        return context

    @path("calendar/", name="release_calendar")
    def release_calendar(self, request: HttpRequest) -> HttpResponse:
        """Release dates of the series' public papers, released and announced, as an iCalendar feed."""
        response = HttpResponse(series_calendar(self, request), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.slug}-releases.ics"'
        return response

    def get_json_ld(self, request: HttpRequest) -> dict[str, Any]:
        return super().get_json_ld(request) | {"description": self.intro}

    def search_document(self) -> SearchDocument:
        text = plain([self.intro, self.description])
        return SearchDocument(
            kind="series", kind_label="Paper series", summary=self.intro, teaser_text=text, full_text=text
        )


class PaperPage(RoutablePageMixin, BasePage):
    """A paper; before its release date it is an announcement and shows no body."""

    announced_on_publish = True
    saveable = True
    reads_counted = True
    release_date_field = "release_date"  # its report is embargoed until then (content.core.privacy)

    parent_page_types = ["papers.PaperSeriesPage"]
    subpage_types: list[str] = []
    template = "pages/paper_page.html"
    json_ld_type = "Report"
    serve_select_related = ["report"]

    subtitle = models.CharField(max_length=250, blank=True)
    summary = models.TextField(help_text="Two or three sentences: shown in listings, feeds and search results.")
    release_date = models.DateField(
        help_text="The release date; before it, the paper is announced as coming soon, without its body."
    )
    topics = ParentalManyToManyField("topics.Topic", blank=True, related_name="papers")
    partners = ParentalManyToManyField("core.Organisation", blank=True, related_name="papers")
    key_findings = StreamField(
        [("finding", RichTextBlock(features=INLINE_FEATURES, icon="tick"))],
        blank=True,
    )
    body = StreamField(BodyStreamBlock(), blank=True)
    report = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full report as a PDF.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("release_date")]),
        InlinePanel("authors", heading="Authors", label="Author"),
        MultiFieldPanel(
            [
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Partners and topics",
        ),
        FieldPanel("key_findings"),
        FieldPanel("body"),
        FieldPanel("report"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("key_findings"),
        index.FilterField("release_date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["release_date"]
        verbose_name = "paper"  # the label readers and editors see ("where this term is used", the admin)

    @property
    def is_released(self) -> bool:
        return self.release_date <= timezone.localdate()

    @cached_property
    def series(self) -> PaperSeriesPage | None:
        # The parent was read while routing the request; its own fields load only if something asks.
        parent = request_memo.current().get("pages_by_path", {}).get(self.path[: -self.steplen])
        parent = parent or self.get_parent()
        return parent.specific_deferred if parent else None

    # The paper's authors, partners and topics: the same for every reader, kept by the worker until the
    # content changes (worker_memo; a preview keeps nothing) and read once for the page, its citation and
    # its structured data.

    @cached_property
    def ordered_authors(self) -> list[PaperAuthor]:
        return worker_memo.kept(
            "paper.authors",
            self.pk,
            lambda: list(self.authors.select_related("person__organisation").order_by("sort_order")),
        )

    @cached_property
    def partner_list(self) -> list:
        return worker_memo.kept("paper.partners", self.pk, lambda: list(self.partners.all()))

    @cached_property
    def topic_list(self) -> list:
        return worker_memo.kept("paper.topics", self.pk, lambda: list(self.topics.all()))

    @property
    def og_type(self) -> str:
        return "article"

    def citation(self, request: HttpRequest | None = None) -> citations.Citation:
        return citations.Citation.for_paper(self, request)

    def citation_meta(self, request: HttpRequest, citation: citations.Citation | None = None) -> list[tuple[str, str]]:
        """Highwire Press tags for scholarly indexes: only for a released paper that anyone may read.

        A paper behind a view restriction, a draft or preview, and an announcement (whose citation
        downloads are 404s) get none, so nothing about them reaches a page's head or a shared cache.
        """
        previewing = getattr(request, "is_preview", False)  # a live page's preview shows unpublished edits
        if previewing or not (self.live and self.is_released and request_memo.is_public(self)):
            return []
        pdf_url = request.build_absolute_uri(self.report.url) if self.report else ""
        return (citation or self.citation(request)).highwire(pdf_url=pdf_url)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        citation = self.citation(request)  # with the request: its URL needs no look-up of its own
        context["citation"] = citation
        context["citation_meta"] = self.citation_meta(request, citation)
        return context

    @path("")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        return self.render(request)

    @path("cite/bibtex/", name="bibtex")
    def bibtex_route(self, request: HttpRequest) -> HttpResponse:
        return self._citation_download(request, self.citation(request).bibtex(), "application/x-bibtex", "bib")

    @path("cite/ris/", name="ris")
    def ris_route(self, request: HttpRequest) -> HttpResponse:
        return self._citation_download(
            request, self.citation(request).ris(), "application/x-research-info-systems", "ris"
        )

    def _citation_download(self, request: HttpRequest, text: str, content_type: str, ext: str) -> HttpResponse:
        if not self.is_released:
            return HttpResponse(status=404)
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{ext}"'
        return response

    def get_json_ld(self, request: HttpRequest) -> dict[str, Any]:
        data = super().get_json_ld(request) | {
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.release_date.isoformat(),
            "inLanguage": "en-GB",
            "author": [author.person.get_json_ld() for author in self.ordered_authors],
            "publisher": [{"@type": "Organization", "name": org.name} for org in self.partner_list],
            "about": [topic.name for topic in self.topic_list],
        }
        if self.subtitle:
            data["alternativeHeadline"] = self.subtitle
        if self.series:
            data["isPartOf"] = {
                "@type": "CreativeWorkSeries",
                "name": self.series.title,
                "url": self.series.get_full_url(request),
            }
        if self.is_released and self.report:
            data["encoding"] = {
                "@type": "MediaObject",
                "contentUrl": request.build_absolute_uri(self.report.url),
                "encodingFormat": "application/pdf",
                "contentSize": f"{self.report.get_file_size() or 0} bytes",
            }
        return data

    def is_news(self, lookback: timedelta) -> bool:
        """Announced papers go live before their release date: the news is the release."""
        return self.is_released and self.release_date >= timezone.localdate() - lookback

    def search_document(self) -> SearchDocument:
        """Its report's text follows the page's once the paper is out (search reads the PDF)."""
        teaser = plain([self.subtitle, self.summary])
        authors = ", ".join(author.person.name for author in self.ordered_authors)
        body = plain([self.key_findings, self.body]) if self.is_released else ""
        series = self.get_parent()
        return SearchDocument(
            kind="paper",
            kind_label="Paper",
            summary=self.summary,
            teaser_text=teaser,
            full_text=plain([teaser, authors, body]),
            date=self.release_date,
            series=series.title if series else "",
            topics=list(self.topics.all()),
            report=self.report if self.is_released else None,
        )


class PaperAuthor(Orderable):
    page = ParentalKey(PaperPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey("core.Person", on_delete=models.PROTECT, related_name="paper_authorships")
    role = models.CharField(max_length=100, blank=True, help_text="e.g. Lead author")

    panels = [FieldPanel("person"), FieldPanel("role")]

    def __str__(self) -> str:
        return f"{self.person} ({self.role})" if self.role else str(self.person)
