"""The anonymous page cache: whole responses of public pages for readers without a cookie.

A response is stored only when every one of these holds (``storable``), and served only to a GET or HEAD
request that carries no cookie and no Authorization header and whose query string holds only the
parameters in ``PAGE_CACHE_QUERY_PARAMS`` (``cache_key``):

- Wagtail served it as a page (the ``before_serve_page`` hook noted which), not a preview, to a reader who
  is not signed in, the page and its ancestors carry no view restriction (so never a member-only page and
  never a case-study teaser, whose page always carries its audience's restriction);
- status 200, not streamed, no Set-Cookie, no CSRF token in it, no message shown or queued, no
  ``private``/``no-store``/``no-cache`` in its Cache-Control, and no Vary header other than Cookie.

Invalidation is one site-wide *generation*, a random token in the same cache, replaced on every publish,
unpublish, move or deletion of a page, every view-restriction change and every save of a snippet, setting,
site, image, document or local authority (``connect_signals``). Each entry records the generation (and the day) it was
rendered in and is served only while both are current, so one changed token invalidates every page that
lists, links or shows the changed thing without having to know which those are. Per-page keys from
Wagtail's reference index would keep more pages warm, but the index does not know listings (a new post on
the blog index and the home page), topics pages, footers or papers released by the date: the generation
is certain and costs one extra key in the same cache round trip. Entries of old generations simply expire.

A proxy or CDN cannot read the generation, so Wagtail's frontend-cache purge is sent as well, for the
changed page, its ancestors (which list it), the pages that link to it (the reference index) and, on a
privacy change, its descendants; everything else a CDN holds lives at most ``PAGE_CACHE_SECONDS``.
See docs/performance.md.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django_tasks import task

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from content.core import worker_memo
from content.core.cache_headers import private_response
from content.core.signals import page_read

logger = logging.getLogger(__name__)

GENERATION_KEY = worker_memo.GENERATION_KEY  # the content generation, shared with what workers keep
KEY_PREFIX = "hub:page-cache:"
REFUSING_DIRECTIVES = {"private", "no-store", "no-cache"}
# Page saves that only record a draft or a lock change nothing a reader sees.
DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "wagtail_admin_comments",  # Wagtail's save_revision names its comments relation too
    "locked",
    "locked_at",
    "locked_by",
}


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


@dataclass
class Note:
    """What the page-serve path tells the middleware about the request it is serving."""

    page: Any = None
    read: tuple[str, int] | None = None  # (model label, pk) when the page_read signal was sent


def cache_key(request: HttpRequest) -> str | None:
    """The entry for this request, or None when the request must be answered afresh."""
    if request.method not in ("GET", "HEAD"):
        return None
    # No cookie at all (a session, CSRF or messages cookie would each change the page), no credentials.
    if request.META.get("HTTP_COOKIE", "").strip() or "HTTP_AUTHORIZATION" in request.META:
        return None
    allowed = settings.PAGE_CACHE_QUERY_PARAMS
    if any(name not in allowed or len(request.GET.getlist(name)) != 1 for name in request.GET):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the view answers 400 itself
    query = urlencode(sorted(request.GET.items()))
    url = f"{request.scheme}://{host}{request.path}?{query}"
    return KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """May this response be kept and given to any other reader without a cookie?"""
    note = getattr(request, "_page_cache", None)
    if note is None or note.page is None or getattr(request, "is_preview", False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not known_parameters(request):
        return False
    if not isinstance(response, HttpResponse) or b"csrfmiddlewaretoken" in response.content:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage.used or storage.added_new or storage._queued_messages):
        return False
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & REFUSING_DIRECTIVES:
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if vary - {"cookie"}:
        return False
    # The page and its ancestors carry no view restriction: one query, on a miss only.
    return not note.page.get_view_restrictions().exists()


MAX_CACHED_PAGE_NUMBER = 100
# The query parameters a page may be cached under, and the model whose slugs are their only values.
SLUG_PARAMETERS = {"topic": ("topics", "Topic"), "author": ("core", "Person")}


def known_parameters(request: HttpRequest) -> bool:
    """Only values that name something are cached: any other value would be a new entry, and a stranger
    could fill the cache with ``?topic=`` followed by anything (pages still answer them, uncached)."""
    page = request.GET.get("page")
    if page is not None and not (page.isdigit() and 1 <= int(page) <= MAX_CACHED_PAGE_NUMBER):
        return False
    for name, (app_label, model_name) in SLUG_PARAMETERS.items():
        value = request.GET.get(name)
        if value is not None and not apps.get_model(app_label, model_name).objects.filter(slug=value).exists():
            return False
    return True


def current_generation(cache, stored: dict[str, Any]) -> str:
    generation = stored.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


class PageCacheMiddleware:
    """Answers cookie-less readers from the cache and stores what ``storable`` allows.

    Sits before SessionMiddleware, so a hit does nothing but read the cache (one SQL statement on the
    database cache, none on Redis), and every cookie the inner middleware sets (session, CSRF, messages)
    is on the response it examines. The generation is read before rendering, so a page rendered while a
    change is being made is stored under the old generation and never served.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not enabled():
            return self.get_response(request)
        key = cache_key(request)
        generation = None
        if key is not None:
            cache = page_cache()
            try:
                stored = cache.get_many([GENERATION_KEY, key])
                generation = current_generation(cache, stored)
            except Exception:  # the cache is unreachable: answer afresh, as if it were empty
                logger.warning("Page cache unreachable; serving without it", exc_info=True)
                stored, key = {}, None
            worker_memo.note_generation(generation)  # what the worker keeps while rendering goes by this read
            entry = stored.get(key) if key else None
            if entry and entry["generation"] == generation and entry["day"] == timezone.localdate().isoformat():
                return self.hit(request, entry)

        request._page_cache = Note()
        response = self.get_response(request)
        if request._page_cache.page is None:
            return response  # not a Wagtail page: its view decides its own headers
        if key is not None and storable(request, response):
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
            patch_vary_headers(response, ["Cookie"])
            if request.method == "GET" and generation:  # a HEAD never sent page_read: its hits would not count
                self.store(key, generation, request._page_cache, response)
            response["X-Page-Cache"] = "miss"
        else:
            # Rendered for this reader (or not for everyone): no shared cache may keep it.
            private_response(response)
        return response

    def store(self, key: str, generation: str, note: Note, response: HttpResponse) -> None:
        entry = {
            "generation": generation,
            "day": timezone.localdate().isoformat(),
            "read": note.read,
            "response": response,
        }
        try:
            page_cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Page cache unreachable; response not stored", exc_info=True)

    def hit(self, request: HttpRequest, entry: dict[str, Any]) -> HttpResponseBase:
        response = entry["response"]
        response["X-Page-Cache"] = "hit"
        if entry["read"] and request.method == "GET":
            send_cached_read(*entry["read"], request.headers.get("User-Agent", ""))
        return response


