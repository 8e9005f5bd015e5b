"""Who may read what, in the four access levels the search index knows.

Every live page is indexed at one access level, from the strictest view restriction on it or an
ancestor. A reader sees the full entry of a page whose level they may read, and otherwise only its
teaser entry (title and public summary), so restricted text can never match or be shown.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from wagtail.models import Page, PageViewRestriction

from content.core import request_memo
from content.core.groups import EDITORIAL_GROUPS, LOCAL_GOVERNMENT_MEMBERS, MEMBERS

PUBLIC, MEMBERS_ONLY, LOCAL_GOVERNMENT, STAFF = "public", "members", "local_government", "staff"
LEVELS = (PUBLIC, MEMBERS_ONLY, LOCAL_GOVERNMENT, STAFF)
EDITOR_GROUPS = frozenset(EDITORIAL_GROUPS)


def _level_of(restriction: PageViewRestriction) -> str:
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return MEMBERS_ONLY
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        names = {group.name for group in restriction.groups.all()}
        if MEMBERS in names:
            return MEMBERS_ONLY
        if LOCAL_GOVERNMENT_MEMBERS in names:
            return LOCAL_GOVERNMENT
    return STAFF


def access_level(page: Page) -> str:
    """The strictest level among the page's own and inherited view restrictions."""
    restrictions = PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).prefetch_related(
        "groups"
    )
    levels = [_level_of(restriction) for restriction in restrictions] or [PUBLIC]
    return max(levels, key=LEVELS.index)


def readable_levels(user: AnonymousUser | object | None) -> frozenset[str]:
    """The access levels whose full entries this user may search and see."""
    if user is None or not user.is_authenticated:
        return frozenset({PUBLIC})
    if user.is_superuser:
        return frozenset(LEVELS)
    names = request_memo.user_group_names(user)
    levels = {PUBLIC}
    if names & {MEMBERS, LOCAL_GOVERNMENT_MEMBERS} or names & EDITOR_GROUPS:
        levels.add(MEMBERS_ONLY)
    if LOCAL_GOVERNMENT_MEMBERS in names or names & EDITOR_GROUPS:
        levels.add(LOCAL_GOVERNMENT)
    if names & EDITOR_GROUPS:
        levels.add(STAFF)
    return frozenset(levels)
