"""What one request looks up once, however many times its templates ask: view restrictions and page links.

Rich text is expanded block by block, and the menu, footer and every glossary link check privacy: without a
memo each of those is a query again. The memo lives exactly as long as one request (Django's
``request_started`` and ``request_finished`` signals), so nothing in it can outlive a publish, an unpublish
or a privacy change; outside a request (emails, the worker) every call looks up afresh.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.contrib.auth.models import Group
from django.core.signals import request_finished, request_started
from django.db.models import prefetch_related_objects
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

_memo: ContextVar[dict[str, Any] | None] = ContextVar("hub_request_memo", default=None)


def current() -> dict[str, Any]:
    """This request's memo, or a throwaway one outside a request."""
    memo = _memo.get()
    return memo if memo is not None else {}


def _start(**kwargs: Any) -> None:
    _memo.set({})


def _finish(**kwargs: Any) -> None:
    _memo.set(None)


def forget(**kwargs: Any) -> None:
    """A page or a restriction changed during the request (an editor's publish, a move): read afresh, and
    keep nothing between requests from now on (``worker_memo``: a generation of None), since what this
    request reads may yet be rolled back."""
    memo = _memo.get()
    if memo is not None:
        memo.clear()
        memo["generation"] = None


def connect() -> None:
    request_started.connect(_start, dispatch_uid="hub_request_memo_start")
    request_finished.connect(_finish, dispatch_uid="hub_request_memo_finish")
    for signal in (post_save, post_delete):
        signal.connect(forget, sender=PageViewRestriction, dispatch_uid=f"hub_request_memo_restriction_{id(signal)}")
    m2m_changed.connect(forget, sender=PageViewRestriction.groups.through, dispatch_uid="hub_request_memo_groups")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget, dispatch_uid=f"hub_request_memo_page_{id(signal)}")
    post_delete.connect(_forget_page, dispatch_uid="hub_request_memo_page_deleted")
    post_save.connect(_forget_page, dispatch_uid="hub_request_memo_page_saved")


def _forget_page(sender, **kwargs: Any) -> None:
    if isinstance(sender, type) and issubclass(sender, Page):
        forget()


def in_request() -> bool:
    return _memo.get() is not None


def restrictions() -> list[PageViewRestriction]:
    """Every view restriction with its page's tree path, read once per request."""
    memo = current()
    if "restrictions" not in memo:
        memo["restrictions"] = list(
            PageViewRestriction.objects.select_related("page").only(
                "id", "restriction_type", "password", "page_id", "page__path", "page__depth", "page__content_type_id"
            )
        )
    return memo["restrictions"]


def restrictions_on(pages, *, with_groups: bool = True) -> list[PageViewRestriction]:
    """The restrictions on these pages or their ancestors, with their groups (read once, when first needed)."""
    matching = [r for r in restrictions() if any(page.path.startswith(r.page.path) for page in pages)]
    if not with_groups:
        return matching
    unread = [r for r in matching if r.restriction_type == PageViewRestriction.GROUPS and not _groups_read(r)]
    if unread:
        prefetch_related_objects(unread, "groups")
    return matching


def _groups_read(restriction: PageViewRestriction) -> bool:
    return "groups" in getattr(restriction, "_prefetched_objects_cache", {})


def restricted_paths() -> list[str]:
    """Tree paths of every page with a view restriction of any kind."""
    return [restriction.page.path for restriction in restrictions()]


def is_public(page) -> bool:
    """As Wagtail's ``PageQuerySet.public()``: neither the page nor an ancestor carries a view restriction."""
    return is_public_path(page.path)


def is_public_path(tree_path: str) -> bool:
    """``is_public`` for the page at this tree path."""
    return not any(tree_path.startswith(path) for path in restricted_paths())


def set_top_level_pages(pages: list[Page]) -> None:
    """The site root's live children, read by routing in the same query as the requested path."""
    current()["top_level_pages"] = pages


def has_top_level_pages() -> bool:
    return "top_level_pages" in current()


def top_level_pages(root: Page | None) -> list[Page]:
    """Live, public children of the site's root in tree order, for the menu and the footer: read once per
    request, and not at all when routing already read them."""
    memo = current()
    if "top_level_pages" not in memo:
        memo["top_level_pages"] = list(Page.objects.live().child_of(root).order_by("path")) if root is not None else []
    return [page for page in memo["top_level_pages"] if is_public(page)]


def user_groups(user) -> list[Group]:
    """The signed-in user's groups, read once per request by every access check that asks.

    They are kept as ``user.groups``' prefetched rows on the request's user, so Wagtail's own view-restriction
    check (``user.groups.all()``) reads none again, and adding or removing a group through that user drops
    them (Django's related manager forgets its prefetched rows on every change): never stale.
    """
    if user is None or not user.is_authenticated:
        return []
    prefetch_related_objects([user], "groups")  # nothing to read when they are already there
    return list(user.groups.all())


def user_group_names(user) -> set[str]:
    return {group.name for group in user_groups(user)}


def site_root_paths(request=None) -> list:
    """Wagtail's ``Site.get_site_root_paths()`` (a read of the cache: a query on the database cache) once per
    request, however many links a page's rich text has.

    Given the request, the copy is also the one Wagtail keeps on the request for every ``get_url(request)``
    (``Page._get_site_root_paths``' ``_wagtail_cached_site_root_paths``), so the page's own URLs and its
    links' share one read.
    """
    memo = current()
    if "site_root_paths" not in memo:
        paths = getattr(request, "_wagtail_cached_site_root_paths", None)
        memo["site_root_paths"] = paths if paths is not None else Site.get_site_root_paths()
    if request is not None:
        request._wagtail_cached_site_root_paths = memo["site_root_paths"]
    return memo["site_root_paths"]