def send_cached_read(label: str, pk: int, user_agent: str) -> None:
    """A read answered from the cache reaches insight as a rendered one does: ``page_read``, with a stand-in page
    (type and id) and a stand-in anonymous request with the reader's User-Agent (so crawlers are still told
    apart). Insight writes reads in batches (``insights.recording.READS``), so this is no write of its own."""
    page = stand_in(label, pk)
    request = HttpRequest()
    request.META["HTTP_USER_AGENT"] = user_agent[:300]
    request.user = AnonymousUser()  # no cookie: certainly nobody signed in
    try:
        page_read.send(sender=type(page), page=page, request=request)
    except Exception:
        logger.exception("Could not count a cached read of %s %s", label, pk)


@functools.lru_cache(maxsize=1024)
def stand_in(label: str, pk: int):
    """An unsaved page instance with only its type and id, made once per process (a page's __init__ costs
    half a millisecond, as much as the rest of a hit)."""
    page = apps.get_model(label)(pk=pk)
    page.id = pk  # a page type's pk is its page_ptr_id: set the Page id too
    return page


def note_served_page(page, request: HttpRequest, args, kwargs) -> None:
    """``before_serve_page`` hook: this response is a Wagtail page's."""
    note = getattr(request, "_page_cache", None)
    if note is not None:
        note.page = page


