"""The blog: a paginated, filterable index and posts with reading time."""

from __future__ import annotations

import math
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.html import strip_tags

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from content.core import params, request_memo, worker_memo
from content.core.blocks import BodyStreamBlock
from content.core.models import BasePage, Person
from content.core.privacy import public_pages
from content.core.searchable import SearchDocument, plain
from content.papers.models import PaperPage
from content.topics.models import Topic

WORDS_PER_MINUTE = 200


class BlogIndexPage(BasePage):
    announced_on_publish = False
    saveable = False
    reads_counted = False

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count = 1
    template = "pages/blog_index_page.html"

    intro = models.TextField(blank=True)
    posts_per_page = models.PositiveSmallIntegerField(default=10)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    settings_panels = [*BasePage.settings_panels, FieldPanel("posts_per_page")]

    def get_posts(self) -> list[BlogPage]:
        """The index's public posts, newest first, with their topics and authors: kept by the worker until the
        content changes (``worker_memo``) and filtered again by this request's view restrictions."""
        posts = worker_memo.kept("blog.posts", self.pk, self._read_posts)
        return [post for post in posts if request_memo.is_public(post)]

    def _read_posts(self) -> list[BlogPage]:
        return list(
            public_pages(BlogPage)
            .child_of(self)
            .only("title", "url_path", "path", "depth", "content_type", "date", "intro")
            .order_by("-date", "-pk")
            .prefetch_related("topics", Prefetch("blog_authors", queryset=BlogAuthor.objects.select_related("person")))
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        everything = self.get_posts()
        posts = everything
        topic_slug, author_slug = params.text(request.GET.get("topic")), params.text(request.GET.get("author"))
        topic = Topic.objects.filter(slug=topic_slug).first() if topic_slug else None
        author = Person.objects.filter(slug=author_slug).first() if author_slug else None
        if topic:
            posts = [post for post in posts if topic in post.topics.all()]
        if author:
            posts = [post for post in posts if any(link.person_id == author.pk for link in post.blog_authors.all())]
        paginator = Paginator(posts, self.posts_per_page or 10)
        page_obj = paginator.get_page(params.page_number(request.GET.get("page")))  # past the end: the last page
        # The filters offer the topics and authors of the posts this reader may see, in name order.
        topics = {topic.pk: topic for post in everything for topic in post.topics.all()}
        people = {link.person_id: link.person for post in everything for link in post.blog_authors.all()}
        context.update(
            page_obj=page_obj,
            posts=page_obj.object_list,
            paginator=paginator,
            selected_topic=topic,
            selected_author=author,
            topics=sorted(topics.values(), key=lambda topic: topic.name),
            authors=sorted(people.values(), key=lambda person: (person.family_name, person.given_names)),
        )
        return context

    def search_document(self) -> None:
        """Not in search: a listing of posts, each found on its own."""
        return None


class BlogPage(BasePage):
    announced_on_publish = True
    saveable = True
    reads_counted = True

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types: list[str] = []
    template = "pages/blog_page.html"
    json_ld_type = "BlogPosting"

    date = models.DateField("Post date")
    intro = models.TextField(help_text="A standfirst of one or two sentences, shown in listings and feeds.")
    body = StreamField(BodyStreamBlock())
    topics = ParentalManyToManyField("topics.Topic", blank=True, related_name="blog_posts")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        InlinePanel("blog_authors", heading="Authors", label="Author", min_num=1),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                InlinePanel("related_papers", label="Related paper"),
            ],
            heading="Topics and related papers",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["-date"]
        verbose_name = "blog post"  # the label readers and editors see ("where this term is used", the admin)

    # The post's authors, topics and length: the same for every reader, kept by the worker until the content
    # changes (worker_memo; a preview keeps nothing) and read once for the page and its structured data.

    @cached_property
    def authors(self) -> list[Person]:
        return worker_memo.kept(
            "post.authors",
            self.pk,
            lambda: [link.person for link in self.blog_authors.select_related("person__organisation")],
        )

    @cached_property
    def topic_list(self) -> list[Topic]:
        return worker_memo.kept("post.topics", self.pk, lambda: list(self.topics.all()))

    @cached_property
    def word_count(self) -> int:
        """Words in the standfirst and body: the blocks' text as the search index reads it, not rendered.

        Rendering the body to count it cost a full render (every glossary link, every image) per use.
        """
        return worker_memo.kept("post.word_count", self.pk, self._count_words)

    def _count_words(self) -> int:
        text = " ".join(strip_tags(part) for part in self.body.stream_block.get_searchable_content(self.body))
        return len(f"{self.intro} {text}".split())

    @property
    def reading_time(self) -> int:
        """Minutes to read at 200 words a minute, at least one."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def og_type(self) -> str:
        return "article"

    def get_related_papers(self) -> list[Page]:
        """Related papers a reader may open, newest first: kept by the worker until the content changes, and
        filtered again by this request's view restrictions."""
        papers = worker_memo.kept("post.related_papers", self.pk, self._read_related_papers)
        return [paper for paper in papers if request_memo.is_public(paper)]

    def _read_related_papers(self) -> list[Page]:
        ids = self.related_papers.values_list("paper_id", flat=True)
        return list(
            public_pages(PaperPage)
            .filter(pk__in=ids)
            .only("title", "url_path", "path", "depth", "content_type", "release_date")
            .order_by("-release_date")
        )

    def get_json_ld(self, request: HttpRequest) -> dict[str, Any]:
        data = super().get_json_ld(request)
        return data | {
            "headline": self.title,
            "description": self.intro,
            "mainEntityOfPage": data["url"],
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or self.first_published_at).date().isoformat()
            if (self.last_published_at or self.first_published_at)
            else self.date.isoformat(),
            "author": [person.get_json_ld() for person in self.authors],
            "wordCount": self.word_count,
            "keywords": [topic.name for topic in self.topic_list],
            "inLanguage": "en-GB",
        }

    def search_document(self) -> SearchDocument:
        authors = ", ".join(person.name for person in self.authors)
        return SearchDocument(
            kind="blog",
            kind_label="Blog post",
            summary=self.intro,
            teaser_text=self.intro,
            full_text=plain([self.intro, authors, self.body]),
            date=self.date,
            topics=list(self.topics.all()),
        )


class BlogAuthor(Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="blog_authors")
    person = models.ForeignKey("core.Person", on_delete=models.PROTECT, related_name="blog_authorships")

    panels = [FieldPanel("person")]


class BlogRelatedPaper(Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="related_papers")
    paper = models.ForeignKey("papers.PaperPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("paper", "papers.PaperPage")]
