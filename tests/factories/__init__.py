"""Factories for the hub's snippets and pages (factory_boy and wagtail-factories)."""

from __future__ import annotations

import datetime

import factory
import wagtail_factories

from django.utils import timezone

from content.blog.models import BlogAuthor, BlogIndexPage, BlogPage
from content.case_studies.models import CaseStudyPage
from content.core.models import Organisation, Person
from content.glossary.models import DefinitionPage, GlossaryIndexPage
from content.papers.models import PaperAuthor, PaperPage, PaperSeriesPage, PapersIndexPage
from content.standard_pages.models import StandardPage
from content.topics.models import Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")

    class Meta:
        model = Organisation


class PersonFactory(factory.django.DjangoModelFactory):
    given_names = "Ada"
    family_name = factory.Sequence(lambda n: f"Author{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    job_title = "Researcher"
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = Person


class PapersIndexPageFactory(wagtail_factories.PageFactory):
    title = "Papers"

    class Meta:
        model = PapersIndexPage


class PaperSeriesPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Series {n}")
    intro = "A series of papers."

    class Meta:
        model = PaperSeriesPage


class PaperPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Paper {n}")
    summary = "What the paper found, in two sentences. It matters."
    release_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = PaperPage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            for order, person in enumerate(extracted):
                PaperAuthor.objects.create(page=self, person=person, role="Author", sort_order=order)


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blog"

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Post {n}")
    date = factory.LazyFunction(timezone.localdate)
    intro = "A short standfirst."
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = BlogPage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            for order, person in enumerate(extracted):
                BlogAuthor.objects.create(page=self, person=person, sort_order=order)


class GlossaryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Definitions"

    class Meta:
        model = GlossaryIndexPage


class DefinitionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Term {n}")
    short_definition = "A short definition of the term."

    class Meta:
        model = DefinitionPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "An introduction."

    class Meta:
        model = StandardPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Case study {n}")
    summary = "A public teaser of the case study."
    published_date = factory.LazyFunction(timezone.localdate)
    challenge = "<p>The challenge.</p>"
    what_we_did = "<p>What was done.</p>"
    outcomes = "<p>What happened.</p>"
    lessons = "<p>What was learned.</p>"

    class Meta:
        model = CaseStudyPage
