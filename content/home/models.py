"""The home page: purpose, latest papers and posts, a call to sign up, featured terms."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Site

from content.blog.models import BlogPage
from content.core import request_memo, worker_memo
from content.core.blocks import INLINE_FEATURES
from content.core.models import BasePage
from content.core.privacy import public_pages
from content.glossary.models import DefinitionPage
from content.papers.models import released_papers

SPARE = 5  # listed pages kept beyond the three shown, in case some became restricted since


class HomePage(BasePage):
    announced_on_publish = False
    saveable = False
    reads_counted = False

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "pages/home_page.html"
    meta_description_fields = ("hero_text", "purpose")  # the home page had no meta description at all

    hero_heading = models.CharField(max_length=120)
    hero_text = models.TextField(blank=True)
    purpose = RichTextField(features=INLINE_FEATURES, blank=True)
    signup_heading = models.CharField(max_length=120, blank=True)
    signup_text = models.TextField(blank=True)
    signup_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the call to sign up leads.",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text")], heading="Introduction"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [FieldPanel("signup_heading"), FieldPanel("signup_text"), PageChooserPanel("signup_page")],
            heading="Call to sign up",
        ),
        InlinePanel("featured_definitions", label="Featured definition", max_num=6),
    ]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # The same for every reader: kept by the worker until the content changes (worker_memo), each list
        # a few longer than shown and filtered again by this request's view restrictions.
        kept = worker_memo.kept("home.listings", self.pk, self._read_listings)
        visible = {name: [page for page in pages if request_memo.is_public(page)] for name, pages in kept.items()}
        context.update(
            latest_papers=visible["latest_papers"][:3],
            latest_posts=visible["latest_posts"][:3],
            featured_definitions=visible["featured_definitions"],
        )
        return context

    def _read_listings(self) -> dict[str, list]:

        # One query: the public featured terms in the editor's order.
        featured_order = HomeFeaturedDefinition.objects.filter(page=self, definition=OuterRef("pk")).values(
            "sort_order"
        )
        return {
            "latest_papers": list(released_papers().prefetch_related("topics")[: 3 + SPARE]),
            "latest_posts": list(public_pages(BlogPage).order_by("-date", "-pk")[: 3 + SPARE]),
            "featured_definitions": list(
                public_pages(DefinitionPage)
                .annotate(featured_order=Subquery(featured_order[:1]))
                .filter(featured_order__isnull=False)
                .order_by("featured_order", "pk")
            ),
        }

    def get_json_ld(self, request: HttpRequest) -> dict[str, Any]:
        """The site and its organisation, then the home page itself as a WebPage of that site, in one graph."""
        page = super().get_json_ld(request)
        context = page.pop("@context")
        url = page["url"]
        site = Site.find_for_request(request) or self.get_site()  # cached on the request
        return {
            "@context": context,
            "@graph": [
                {
                    "@type": "WebSite",
                    "@id": f"{url}#website",
                    "name": site.site_name or self.title,
                    "url": url,
                    "potentialAction": {
                        "@type": "SearchAction",
                        "target": f"{url}search/?q={{query}}",
                        "query-input": "required name=query",
                    },
                },
                {
                    "@type": "Organization",
                    "@id": f"{url}#organisation",
                    "name": site.site_name or self.title,
                    "url": url,
                },
                page | {"@id": f"{url}#webpage", "isPartOf": {"@id": f"{url}#website"}},
            ],
        }

    def search_document(self) -> None:
        """Not in search: it gathers what search finds on its own pages."""
        return None


class HomeFeaturedDefinition(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_definitions")
    definition = models.ForeignKey("glossary.DefinitionPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("definition", "glossary.DefinitionPage")]
