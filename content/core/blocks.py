"""StreamField blocks shared by papers, blogs, definitions and standard pages."""

import copy

from django.core.exceptions import ValidationError
from django.utils.encoding import force_str

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.images.blocks import ImageBlock as WagtailImageBlock
from wagtail.images.blocks import ImageChooserBlock

from .charts import bar_chart
from .searchable import text_lines

INLINE_FEATURES = ["bold", "italic", "link", "document-link"]
PARAGRAPH_FEATURES = [*INLINE_FEATURES, "ol", "ul"]


class RichTextBlock(blocks.RichTextBlock):
    """Wagtail's rich text block, its searchable content a line for each paragraph, item and heading (Wagtail's
    joins them with spaces): search cuts a snippet from one line, never across two (search.highlight)."""

    def get_searchable_content(self, value):
        return text_lines(force_str(value.source)) if self.search_index else []

    def deconstruct(self):
        # Stored definitions (migrations) keep naming Wagtail's block: the data is the same.
        _, args, kwargs = super().deconstruct()
        return "wagtail.blocks.RichTextBlock", args, kwargs


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=160)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Heading 2"), ("h3", "Heading 3"), ("h4", "Heading 4")],
        default="h2",
        help_text="Headings nest under the page title (heading 1): start at heading 2.",
        search_index=False,  # markup, not words
    )

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        description = "A section heading, linkable by its anchor"
        preview_value = {"text": "What we found", "level": "h2"}


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "components/streamfield/pull_quote_block.html"
        description = "A short quotation set apart from the text"
        preview_value = {
            "quote": "Neighbourhoods with strong social infrastructure need fewer crisis interventions.",
            "attribution": "Network practitioner",
        }


class KeyStatisticBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=40, help_text="The number as readers should see it, e.g. £281,000")
    label = blocks.CharBlock(max_length=240, help_text="What the number measures")
    source = blocks.CharBlock(required=False, max_length=240)

    class Meta:
        icon = "pick"
        template = "components/streamfield/key_statistic_block.html"
        description = "A headline figure with what it measures and its source"
        preview_value = {
            "figure": "£281,000",
            "label": "average annual cost to a local authority of a child's residential placement",
            "source": "Sample source",
        }


IMAGE_RENDITION = "width-1200|format-webp"  # what components/streamfield/image_block.html renders


class RenditionImageChooserBlock(ImageChooserBlock):
    """Wagtail's image chooser, reading a stream's images and their renditions in two queries, not one per image."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.prefetch_renditions(IMAGE_RENDITION).in_bulk(values)
        seen, result = set(), []
        for pk in values:
            image = objects.get(pk)
            # A copy for each further use: Wagtail's ImageBlock gives each use its own alt text on the image.
            result.append(copy.copy(image) if image is not None and pk in seen else image)
            seen.add(pk)
        return result

    def deconstruct(self):
        # Stored definitions (migrations) keep naming Wagtail's block: the data is the same.
        _, args, kwargs = super().deconstruct()
        return "wagtail.images.blocks.ImageChooserBlock", args, kwargs


class RenditionImageBlock(WagtailImageBlock):
    """Wagtail's image block: an image with its text alternative, required unless the editor marks the image
    decorative (WCAG 2.2, 1.1.1: a decorative image has an empty alt). Its value is the image, carrying
    ``contextual_alt_text`` and ``decorative``. Its images and their renditions are read in two queries."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        # Wagtail's children, with the rendition prefetch and this site's limit and advice for alt text (its
        # definition in migrations stays Wagtail's ImageBlock: the stored data is the same).
        image = RenditionImageChooserBlock(required=required)
        alt_text = blocks.CharBlock(
            required=False,
            max_length=500,
            label="Alt text",
            help_text="Describe what the image shows for people who cannot see it, or mark the image decorative if "
            "it adds nothing to the text. Draw charts with the chart block.",
        )
        for name, block in (("image", image), ("alt_text", alt_text)):
            block.set_name(name)
            self.child_blocks[name] = block

    def clean(self, value):
        value = super().clean(value)  # an image, and alt text unless it is decorative
        if value and value.contextual_alt_text:
            try:
                self.child_blocks["alt_text"].clean(value.contextual_alt_text)  # at most 500 characters
            except ValidationError as error:
                raise StructBlockValidationError(block_errors={"alt_text": error}) from error
        return value


