"""The base page, shared snippets (people, organisations) and site-wide settings."""

from __future__ import annotations

import json
from datetime import timedelta
from operator import attrgetter
from typing import Any, ClassVar

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index

from . import links, request_memo, worker_memo
from .blocks import INLINE_FEATURES
from .searchable import SearchDocument
from .signals import page_read


def routes_to_children(page: Page, remaining: list[str]) -> bool:
    """Would Wagtail route ``remaining`` from ``page`` to its children, without the page's specific row?

    True for ordinary pages; for a routable page (RoutablePageMixin) when none of its own routes matches
    the rest of the path (or it is not live), as RoutablePageMixin.route decides.
    """
    cls = page.specific_class
    if cls is None:
        return False
    if cls.route is BasePage.route:
        return True
    if issubclass(cls, RoutablePageMixin) and cls.route is RoutablePageMixin.route and remaining:
        if not page.live:
            return True
        try:
            cls.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return True
    return False


class BasePage(Page):
    """Every page of the hub: meta description, social card and structured data.

    Each page type also states, on its own model, what the features built over the content apps do with it
    (``CONTRACT``; ``content.core.checks`` fails for a page model that does not say): whether publishing it
    is news that alerts announce, whether members can keep it on their reading list, whether a full read of it
    counts in Network insight, and what it contributes to search (``search_document``). Its label in emails
    and lists is its ``verbose_name``.
    """

    CONTRACT = ("announced_on_publish", "saveable", "reads_counted", "search_document")
    announced_on_publish: ClassVar[bool] = False  # publishing it emails the people following it (alerts)
    saveable: ClassVar[bool] = False  # members can save it to their reading list
    reads_counted: ClassVar[bool] = False  # a full read of it counts in Network insight (insights)
    # Optional, asked by content.core itself (which imports no content app):
    release_date_field: ClassVar[str | None] = None  # before this date, documents it links stay embargoed
    link_preview_field: ClassVar[str | None] = None  # text a rich-text link to it shows in a pop-up (a term's)

    promote_panels = [*Page.promote_panels]

    class Meta:
        abstract = True

    def is_news(self, lookback: timedelta) -> bool:
        """Whether publishing made this page news within ``lookback`` (alerts announce it once, then).

        For page types that are ``announced_on_publish``: when first published; a type whose news comes later
        (a paper, on its release date) says so itself.
        """
        if not self.announced_on_publish or self.first_published_at is None:
            return False
        return self.first_published_at >= timezone.now() - lookback

    def search_document(self) -> SearchDocument | None:
        """What this page contributes to the site's search (``search.entries``), or None to stay out of it."""
        return None

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # The full page is being rendered for a reader (routable pages too, whose default route
        # does not go through serve()); teasers, previews and sub-routes such as citations do not.
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            worker_memo.bypass()
        self.prefetch_links(request)
        if (
            request.method == "GET"
            and not getattr(request, "is_preview", False)
            and request.path == self.get_url(request)
        ):
            page_read.send(sender=type(self), page=self, request=request)
        return context

    def route(self, request: HttpRequest, path_components: list[str]):
        """Wagtail's routing, with the pages down the path read in one query instead of two per level.

        Pages are walked from the top as Wagtail does; a page whose type routes for itself (routable
        pages) is handed the rest of the path, so its own routes keep precedence over its children.
        """
        if not path_components:
            return super().route(request, path_components)
        page, consumed = walk_down(self, path_components)
        if page is self:
            return super().route(request, path_components)
        return for_serving(page).route(request, path_components[consumed:])

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors, from the request's one read of them all.

        Still a queryset (callers order, filter and prefetch it); within a request its result is
        already known, so serving a page costs no query for its privacy check.
        """
        if self.alias_of_id:
            return super().get_view_restrictions()
        if not request_memo.in_request():
            ancestor_paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
            return PageViewRestriction.objects.filter(page__path__in=ancestor_paths)
        matching = request_memo.restrictions_on([self])
        queryset = PageViewRestriction.objects.filter(pk__in=[r.pk for r in matching])
        queryset._result_cache = matching  # the same rows the filter selects, already read
        queryset._prefetch_done = True
        return queryset

    def rich_text_sources(self) -> list[str]:
        """The stored rich text of this page's fields, StreamFields as their JSON."""
        texts = []
        for field in self._meta.concrete_fields:
            if isinstance(field, RichTextField):
                texts.append(getattr(self, field.attname) or "")
            elif isinstance(field, StreamField):
                value = getattr(self, field.attname)
                texts.append(json.dumps(list(value.raw_data), cls=DjangoJSONEncoder) if value else "")
        return texts

    def prefetch_links(self, request: HttpRequest) -> None:
        """Look up every page linked from this page's rich text and the footer at once, not block by block."""
        footer = ""
        if request is not None and Site.find_for_request(request) is not None:  # cached on the request
            footer = SiteSettings.for_request(request).footer_text
        request_memo.site_root_paths(request)  # Wagtail's copy for the request, shared with the links' URLs
        links.link_tags(links.page_link_ids(*self.rich_text_sources(), footer))

    # Fields that stand in for an unwritten search description, first one with text wins; a page type whose
    # summary has another name declares it (HomePage: its introduction).
    meta_description_fields: tuple[str, ...] = ("summary", "short_definition", "intro")

    @property
    def meta_description(self) -> str:
        """Search description if the editor wrote one, else the page's own summary."""
        if self.search_description:
            return self.search_description
        for attribute in self.meta_description_fields:
            value = getattr(self, attribute, "")
            if value:
                return strip_tags(str(value))[:300]
        return ""

    @property
    def og_type(self) -> str:
        return "website"

    # The schema.org type a page type's structured data describes; it names its own and adds its own properties.
    json_ld_type: ClassVar[str] = "WebPage"

    def get_json_ld(self, request: HttpRequest) -> dict[str, Any]:
        """schema.org data for this page: what every page has (context, type, name, address, description). A page
        type sets json_ld_type and extends it, ``super().get_json_ld(request) | {...}``, with only its own."""
        return {
            "@context": "https://schema.org",
            "@type": self.json_ld_type,
            "name": self.title,
            "url": self.get_full_url(request),
            "description": self.meta_description,
        }


