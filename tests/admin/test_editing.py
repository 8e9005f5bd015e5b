"""Editors can create and edit every page type and snippet in the Wagtail admin."""

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from content.blog.models import BlogIndexPage, BlogPage
from content.core.models import Person
from content.glossary.models import DefinitionPage, GlossaryIndexPage
from content.papers.models import PaperPage, PaperSeriesPage
from content.topics.models import Topic


@pytest.mark.django_db
class TestAdminEditing(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_edit_view_opens_for_every_page(self):
        for page in Page.objects.filter(depth__gt=1):
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            self.assertEqual(response.status_code, 200, page.url_path)

    def test_snippet_and_settings_listings_open(self):
        for url in (
            "/admin/snippets/topics/topic/",
            "/admin/snippets/core/person/",
            "/admin/snippets/core/organisation/",
        ):
            self.assertEqual(self.client.get(url).status_code, 200, url)
        self.assertEqual(self.client.get("/admin/settings/core/sitesettings/1/").status_code, 200)

    def test_editor_creates_a_paper_with_author_body_and_topics(self):
        series = PaperSeriesPage.objects.get(slug="social-capital-2025")
        person = Person.objects.first()
        topic = Topic.objects.first()
        self.assertCanCreate(
            series,
            PaperPage,
            nested_form_data(
                {
                    "title": "Paper written in the admin",
                    "slug": "paper-written-in-the-admin",
                    "summary": "A summary.",
                    "release_date": "2025-12-01",
                    "authors": inline_formset([{"person": person.pk, "role": "Lead author"}]),
                    "topics": [topic.pk],
                    "key_findings": streamfield([("finding", rich_text("<p>A finding.</p>"))]),
                    "body": streamfield(
                        [
                            ("heading", {"text": "Introduction", "level": "h2"}),
                            ("paragraph", rich_text("<p>Some text.</p>")),
                            (
                                "key_statistic",
                                {"figure": "£281,000", "label": "a placement's annual cost", "source": ""},
                            ),
                        ]
                    ),
                }
            ),
        )
        paper = PaperPage.objects.get(slug="paper-written-in-the-admin")
        self.assertEqual([a.person for a in paper.authors.all()], [person])

    def test_editor_creates_a_definition_and_a_blog_post(self):
        glossary = GlossaryIndexPage.objects.get()
        self.assertCanCreate(
            glossary,
            DefinitionPage,
            nested_form_data(
                {
                    "title": "Test term",
                    "slug": "test-term",
                    "short_definition": "What the test term means.",
                    "explanation": rich_text("<p>More.</p>"),
                    "sources": streamfield([]),
                }
            ),
        )
        blog = BlogIndexPage.objects.get()
        self.assertCanCreate(
            blog,
            BlogPage,
            nested_form_data(
                {
                    "title": "Post written in the admin",
                    "slug": "post-written-in-the-admin",
                    "date": "2026-01-05",
                    "intro": "A standfirst.",
                    "blog_authors": inline_formset([{"person": Person.objects.first().pk}]),
                    "related_papers": inline_formset([]),
                    "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
                }
            ),
        )

    def test_image_block_requires_alt_text(self):
        """Unless the editor marks the image decorative (then its alt is empty, as WCAG 2.2 allows)."""
        import wagtail_factories

        from django.core.exceptions import ValidationError

        from content.core.blocks import ImageBlock

        block = ImageBlock()
        image = wagtail_factories.ImageFactory()
        with self.assertRaises(ValidationError):
            block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}}))
        block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}}))

    def test_a_post_with_a_decorative_image_is_written_and_edited_in_the_admin(self):
        """Wagtail's ImageBlock in the body: its form (with the decorative box) opens, and saves."""
        import wagtail_factories

        image = wagtail_factories.ImageFactory()
        image_block = {"image": {"image": image.pk, "alt_text": "", "decorative": "on"}, "caption": "A street"}
        self.assertCanCreate(
            BlogIndexPage.objects.get(),
            BlogPage,
            nested_form_data(
                {
                    "title": "Post with an image",
                    "slug": "post-with-an-image",
                    "date": "2026-01-05",
                    "intro": "A standfirst.",
                    "blog_authors": inline_formset([{"person": Person.objects.first().pk}]),
                    "related_papers": inline_formset([]),
                    "body": streamfield([("image", image_block)]),
                }
            ),
        )
        post = BlogPage.objects.get(slug="post-with-an-image")
        value = post.body[0].value
        self.assertTrue(value["image"].decorative)
        self.assertEqual((value["image"].contextual_alt_text, value["caption"]), ("", "A street"))
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
        self.assertContains(response, "Image is decorative")

    def test_page_rules_keep_the_tree_tidy(self):
        self.assertCanNotCreateAt(BlogIndexPage, PaperPage)
        self.assertCanNotCreateAt(PaperSeriesPage, BlogPage)
        self.assertAllowedSubpageTypes(PaperSeriesPage, {PaperPage})
        self.assertAllowedParentPageTypes(DefinitionPage, {GlossaryIndexPage})