class ImageBlock(blocks.StructBlock):
    """An image, its text alternative (Wagtail's image block: required unless the image is decorative) and a
    caption. Stored as {"image": {"image": id, "alt_text": ..., "decorative": ...}, "caption": ...}."""

    image = RenditionImageBlock()
    caption = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "image"
        template = "components/streamfield/image_block.html"
        description = "An image or chart with its text alternative (required unless it is decorative) and a caption"


class ChartBarBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=120)
    value = blocks.FloatBlock(min_value=0)

    class Meta:
        icon = "minus"


class BarChartBlock(blocks.StructBlock):
    """A bar chart drawn from figures the editor enters: SVG that scales to any screen, with a table."""

    title = blocks.CharBlock(
        max_length=200, help_text="What the chart shows, e.g. Community spaces per 10,000 residents"
    )
    unit = blocks.CharBlock(
        required=False,
        max_length=30,
        help_text="% (shown after each value), or words such as 'per 10,000 residents' (heading the table's figures)",
        search_index=False,  # a unit (%), not the chart's words: its title and findings say what it measures
    )
    bars = blocks.ListBlock(ChartBarBlock(), min_num=1, max_num=20)
    alt_text = blocks.TextBlock(
        max_length=1000,
        help_text="The chart's findings in a sentence or two, for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=300, help_text="A note or the source of the figures")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        rows = [(bar.get("label") or "", bar.get("value")) for bar in value.get("bars") or []]
        context["chart"] = bar_chart(rows, value.get("unit") or "")
        return context

    class Meta:
        icon = "table"
        template = "components/streamfield/bar_chart_block.html"
        description = "A bar chart drawn from figures you enter, with the figures as a table"
        preview_value = {
            "title": "Community spaces per 10,000 residents",
            "bars": [{"label": "Doubly disadvantaged", "value": 3}, {"label": "England average", "value": 8}],
            "unit": "",
            "alt_text": "Doubly disadvantaged neighbourhoods have 3 community spaces per 10,000 residents; England 8.",
            "caption": "",
        }


class TableBlock(TypedTableBlock):
    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.CharBlock()),
                ("numeric", blocks.CharBlock(help_text="Right-aligned figure, e.g. 42% or £1.2m")),
                ("rich_text", RichTextBlock(features=INLINE_FEATURES)),
            ],
            **kwargs,
        )

    class Meta:
        icon = "table"
        template = "components/streamfield/table_block.html"
        description = "A data table with a caption and column headings"


class ReferenceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=500, help_text="The full reference, e.g. Author (2024) Title. Publisher.")
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "link"

    def get_searchable_content(self, value):
        """The address too: the reference prints it (Wagtail's URLBlock gives nothing)."""
        return [*super().get_searchable_content(value), *([value["url"]] if value.get("url") else [])]


class ReferencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="References", max_length=80)
    references = blocks.ListBlock(ReferenceBlock())

    class Meta:
        icon = "list-ol"
        template = "components/streamfield/references_block.html"
        description = "Numbered notes and references; link to them from the text with #ref-1, #ref-2..."
        preview_value = {
            "heading": "References",
            "references": [
                {"text": "Local Trust (2019) Left behind? Understanding communities on the edge.", "url": ""}
            ],
        }


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock(
        features=PARAGRAPH_FEATURES,
        template="components/streamfield/paragraph_block.html",
        icon="pilcrow",
        description="Text with links, lists and glossary terms",
    )
    pull_quote = PullQuoteBlock()
    key_statistic = KeyStatisticBlock()
    image = ImageBlock()
    chart = BarChartBlock()
    table = TableBlock()
    references = ReferencesBlock()

    class Meta:
        block_counts = {"references": {"max_num": 1}}


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=300)
    publisher = blocks.CharBlock(required=False, max_length=200)
    year = blocks.IntegerBlock(required=False, min_value=1800, max_value=2100)
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/source_block.html"
        description = "A published source for a definition"

    def get_searchable_content(self, value):
        """The address too (Wagtail's URLBlock gives nothing): its words, a publisher's and a report's name,
        find the definition, as they did before Wagtail's extraction (docs/search.md's relevance figures)."""
        return [*super().get_searchable_content(value), *([value["url"]] if value.get("url") else [])]
