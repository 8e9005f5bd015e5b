"""The glossary: an A to Z of terms, each with its own page and inline definition."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Cast
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import cached_property

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from content.core import request_memo, worker_memo
from content.core.blocks import PARAGRAPH_FEATURES, SourceBlock
from content.core.models import BasePage
from content.core.privacy import public_pages
from content.core.searchable import SearchDocument, plain

LINK_COLUMNS = ("title", "url_path", "path", "depth", "content_type")  # what a listed link needs


def initial_letter(title: str) -> str:
    letter = title[:1].upper()
    return letter if letter.isalpha() else "#"


class GlossaryIndexPage(BasePage):
    announced_on_publish = False
    saveable = False
    reads_counted = False

    parent_page_types = ["home.HomePage"]
    subpage_types = ["glossary.DefinitionPage"]
    max_count = 1
    template = "pages/glossary_index_page.html"
    json_ld_type = "DefinedTermSet"

    intro = models.TextField(blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    def get_definitions(self) -> list[DefinitionPage]:
        """The public terms, by title: the live ones are the same for every reader, kept by the worker until the
        content changes, and filtered by this request's own read of the view restrictions."""
        terms = worker_memo.kept("glossary.terms", self.pk, self._read_definitions)
        return [term for term in terms if request_memo.is_public(term)]

    def _read_definitions(self) -> list[DefinitionPage]:
        return list(
            DefinitionPage.objects.live()
            .child_of(self)
            .only(*LINK_COLUMNS, "short_definition", "also_known_as")
            .order_by("title")
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        definitions = self.get_definitions()
        # One section per initial, "#" (numbers and symbols) first: by title, "1 in 4" sorts before "A" but
        # "¼ rule" after "Z", and grouping them as they come made two "#" sections with one id.
        by_letter: dict[str, list[DefinitionPage]] = {}
        for term in definitions:
            by_letter.setdefault(initial_letter(term.title), []).append(term)
        groups = sorted(by_letter.items(), key=lambda group: (group[0] != "#", group[0]))
        present = {letter for letter, _ in groups}
        context["letter_groups"] = groups
        context["alphabet"] = [(letter, letter in present) for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
        context["definitions"] = definitions
        return context

    def get_json_ld(self, request: HttpRequest) -> dict[str, Any]:
        data = super().get_json_ld(request)
        return data | {
            "@id": data["url"],
            "description": self.intro,
            "hasDefinedTerm": [
                {
                    "@type": "DefinedTerm",
                    "name": term.title,
                    "description": term.short_definition,
                    "url": term.get_full_url(request),
                }
                for term in self.get_definitions()
            ],
        }

    def search_document(self) -> None:
        """Not in search: a listing of definitions, each found on its own."""
        return None


class DefinitionPage(BasePage):
    announced_on_publish = False
    saveable = False
    link_preview_field = "short_definition"  # shown when rich text links the term (content.core.links)
    reads_counted = False

    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types: list[str] = []
    template = "pages/definition_page.html"
    json_ld_type = "DefinedTerm"

    short_definition = models.TextField(
        max_length=280,
        help_text="One or two plain sentences, at most 280 characters: shown inline wherever the term is linked.",
    )
    also_known_as = models.CharField(
        max_length=250,
        blank=True,
        help_text="Other names and abbreviations, separated by commas (e.g. LAC, children in care).",
    )
    explanation = RichTextField(features=PARAGRAPH_FEATURES, blank=True)
    sources = StreamField([("source", SourceBlock())], blank=True)
    related_terms = ParentalManyToManyField("self", blank=True, symmetrical=False)
    topics = ParentalManyToManyField("topics.Topic", blank=True, related_name="definitions")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("short_definition"),
        FieldPanel("also_known_as"),
        FieldPanel("explanation"),
        FieldPanel("sources"),
        MultiFieldPanel(
            [
                FieldPanel("related_terms", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Related terms and topics",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_definition"),
        index.SearchField("also_known_as"),
        index.SearchField("explanation"),
        index.AutocompleteField("also_known_as"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "definition"

    @property
    def alternative_names(self) -> list[str]:
        return [name.strip() for name in self.also_known_as.split(",") if name.strip()]

    @cached_property
    def topic_list(self) -> list:
        """The term's topics: the same for every reader, kept by the worker until the content changes."""
        return worker_memo.kept("definition.topics", self.pk, lambda: list(self.topics.all()))

    def get_related_terms(self) -> list[DefinitionPage]:
        """Related terms a reader may open, by title: kept by the worker until the content changes
        (``worker_memo``), and filtered again by this request's view restrictions."""
        terms = worker_memo.kept("related_terms", self.pk, self._read_related_terms)
        return [term for term in terms if request_memo.is_public(term)]

    def _read_related_terms(self) -> list[DefinitionPage]:
        return list(
            public_pages(DefinitionPage)
            .filter(pk__in=self.related_terms.values_list("id", flat=True))  # a preview holds its terms in memory
            .only(*LINK_COLUMNS)
            .order_by("title")
        )

    def get_pages_using_term(self) -> list[Page]:
        """Public papers (released) and blog posts whose text links to this term (Wagtail's reference index):
        papers first, newest first. Kept by the worker until the content changes (``worker_memo``; a new day
        is a new memo, for papers released by the date) and filtered again by this request's restrictions."""
        pages = worker_memo.kept("pages_using_term", self.pk, self._read_pages_using_term)
        return [page for page in pages if request_memo.is_public(page)]

    def _read_pages_using_term(self) -> list[Page]:
        """One query of the columns a link needs (as two of whole pages, it was a quarter of the page's time)."""
        page_ids = (
            ReferenceIndex.get_references_to(self)
            .filter(base_content_type__model="page", base_content_type__app_label="wagtailcore")
            .annotate(page_id=Cast("object_id", models.IntegerField()))  # object_id is text for any model's key
            .values("page_id")
        )
        released_paper = Q(paperpage__release_date__lte=timezone.localdate())  # as papers.models.released_papers
        return list(
            public_pages(Page)
            .filter(released_paper | Q(blogpage__isnull=False), pk__in=page_ids)  # the reference index as a subquery
            .only(*LINK_COLUMNS)
            .order_by(F("paperpage__release_date").desc(nulls_last=True), F("blogpage__date").desc(), "-pk")
        )

    def get_json_ld(self, request: HttpRequest) -> dict[str, Any]:
        parent = self.get_parent()
        data = super().get_json_ld(request) | {"description": self.short_definition}
        if self.alternative_names:
            data["alternateName"] = self.alternative_names
        if parent:
            data["inDefinedTermSet"] = parent.get_full_url(request)
        return data

    def search_document(self) -> SearchDocument:
        return SearchDocument(
            kind="definition",
            kind_label="Definition",
            summary=self.short_definition,
            teaser_text=self.short_definition,
            full_text=plain([self.short_definition, self.explanation, self.sources]),
            keywords=", ".join(self.alternative_names),
            topics=list(self.topics.all()),
            short_definition=self.short_definition,
        )