def note_read(sender, page, request: HttpRequest, **kwargs) -> None:
    note = getattr(request, "_page_cache", None)
    if note is not None:
        note.read = (page._meta.label_lower, page.pk)


# Invalidation


def bump_generation() -> None:
    """Invalidate every cached page: now, and again once the change is committed.

    The second bump covers a page rendered by another request between the first one and the commit,
    which still saw the old content. The request making the change keeps nothing more between requests
    (``worker_memo.bypass``): what it reads now may be rolled back.
    """
    worker_memo.bypass()
    _bump()
    transaction.on_commit(_bump, robust=True)


BUMP_RETRY_SECONDS, BUMP_ATTEMPTS = 10, 60  # retried by the worker for ten minutes


def _bump() -> bool:
    """A new generation; False when the cache could not be written (then the worker tries again)."""
    cache = page_cache()
    store = getattr(cache, "strict_set", cache.set)  # a tolerant Redis would drop a failed write silently
    try:
        store(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        # Pages stored before the change would be served again once the cache is back: keep trying.
        logger.error("Page cache unreachable: invalidation failed, the worker retries it", exc_info=True)
        _retry_bump(1)
        return False
    return True


def _retry_bump(attempt: int) -> None:
    if attempt > BUMP_ATTEMPTS:
        logger.error("Page cache invalidation gave up after %s attempts", BUMP_ATTEMPTS)
        return
    later = retry_bump
    if retry_bump.get_backend().supports_defer:  # a backend that runs tasks at once tries once more now
        later = retry_bump.using(run_after=timezone.now() + timedelta(seconds=BUMP_RETRY_SECONDS))
    try:
        later.enqueue(attempt)
    except Exception:
        logger.error("Page cache invalidation could not be queued", exc_info=True)


@task()
def retry_bump(attempt: int) -> bool:
    """Replace the generation once the cache answers again; queued when a bump failed."""
    cache = page_cache()
    store = getattr(cache, "strict_set", cache.set)
    try:
        store(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        if attempt < BUMP_ATTEMPTS and retry_bump.get_backend().supports_defer:
            _retry_bump(attempt + 1)
        else:
            logger.error("Page cache invalidation still failing (attempt %s)", attempt, exc_info=True)
        return False
    logger.warning("Page cache invalidated after %s retries", attempt)
    return True


def on_page_change(sender, instance, **kwargs) -> None:
    bump_generation()
    purge_frontend(instance.pk)


def on_page_move(sender, instance, url_path_before: str = "", url_path_after: str = "", **kwargs) -> None:
    bump_generation()
    # Every page listed or shown anywhere may have moved (into a restricted section, even), and the old
    # addresses a proxy holds are no pages any more: all of them go.
    old_urls = []
    parts = instance.get_url_parts() if url_path_before and settings.WAGTAILFRONTENDCACHE else None
    if parts is not None:
        _site_id, root_url, page_path = parts
        site_root = url_path_after[: len(url_path_after) - len(page_path)]
        if url_path_before.startswith(site_root):
            old_base = root_url + url_path_before[len(site_root) :]
            old_urls = [old_base] + [
                old_base + path[len(url_path_after) :]
                for path in instance.get_descendants().values_list("url_path", flat=True)
            ]
    purge_frontend(None, urls=old_urls)


def on_page_saved(sender, instance, update_fields=None, **kwargs) -> None:
    if not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    # Any other save, a page that is not live included: a save may have just taken it off the site.
    bump_generation()


def on_restriction_change(sender, instance, action: str = "", **kwargs) -> None:
    if action and not action.startswith("post_"):  # m2m_changed: the pre_ step changes nothing yet
        return
    if not isinstance(instance, PageViewRestriction):  # a group whose restrictions changed: every page goes
        bump_generation()
        purge_frontend(None)
        return
    bump_generation()
    purge_frontend(instance.page_id, descendants=True)


def on_object_change(sender, instance, **kwargs) -> None:
    """A snippet, setting, site, image, document or local authority: shown on unknown pages, so all of them go.

    Except a new image or document: no page can show it until a page that uses it is published, which
    purges. (Each case-study submission files its attachment as a document, and under the load test's
    submissions the whole page cache was renewed every few seconds: docs/operations.md.)
    """
    if kwargs.get("created") and isinstance(instance, uploaded_models()):
        return
    if isinstance(instance, watched_models()):
        bump_generation()
        purge_frontend(None)


def uploaded_models() -> tuple[type, ...]:
    """The image and document models (watched_models' two upload types)."""
    return watched_models()[3:5]


_WATCHED: tuple[type, ...] | None = None


def watched_models() -> tuple[type, ...]:
    global _WATCHED
    if _WATCHED is None:
        _WATCHED = (
            BaseSiteSetting,
            BaseGenericSetting,
            Site,
            get_image_model(),
            get_document_model(),
            *get_snippet_models(),
            apps.get_model("members", "LocalAuthority"),  # named on case-study cards and in the join form's list
        )
    return _WATCHED


def on_page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        bump_generation()
        # Whatever listed or linked it: deletions are rare, so every page goes.
        purge_frontend(None)
    else:
        on_object_change(sender, instance)


class _Purges(threading.local):
    """What this thread's transactions asked a proxy or CDN to purge, not yet sent to the worker."""

    def __init__(self) -> None:
        self.everything, self.pages, self.urls = False, {}, set()

    def take(self) -> tuple[bool, list[list], list[str]]:
        taken = (self.everything, [[pk, below] for pk, below in self.pages.items()], sorted(self.urls))
        self.__init__()
        return taken


_purges = _Purges()


def purge_frontend(page_id: int | None, *, descendants: bool = False, urls: list[str] | None = None) -> None:
    """Wagtail's frontend-cache purge for a proxy or CDN, by the worker once the change is committed;
    nothing when none is set.

    ``page_id`` None purges every live page; ``urls`` are purged as well. A transaction's purges are sent
    together as one task: deleting a section of 100 pages asked for 100 purges of the whole site, each in
    the editor's request. (A rolled-back transaction's purges go with the next one: an extra purge is
    harmless.)
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if page_id is None:
        _purges.everything = True
    else:
        _purges.pages[page_id] = _purges.pages.get(page_id, False) or descendants
    _purges.urls.update(urls or [])
    transaction.on_commit(_send_purges, robust=True)  # the first to run sends them all


def _send_purges() -> None:
    everything, pages, urls = _purges.take()
    if everything or pages or urls:
        purge_pages.enqueue(everything, pages, urls)


@task()
def purge_pages(everything: bool, pages: list[list], urls: list[str]) -> None:
    """Purge ``urls`` and every live page (``everything``) or, for each [page id, with descendants], the
    page, its ancestors, the pages that link to it and maybe its descendants."""

    batch = PurgeBatch(urls)
    if everything:
        batch.add_pages(Page.objects.live().filter(depth__gt=1))
    for page_id, descendants in [] if everything else pages:
        page = Page.objects.filter(pk=page_id).first()
        if page is None:  # deleted since: what linked to it went with the purge of everything
            continue
        batch.add_page(page)
        batch.add_pages(page.get_ancestors().live().filter(depth__gt=1))
        referring = ReferenceIndex.get_references_to(page).filter(
            base_content_type=ContentType.objects.get_for_model(Page)
        )
        batch.add_pages(Page.objects.live().filter(pk__in=referring.values_list("object_id", flat=True)))
        if descendants:
            batch.add_pages(page.get_descendants().live())
    batch.purge()


def connect_signals() -> None:
    """Called from WebsiteConfig.ready()."""

    page_published.connect(on_page_change, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_change, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="page_cache_moved")
    post_save.connect(on_page_saved, dispatch_uid="page_cache_page_saved")
    post_delete.connect(on_page_deleted, dispatch_uid="page_cache_deleted")
    post_save.connect(on_object_change, dispatch_uid="page_cache_object_saved")
    post_save.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="page_cache_pvr_saved")
    post_delete.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="page_cache_pvr_deleted")
    m2m_changed.connect(
        on_restriction_change, sender=PageViewRestriction.groups.through, dispatch_uid="page_cache_pvr_groups"
    )
    page_read.connect(note_read, dispatch_uid="page_cache_read")
