"""Standard pages: about, accessibility statement, privacy notice, contact."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from content.core.blocks import BodyStreamBlock
from content.core.models import BasePage
from content.core.searchable import SearchDocument, plain


class StandardPage(BasePage):
    announced_on_publish = False
    saveable = False
    reads_counted = False

    parent_page_types = ["home.HomePage", "standard_pages.StandardPage"]
    subpage_types = ["standard_pages.StandardPage"]
    template = "pages/standard_page.html"

    intro = models.TextField(blank=True)
    body = StreamField(BodyStreamBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    def search_document(self) -> SearchDocument:
        text = plain([self.intro, self.body])
        return SearchDocument(
            kind="page",
            kind_label="Page",
            summary=self.intro or self.search_description,
            teaser_text=self.intro,
            full_text=text,
        )
