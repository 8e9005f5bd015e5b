"""The one place that decides which pages a listing, feed, sitemap or search may show.

Every public listing goes through ``public_pages``: no view filters by hand.
See docs/privacy.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection
from typing import TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db.models.functions import Substr
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, get_page_models
from wagtail.permissions import policy_registry
from wagtail.query import PageQuerySet

from . import request_memo

PageT = TypeVar("PageT", bound=Page)


def public_pages(model: type[Page] = Page) -> PageQuerySet:
    """Live pages of ``model`` that anyone may read: no view restriction on them or an ancestor.

    As Wagtail's ``.public()``, with the restrictions read once per request (``request_memo``), not once
    per listing, and one condition per depth of restricted page (``NOT substr(path, 1, n) IN (…)``) instead
    of one ``NOT LIKE`` per restricted page: the ORM compiled every one of them for every listing, a cost
    that grew with the number of case studies (a quarter of a definition page's time with eight).
    """
    by_length = defaultdict(set)
    for path in request_memo.restricted_paths():
        by_length[len(path)].add(path)
    queryset = model.objects.live()
    for length, paths in sorted(by_length.items()):
        prefix = f"restricted_prefix_{length}"
        queryset = queryset.alias(**{prefix: Substr("path", 1, length)}).exclude(**{f"{prefix}__in": sorted(paths)})
    return queryset


def passes(restriction: PageViewRestriction, user, group_ids: Callable[[], Collection[int]]) -> bool:
    """The one rule for who passes a view restriction: Wagtail's ``accept_request`` for a user, with shared
    passwords switched off. ``group_ids`` gives the user's groups, asked only for a group restriction (a
    request reads them once, alerts for many members at once)."""
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False  # in no group
        if user.is_superuser:
            return True
        return bool(set(group_ids()) & {group.pk for group in restriction.groups.all()})
    return False  # shared passwords are switched off; anything unknown is closed


def accepts(restriction: PageViewRestriction, request) -> bool:
    """Whether the request's reader passes ``restriction`` (``passes``, the reader's groups read once per
    request): for listings, the reading list, the case-study teaser and documents. Search's access levels
    (``search.access``) are decided ahead, when a page is indexed, and are written to agree with it."""
    user = request.user
    return passes(restriction, user, lambda: {group.pk for group in request_memo.user_groups(user)})


def readable_by(pages: list[Page], request) -> dict[int, bool]:
    """Which of these live pages the request's user may read, in two queries however many pages."""
    if not pages:
        return {}
    if request_memo.in_request():
        # A reader who is not signed in is refused by every group restriction: no need to read its groups.
        restrictions = request_memo.restrictions_on(pages, with_groups=request.user.is_authenticated)
    else:
        ancestor_paths = {
            page.path[:end] for page in pages for end in range(Page.steplen, len(page.path) + 1, Page.steplen)
        }
        restrictions = list(
            PageViewRestriction.objects.filter(page__path__in=ancestor_paths)
            .select_related("page")
            .prefetch_related("groups")
        )
    return {
        page.pk: all(accepts(r, request) for r in restrictions if page.path.startswith(r.page.path)) for page in pages
    }


def document_is_readable(document, request) -> bool:
    """A document opens only through a live page the reader may read, or for editors who manage documents.

    Wagtail's reference index knows every page that uses the document (as a field, an inline
    attachment or a rich-text link), so a document uploaded but not yet published on a page, or
    used only on member-only pages, reveals nothing to the public.
    """

    permission_policy = policy_registry.get_by_type(get_document_model())
    if request.user.is_authenticated and permission_policy.user_has_any_permission(request.user, ["change", "choose"]):
        return True
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages = list(Page.objects.live().filter(pk__in=_released(page_ids)))
    return any(readable_by(pages, request).values())


def document_is_public(document) -> bool:
    """True when some public live page uses the document: then anyone, and shared caches, may have it."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return public_pages().filter(pk__in=_released(page_ids)).exists()


def _released(page_ids) -> list[int]:
    """Page ids minus pages still before their release date (a paper's report is embargoed until then).

    Which page types have one is on each model (``BasePage.release_date_field``), so that this module reads
    no content app.
    """
    ids = [int(pk) for pk in page_ids]
    today, embargoed = timezone.localdate(), set()
    for model in get_page_models():
        if field := vars(model).get("release_date_field"):  # a subclass's pages are its declarer's too
            embargoed |= set(model.objects.filter(pk__in=ids, **{f"{field}__gt": today}).values_list("pk", flat=True))
    return [pk for pk in ids if pk not in embargoed]
