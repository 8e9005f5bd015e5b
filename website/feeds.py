"""Atom feeds of papers and blog posts: live, public, released items only."""

from __future__ import annotations

import copy
import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from wagtail.models import Site

from content.blog.models import BlogIndexPage, BlogPage
from content.core.models import top_level_page_of_type
from content.core.privacy import public_pages
from content.papers.models import PapersIndexPage, released_papers


def _as_datetime(value: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time(9, 0)))


class HubFeed(Feed):
    feed_type = Atom1Feed
    limit = 50

    def __call__(self, request, *args, **kwargs):
        # The URLconf holds one instance for every request: what a request sets goes on a copy of its own,
        # so two requests at once in a threaded server never build their links from each other's.
        feed = copy.copy(self)
        feed.request = request
        feed.site = Site.find_for_request(request)
        return super(HubFeed, feed).__call__(request, *args, **kwargs)

    def index_url(self, model) -> str:
        """The section's index page, found by type (renaming it keeps the feed's link); the site root if the
        site has none."""
        page = top_level_page_of_type(self.request, model)
        return (page.get_url(self.request) if page is not None else None) or "/"

    def item_link(self, item) -> str:
        return item.get_url(self.request)

    def item_title(self, item) -> str:
        return item.title


class PapersFeed(HubFeed):
    title = "Research papers"
    subtitle = "New papers from the network's research series, as each is released."

    def link(self) -> str:
        return self.index_url(PapersIndexPage)

    def items(self):
        return released_papers().prefetch_related("authors__person")[: self.limit]

    def item_description(self, item) -> str:
        return item.summary

    def item_pubdate(self, item) -> datetime.datetime:
        return _as_datetime(item.release_date)

    def item_updateddate(self, item) -> datetime.datetime:
        return item.last_published_at or _as_datetime(item.release_date)

    def item_author_name(self, item) -> str:
        return ", ".join(author.person.name for author in item.authors.all())


class BlogFeed(HubFeed):
    title = "Blog"
    subtitle = "Posts from the network and its partners."

    def link(self) -> str:
        return self.index_url(BlogIndexPage)

    def items(self):
        return public_pages(BlogPage).order_by("-date", "-pk").prefetch_related("blog_authors__person")[: self.limit]

    def item_description(self, item) -> str:
        return item.intro

    def item_pubdate(self, item) -> datetime.datetime:
        return _as_datetime(item.date)

    def item_updateddate(self, item) -> datetime.datetime:
        return item.last_published_at or _as_datetime(item.date)

    def item_author_name(self, item) -> str:
        return ", ".join(link.person.name for link in item.blog_authors.all())
