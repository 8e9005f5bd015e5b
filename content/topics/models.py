"""The shared taxonomy: a topic is a snippet; /topics/<slug>/ lists everything on it."""

from __future__ import annotations

import collections
from operator import attrgetter
from typing import Any

from django.db import models
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from content.core import request_memo, worker_memo
from content.core.models import BasePage
from content.core.privacy import readable_by


class Topic(index.Indexed, models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str | None:
        index_page = TopicIndexPage.objects.live().first()
        if index_page is None:
            return None
        return index_page.url + index_page.reverse_subpage("topic", args=[self.slug])


def prefetch_topics(pages: list[Page]) -> None:
    """Every page's topics, for pages of several types, in one query: a UNION of their topic tables, where
    ``prefetch_related("topics")`` reads one table per type. ``page.topics.all()`` then reads nothing."""
    by_type: dict[type, list[Page]] = collections.defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    parts = []
    for model, items in by_type.items():
        field = model._meta.get_field("topics")
        source = field.m2m_field_name()  # the through table's column for the page: "casestudypage_id" and so on
        rows = field.remote_field.through.objects.filter(**{f"{source}__in": [page.pk for page in items]})
        parts.append(rows.values_list(source, "topic_id", "topic__name", "topic__slug", "topic__description"))
    if not parts:
        return
    topics: dict[int, Topic] = {}
    topics_of: dict[int, list[Topic]] = collections.defaultdict(list)
    for page_id, topic_id, name, slug, description in parts[0].union(*parts[1:], all=True):
        if topic_id not in topics:
            topics[topic_id] = Topic.from_db(
                parts[0].db, ["id", "name", "slug", "description"], (topic_id, name, slug, description)
            )
        topics_of[page_id].append(topics[topic_id])
    for page in pages:
        found = sorted(topics_of[page.pk], key=attrgetter("name"))  # Topic's own ordering
        queryset = Topic.objects.filter(pk__in=[topic.pk for topic in found])
        queryset._result_cache, queryset._prefetch_done = found, True  # as prefetch_related leaves it
        page._prefetched_objects_cache = {**getattr(page, "_prefetched_objects_cache", {}), "topics": queryset}


PUBLIC_KINDS = ("papers", "blog_posts", "definitions")  # listed only when public; case studies as teasers


def pages_on_topic(topic: Topic, request: HttpRequest) -> dict[str, list]:
    """Public pages tagged with the topic, grouped by kind, newest first; case studies as teasers.

    The live pages are the same for every reader: kept by the worker until the content changes, and
    filtered by this request's own read of the view restrictions (a case study's tier only locks its card).
    """
    from content.case_studies.models import listable  # case_studies imports this module

    kept = worker_memo.kept("topic.pages", topic.pk, lambda: _read_pages_on_topic(topic))
    case_studies = listable(kept["case_studies"])
    readable = readable_by(case_studies, request)
    return {
        "case_studies": [(study, readable[study.pk]) for study in case_studies],
        **{name: [page for page in kept[name] if request_memo.is_public(page)] for name in PUBLIC_KINDS},
    }


def _read_pages_on_topic(topic: Topic) -> dict[str, list]:
    # Each of these apps files its pages under topics (imports this module): read from inside, not at the top.
    from content.blog.models import BlogPage
    from content.case_studies.models import MEMBER_ONLY_FIELDS, CaseStudyPage
    from content.glossary.models import DefinitionPage
    from content.papers.models import PaperPage

    case_studies = list(
        CaseStudyPage.objects.live()
        .filter(topics=topic)
        .defer(*MEMBER_ONLY_FIELDS)
        .select_related("local_authority")
        .order_by("-published_date")
    )
    papers = list(PaperPage.objects.live().filter(topics=topic).select_related("report").order_by("-release_date"))
    prefetch_topics([*case_studies, *papers])  # the cards' topic tags
    return {
        "case_studies": case_studies,
        "papers": papers,
        "blog_posts": list(BlogPage.objects.live().filter(topics=topic).order_by("-date")),
        "definitions": list(DefinitionPage.objects.live().filter(topics=topic).order_by("title")),
    }


class TopicIndexPage(RoutablePageMixin, BasePage):
    announced_on_publish = False
    saveable = False
    reads_counted = False

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "pages/topic_index_page.html"

    intro = models.TextField(blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    @path("")
    def index_route(self, request: HttpRequest) -> TemplateResponse:
        return self.render(request)

    @path("<slug:slug>/", name="topic")
    def topic_route(self, request: HttpRequest, slug: str) -> TemplateResponse:
        topic = worker_memo.kept_instance("topic", slug, lambda: Topic.objects.filter(slug=slug).first())
        if topic is None:
            raise Http404("No such topic")
        results = pages_on_topic(topic, request)
        return self.render(
            request,
            context_overrides={"topic": topic, **results, "result_count": sum(map(len, results.values()))},
            template="pages/topic_page.html",
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = worker_memo.kept("topics.all", "all", lambda: list(Topic.objects.all()))
        return context

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for topic in Topic.objects.all():
            urls.append({"location": base + self.reverse_subpage("topic", args=[topic.slug])})
        return urls

    def serve_preview(self, request: HttpRequest, mode_name: str):
        return self.index_route(request)

    def search_document(self) -> None:
        """Not in search: topics are the results' facet and tags."""
        return None