class Organisation(index.Indexed, models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    url = models.URLField("Website", blank=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("url"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(index.Indexed, models.Model):
    """An author: named for citations as family name plus given names."""

    given_names = models.CharField(max_length=120)
    family_name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=100, unique=True)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    bio = models.TextField(blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("given_names"), FieldPanel("family_name")], heading="Name"),
        FieldPanel("slug"),
        FieldPanel("job_title"),
        FieldPanel("organisation"),
        FieldPanel("bio"),
    ]
    search_fields = [
        index.SearchField("given_names"),
        index.SearchField("family_name"),
        index.AutocompleteField("family_name"),
    ]

    class Meta:
        ordering = ["family_name", "given_names"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"{self.given_names} {self.family_name}"

    @property
    def initials(self) -> str:
        """Initials with full stops, as Harvard and APA cite them: 'A. B.'"""
        return " ".join(f"{part[0]}." for part in self.given_names.replace("-", " ").split() if part)

    def get_json_ld(self) -> dict[str, Any]:
        data: dict[str, Any] = {"@type": "Person", "name": self.name}
        if self.job_title:
            data["jobTitle"] = self.job_title
        if self.organisation:
            data["affiliation"] = {"@type": "Organization", "name": self.organisation.name}
        return data


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What every page of a site shares: the footer and the sample-content notice."""

    organisation_name = models.CharField(max_length=200, default="National Network for Neighbourhood Improvement")
    strapline = models.CharField(max_length=200, blank=True)
    footer_text = RichTextField(features=INLINE_FEATURES, blank=True)
    contact_email = models.EmailField(blank=True)
    sample_content_notice = models.BooleanField(
        default=False,
        help_text="Show a banner on every page saying that the content is sample content.",
    )
    # Chosen, not found by slug: templates link them by id ({% settings_page_url %}), so renaming or moving
    # the page keeps every link to it.
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice: linked from sign-up, every consent and the member's area.",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The contact page: linked from pages that send readers to a person.",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("strapline"),
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
        FieldPanel("sample_content_notice"),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("contact_page"),
    ]

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def for_site(cls, site: Site | None) -> SiteSettings:
        """Wagtail's, read once per worker until a setting or site changes (``worker_memo``): every page
        shows them."""
        if site is None or site.pk is None:
            return super().for_site(site)

        def read() -> SiteSettings:
            return super(SiteSettings, cls).for_site(site)

        return worker_memo.kept_instance("site_settings", site.pk, read)


def kept_top_level_pages(root: Page) -> list[Page]:
    """The site root's live children in tree order (the menu and footer; ``request_memo.top_level_pages``
    filters them by the request's restrictions): kept by the worker, built afresh for each request."""
    rows = worker_memo.kept(
        "top_level_pages",
        root.path,
        lambda: [
            worker_memo.Row.of(page)
            for page in Page.objects.filter(depth=root.depth + 1, live=True, path__startswith=root.path)
        ],
    )
    return sorted((row.build() for row in rows), key=attrgetter("path"))


def top_level_pages(request: HttpRequest | None) -> list[Page]:
    """The live, public top-level pages of the request's site (the menu's): read once per request, by routing
    when it serves a page, and kept by the worker between requests."""
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_page if site is not None else None
    if root is not None and not request_memo.has_top_level_pages():  # routing reads them for a page
        request_memo.set_top_level_pages(kept_top_level_pages(root))
    return request_memo.top_level_pages(root)


def top_level_page_of_type(request: HttpRequest | None, model: type[Page]) -> Page | None:
    """The site's top-level page of this type (a section's index), found among ``top_level_pages``: no query
    of its own, and an editor may rename its slug. A generic ``Page``, not the specific one."""
    content_type_id = ContentType.objects.get_for_model(model).pk  # Django keeps it for the process
    return next((page for page in top_level_pages(request) if page.content_type_id == content_type_id), None)


KEPT_PATH_DEPTH, KEPT_PATH_LENGTH = 8, 400  # deeper or longer addresses are walked without keeping anything


def walk_down(start: Page, path_components: list[str], *, top_level: bool = False) -> tuple[Page, int]:
    """The deepest page down ``path_components`` from ``start`` that routes to its children, read in one query
    (none when the worker kept them).

    Returns that page (``start`` itself when the first step is not a child) and how many components it
    consumed. ``start`` need not be a specific page. With ``top_level`` (``start`` is the site's root), the
    same query reads the root's live children for the menu and footer (``request_memo``'s ``top_level_pages``).
    """
    paths = [f"{start.url_path}{'/'.join(path_components[: i + 1])}/" for i in range(len(path_components))]

    def read(missing: set[tuple[str, str]]) -> dict[tuple[str, str], worker_memo.Row]:
        below = Page.objects.filter(url_path__in=[url_path for _, url_path in missing], depth__gt=start.depth)
        return {
            (start.path, page.url_path): worker_memo.Row.of(page) for page in below.filter(path__startswith=start.path)
        }

    # The tree rows down a path are the same for every reader: kept by the worker (a missing one as None) until
    # the content changes, and built afresh for each request. Whether the reader may see them is decided later,
    # per request (the page's view restrictions).
    wanted = [(start.path, url_path) for url_path in paths]
    if len(paths) <= KEPT_PATH_DEPTH and len(paths[-1]) <= KEPT_PATH_LENGTH:
        rows = worker_memo.kept_many("page_at", wanted, read)
    else:  # no page is this deep: a made-up address, whose every step would be kept as missing
        rows = read(set(wanted))
    found = {url_path: row.build() for (_, url_path), row in rows.items() if row is not None}
    if top_level:
        request_memo.set_top_level_pages(kept_top_level_pages(start))
    request_memo.current().setdefault("pages_by_path", {}).update(
        {page.path: page for page in [start, *found.values()]}
    )
    page, consumed = start, 0
    for url_path in paths:
        child = found.get(url_path)
        if child is None or child.depth != page.depth + 1:
            break
        child._cached_parent_obj = page
        page, consumed = child, consumed + 1
        if not routes_to_children(page, path_components[consumed:]):
            break  # a page that routes for itself
    return page, consumed


def for_serving(page: Page) -> Page:
    """The specific page, with what its type asks to read with it (``serve_select_related``)."""
    related = getattr(page.specific_class, "serve_select_related", None)
    if related:
        return page.specific_class.objects.select_related(*related).get(pk=page.pk)
    # Kept by the worker until the content changes (its columns; built afresh for each request). As Wagtail's
    # ``specific``, what routing noted on the generic page (its parent) goes with it.
    specific = worker_memo.kept_instance("specific_page", page.pk, lambda: page.specific_class.objects.get(pk=page.pk))
    if specific is None:
        raise page.specific_class.DoesNotExist
    if worker_memo.generation() is not None and not _still_there(specific):
        # Moved or unpublished while the generation could not be replaced (the cache down at that moment):
        # this worker drops all it kept, and this address answers as Wagtail would now.
        worker_memo.forget()
        worker_memo.bypass()
        raise Http404
    for name, value in page.__dict__.items():
        if name not in ("_state", "specific", "specific_deferred"):
            specific.__dict__.setdefault(name, value)
    return specific


def _still_there(page: Page) -> bool:
    """Whether the page served from what the worker kept is still as live, at the same place in the tree: one
    read of three columns, so a kept route can never serve a page moved under a view restriction."""
    return Page.objects.filter(pk=page.pk, live=page.live, path=page.path, url_path=page.url_path).exists()


CHOSEN_PAGES = ("privacy_page", "contact_page")  # pages SiteSettings chooses, linked from every consent notice


def chosen_page(request: HttpRequest, field: str, candidates: list[Page] = ()) -> Page | None:
    """The live, public page the site's settings choose for ``field``: one of ``candidates`` when it is (no
    query), else read once per request. None when none is chosen, or it is not live and public."""
    if field not in CHOSEN_PAGES:
        raise ValueError(f"SiteSettings chooses no {field!r}: one of {', '.join(CHOSEN_PAGES)}")
    page_id = getattr(SiteSettings.for_request(request), f"{field}_id")
    if page_id is None:
        return None
    page = next((page for page in candidates if page.pk == page_id), None)
    if page is not None:
        return page
    memo = request_memo.current().setdefault("linked_pages", {})
    if page_id not in memo:
        page = Page.objects.live().filter(pk=page_id).first()
        memo[page_id] = page if page is not None and request_memo.is_public(page) else None
    return memo[page_id]
