"""The body's image block: Wagtail's ImageBlock for the image and its alt text, with a caption, and the data
migration that moved the stored values into it (live data and revisions)."""

import pytest
import wagtail_factories

from django.apps import apps
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from wagtail.blocks import StreamValue

from content.blog.models import BlogPage
from content.core.block_migrations import image_block_into_wagtails
from content.core.blocks import ImageBlock

pytestmark = pytest.mark.django_db


def test_alt_text_is_required_unless_the_image_is_decorative():
    block = ImageBlock()
    image = wagtail_factories.ImageFactory()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "x" * 501, "decorative": False}}))
    decorative = block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}}))
    assert decorative["image"].decorative and decorative["image"].contextual_alt_text == ""
    described = block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "A map", "decorative": False}}))
    assert described["image"].contextual_alt_text == "A map"


def test_the_template_renders_the_same_figure():
    block = ImageBlock()
    image = wagtail_factories.ImageFactory()
    value = block.to_python(
        {"image": {"image": image.pk, "alt_text": "A map", "decorative": False}, "caption": "Ward"}
    )
    html = block.render(value)
    assert html.startswith('<figure class="figure"><img src="')
    assert 'alt="A map" loading="lazy"><figcaption>Ward</figcaption></figure>' in html
    decorative = block.to_python({"image": {"image": image.pk, "alt_text": "ignored", "decorative": True}})
    assert 'alt="" loading="lazy"></figure>' in block.render(decorative)
    assert render_to_string("components/streamfield/image_block.html", {"value": value}) == html


def test_the_migration_moves_live_data_and_revisions_into_wagtails_shape():
    image = wagtail_factories.ImageFactory()
    page = BlogPage.objects.live().first()
    old = [
        {"type": "paragraph", "value": "<p>Text.</p>", "id": "p1"},
        {"type": "image", "value": {"image": image.pk, "alt_text": "A map", "caption": "Ward"}, "id": "i1"},
    ]
    page.body = StreamValue(page.body.stream_block, old, is_lazy=True)
    revision = page.save_revision()  # a draft in the old shape
    BlogPage.objects.filter(pk=page.pk).update(body=StreamValue(page.body.stream_block, old, is_lazy=True))

    image_block_into_wagtails("blog", "BlogPage").code(apps, None)

    moved = {"image": {"image": image.pk, "alt_text": "A map", "decorative": False}, "caption": "Ward"}
    page.refresh_from_db()
    assert page.body.raw_data[1]["value"] == moved
    assert page.body.raw_data[0]["value"] == "<p>Text.</p>"
    revision.refresh_from_db()
    assert revision.as_object().body.raw_data[1]["value"] == moved
    assert page.body[1].value["image"].contextual_alt_text == "A map"

    image_block_into_wagtails("blog", "BlogPage").reverse_code(apps, None)
    page.refresh_from_db()
    assert page.body.raw_data[1]["value"] == old[1]["value"]


def test_an_image_deleted_from_the_library_leaves_no_empty_figure():
    block = ImageBlock()
    image = wagtail_factories.ImageFactory()
    raw = {"image": {"image": image.pk, "alt_text": "A map", "decorative": False}, "caption": "Ward"}
    image.delete()
    assert block.render(block.to_python(raw)).strip() == ""
