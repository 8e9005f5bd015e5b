"""No input gives a 5xx, on any route: property-based fuzzing of every URL pattern with Hypothesis.

What it does
- ``ROUTES`` names every URL pattern outside /admin/ (as the resolver spells it) with what the view reads:
  query-string names, form fields and, for regex patterns, how to build a path. Forms found on the
  route's own page are fuzzed too. ``test_every_url_pattern_is_covered`` walks the resolver (allauth,
  members, alerts, questions, submissions, search, documents, feeds, sitemap, Wagtail's page serving...)
  and fails when a pattern is missing here, or listed here and gone.
- /admin/: every admin pattern is requested anonymously and as a member (it must send them to sign in,
  never a 5xx), and ``ADMIN_AREAS`` must name every admin area (the first path segment); a new area fails
  the coverage test until it is classified. ``ADMIN_SAMPLE`` is fuzzed as staff (a superuser): the project's
  own admin views (insight, membership, alerts, questions, background tasks) and a sample of Wagtail's.
- Each example sends one request (GET, form POST, multipart POST or JSON POST) with hostile path
  parameters, query strings and form fields: quotes, NUL, 10,000 characters, invalid UTF-8 percent-encoding,
  huge and negative numbers, wrong types, repeated parameters (up to past Django's 1,000-field limit), empty
  values, and real ids so that views get past their first lookup. Anonymous, and signed in as a verified
  local-government member who has a case-study draft.
- Asserts: the status is below 500 and nothing was logged at ERROR (Django logs every 500 on
  django.request). Exceptions are not turned into 500s: the test client raises them, so a failure shows the
  traceback and Hypothesis's smallest failing request. The one ERROR tolerated is Django's own
  django.security log of a refused request, which comes with a 400 and the site's own 400 page.
- Two settings harden the site against hand-made requests (``test_the_settings_answer_hostile_input``):
  Wagtail's admin search through search.backends, and content.core.params.MissingFieldMiddleware. The 500s this
  test found are each pinned by a plain test in tests/hub/test_bad_input.py.

Run it harder locally: ``HUB_FUZZ_EXAMPLES=200 HUB_FUZZ_ADMIN=all .venv/bin/pytest tests/hub/test_fuzz.py``
(examples per route and role; ``HUB_FUZZ_ADMIN=all`` fuzzes every admin pattern as staff: it still finds
staff-only 500s inside Wagtail's own views for hand-made requests, e.g. a non-numeric id in its choosers, site
and group forms or admin API ``find``, ``next=abc`` on page lock, a redirect import without its format).
By default the
examples are derandomised (the same every run, so CI is reproducible); ``HUB_FUZZ_RANDOM=1`` draws new
ones each run; ``HUB_FUZZ_SHRINK=0`` reports the first failing request without shrinking it.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import quote_from_bytes

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HUB_FUZZ_EXAMPLES", "6"))
ADMIN_ALL = os.environ.get("HUB_FUZZ_ADMIN") == "all"
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("HUB_FUZZ_RANDOM") != "1",
    database=None,
    phases=[Phase.explicit, Phase.generate, *([] if os.environ.get("HUB_FUZZ_SHRINK") == "0" else [Phase.shrink])],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Hostile values -----------------------------------------------------------------------------------------

HOSTILE: list[bytes] = [
    b"",
    b" ",
    b'"',
    b"'",
    b'x"y',
    b'"a:b"',
    b"\x00",
    b"a\x00b",
    b"%00",
    b"\x1b[2J\r\n\t",
    b"0",
    b"-1",
    b"1.5",
    b"1e309",
    b"NaN",
    b"0x10",
    b"\xc2\xb2",  # superscript two: str.isdigit() says yes, int() says no
    b"\xd9\xa3",  # Arabic-Indic three
    b"9" * 30,
    str(2**63).encode(),
    str(2**63 - 1).encode(),
    str(-(2**63) - 1).encode(),
    str(2**31).encode(),
    b"4611686018427387904",
    b"A" * 10_000,
    "é".encode() * 3000,
    b"\xff\xfe",  # invalid UTF-8
    b"\xc3\x28",
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"NEAR(a b)",
    b"AND OR NOT",
    b"(((",
    b"*",
    b"^",
    b"a:b",
    b"-",
    b"<script>alert(1)</script>",
    b"{{ 7|add:7 }}",
    b"' OR '1'='1' --",
    b"../../etc/passwd",
    b"https://evil.example/",
    b"//evil.example",
    b"javascript:alert(1)",
    b"true",
    b"null",
    b"[]",
    b"{}",
    "😀👩‍👩‍👧".encode(),
    "\u202e".encode(),
    b"DELETE",
    b"remove",
    b"unfollow",
    b"save",
    b"next",
    b"back",
    b"add-rows",
    b"remove-1",
    b"remove-99999999999999999999999999",
    b"on",
]


# The values that found real 500s, drawn more often than the rest.
SHARP: list[bytes] = [b"9" * 30, str(2**63).encode(), b"\xc2\xb2", b"\x00", b'"', b"abc", b"-1", b""]
ACTIONS = ["remove", "unfollow", "save", "next", "back", "add-contacts", "remove-1", "remove-abc", "delete", "send"]


def values(pool: list[str] | None = None) -> st.SearchStrategy[bytes]:
    """Hostile values; real ones from ``pool`` (ids, slugs, tokens) a third of the time when there is one."""
    return _values(tuple(sorted(pool or ())))


# Strategies are built once for each pool and list of names, not at every example: Hypothesis validates a
# new strategy at its first draw, which was a third of this module's time (cProfile: 23 of 50 s in draws).
@cache
def _values(pool: tuple[str, ...]) -> st.SearchStrategy[bytes]:
    hostile = st.one_of(
        st.sampled_from(SHARP),
        st.sampled_from(HOSTILE),
        st.text(max_size=30).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.integers(min_value=-(2**70), max_value=2**70).map(lambda n: str(n).encode()),
        st.binary(max_size=12),
    )
    if not pool:
        return hostile
    real = st.sampled_from(pool).map(str.encode)
    return st.one_of(real, hostile, hostile)


def encode_pairs(pairs: list[tuple[bytes, bytes]]) -> str:
    return "&".join(f"{quote_from_bytes(key, safe='')}={quote_from_bytes(value, safe='')}" for key, value in pairs)


RAW_QUERY_TAILS = ["", "", "", "%", "%zz=1", "=&=&", "a", "&&&", "x=%FF%FE", "q=%C3%28&q=%ED%A0%80", "page=1;page=2"]


def pair_lists(names: list[str], pools: dict[str, list[str]]) -> st.SearchStrategy[list[tuple[bytes, bytes]]]:
    """Name-value pairs: each name the view reads, none to three times, then a few of any name."""
    names = sorted({*names, "q", "page", "id", "pk", "next", "x"})
    return _pair_lists(tuple((name, tuple(sorted(pools.get(name) or ()))) for name in names))


@cache
def _pair_lists(pooled_names: tuple[tuple[str, tuple[str, ...]], ...]) -> st.SearchStrategy:
    def repeated(name: str, pool: tuple[str, ...]):
        # Absent, once (most often: a mixed list stops at its first bad value), or repeated.
        items = st.one_of(st.just([]), values(pool).map(lambda v: [v]), st.lists(values(pool)))
        return items.map(lambda items: [(name.encode(), v) for v in items[:3]])

    known = st.tuples(*(repeated(name, pool) for name, pool in pooled_names)).map(
        lambda groups: [p for group in groups for p in group]
    )
    extra = st.lists(st.tuples(values(), values()), max_size=3)
    return st.tuples(known, extra).map(lambda both: both[0] + both[1])


def too_many(names: list[str]) -> list[tuple[bytes, bytes]]:
    """One name repeated past Django's DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000): a 400, the site's own page."""
    return [((names or ["x"])[0].encode(), b"1")] * 1200


# The routes ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """How to fuzz one URL pattern. ``pools`` name real values for fields and path parameters."""

    query: tuple[str, ...] = ()  # query-string names the view reads
    form: tuple[str, ...] = ()  # POST fields (besides those on the forms of its own page)
    pools: dict[str, str] = field(default_factory=dict)  # field or parameter name -> Context pool
    path: str = ""  # a template for regex patterns: {name} is filled like a <str:name> parameter


ROUTES: dict[str, Route] = {
    # Wagtail's login routes, closed in favour of allauth's
    "_util/login/": Route(query=("next",)),
    "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/": Route(
        form=("password", "return_url"), pools={"page_id": "page"}
    ),
    # ...and Wagtail's own pattern behind it (website/urls.py answers first; shared passwords are off).
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": Route(
        form=("password", "return_url"), pools={"page_id": "page"}
    ),
    # allauth (accounts, two-factor, sessions)
    "accounts/login/": Route(query=("next",), form=("login", "password", "remember")),
    "accounts/logout/": Route(query=("next",), form=("next",)),
    "accounts/inactive/": Route(),
    "accounts/signup/": Route(query=("next",), form=("email", "password1", "password2", "topics", "local_authority")),
    "accounts/reauthenticate/": Route(query=("next",), form=("password",)),
    "accounts/reauthenticate/code/": Route(form=("code",)),
    "accounts/reauthenticate/code/confirm/": Route(form=("code",)),
    "accounts/email/": Route(form=("email", "action_add", "action_remove", "action_primary", "action_send")),
    "accounts/confirm-email/": Route(),
    "accounts/password/change/": Route(form=("oldpassword", "password1", "password2")),
    "accounts/password/set/": Route(form=("password1", "password2")),
    "accounts/password/reset/": Route(form=("email",)),
    "accounts/login/code/confirm/": Route(form=("code",)),
    "accounts/confirm-email/<str:key>/": Route(form=("password",)),  # the hub's view, ahead of allauth's
    "accounts/^confirm-email/(?P<key>[-:\\w]+)/$": Route(path="accounts/confirm-email/{key}/"),
    "accounts/password/reset/key/done/": Route(),
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": Route(
        path="accounts/password/reset/key/{uidb36}-{key}/", form=("password1", "password2")
    ),
    "accounts/password/reset/done/": Route(),
    "accounts/2fa/": Route(),
    "accounts/2fa/authenticate/": Route(form=("code",)),
    "accounts/2fa/reauthenticate/": Route(form=("code",)),
    "accounts/2fa/totp/activate/": Route(form=("code", "signed_secret")),
    "accounts/2fa/totp/deactivate/": Route(),
    "accounts/2fa/recovery-codes/": Route(),
    "accounts/2fa/recovery-codes/generate/": Route(),
    "accounts/2fa/recovery-codes/download/": Route(),
    "accounts/sessions/": Route(form=("action", "sessions")),
    # members
    "members/": Route(),
    "members/details/": Route(),
    "members/consents/<int:pk>/withdraw/": Route(pools={"pk": "consent"}),
    "members/consents/newsletter/": Route(),
    "members/local-government-access/": Route(query=("next",), form=("next",)),
    "members/export/": Route(),
    "members/delete/": Route(form=("confirm",)),
    "members/reading-list/": Route(form=("page", "action", "next"), pools={"page": "page"}),
    # questions to case-study authors
    "questions/ask/<id:page_id>/": Route(form=("question-text",), pools={"page_id": "case_study"}),
    "questions/<str:signed>/reply/": Route(form=("reply-reply",), pools={"signed": "reply_link"}),
    # case-study submissions
    "case-studies/submit/": Route(form=("action",)),
    "case-studies/submit/<id:pk>/": Route(pools={"pk": "submission"}),
    "case-studies/submit/<id:pk>/attachments/<id:attachment_pk>/": Route(
        pools={"pk": "submission", "attachment_pk": "attachment"}
    ),
    "case-studies/submit/<id:pk>/<slug:slug>/": Route(form=("action",), pools={"pk": "submission", "slug": "step"}),
    # alerts
    "alerts/follow/": Route(form=("series", "topic", "action", "next"), pools={"series": "series", "topic": "topic"}),
    "alerts/settings/": Route(
        form=(
            "alerts-all_papers",
            "alerts-series",
            "alerts-topics",
            "alerts-authority_kinds",
            "alerts-frequency",
        ),
        pools={"alerts-series": "series", "alerts-topics": "topic"},
    ),
    "alerts/subscribe/": Route(form=("email",)),
    "alerts/subscribe/confirm/<str:token>/": Route(pools={"token": "confirm_token"}),
    "alerts/unsubscribe/<str:token>/": Route(pools={"token": "unsubscribe_token"}),
    # documents (the hub's view, then Wagtail's for file names with a slash, and its password form)
    "documents/<id:document_id>/<str:document_filename>": Route(
        pools={"document_id": "document", "document_filename": "document_filename"}
    ),
    "documents/^(\\d+)/(.*)$": Route(path="documents/{document_id}/{name}/{name}", pools={"document_id": "document"}),
    "documents/authenticate_with_password/<int:restriction_id>/": Route(form=("password", "return_url")),
    # search
    "search/": Route(query=("q", "page", "sort", "year", "kind", "topic", "series", "local_authority")),
    "search/suggest/": Route(query=("q",)),
    # feeds, sitemap, robots
    "feeds/papers/": Route(),
    "feeds/blog/": Route(),
    "sitemap.xml": Route(query=("p", "page")),
    "robots.txt": Route(),
    "favicon.ico": Route(),
    "_site/<slug:field>/": Route(),  # the chosen privacy notice or contact page, by a stable address
    # Wagtail's page serving: every live page and routable sub-page, and paths that are none
    "^((?:[\\w\\-]+/)*)$": Route(
        path="{page}",
        query=("page", "topic", "author", "q", "year", "letter"),
        form=("question-text", "action"),
        pools={"page": "page_path"},
    ),
}

# Admin areas (the first segment after /admin/): every admin pattern is requested anonymously and as a
# member; the sample below is fuzzed as staff. A new area fails the coverage test until it is named here.
ADMIN_AREAS = {
    "": "Wagtail's dashboard",
    "login": "closed: redirects to allauth's sign-in (members/account_views.py)",
    "logout": "Wagtail",
    "account": "Wagtail",
    "api": "Wagtail's admin API",
    "pages": "Wagtail",
    "choose-page": "Wagtail",
    "choose-external-link": "Wagtail",
    "choose-email-link": "Wagtail",
    "choose-phone-link": "Wagtail",
    "choose-anchor-link": "Wagtail",
    "tag-autocomplete": "Wagtail",
    "collections": "Wagtail",
    "workflows": "Wagtail",
    "reports": "Wagtail",
    "dismissibles": "Wagtail",
    "editing-sessions": "Wagtail",
    "block-preview": "Wagtail",
    "bulk": "Wagtail",
    "settings": "the hub's site settings (Wagtail's settings views)",
    "redirects": "Wagtail",
    "searchpicks": "Wagtail's search promotions",
    "embeds": "Wagtail",
    "snippets": "the hub's snippets: people, organisations, topics",
    "documents": "Wagtail",
    "images": "Wagtail",
    "sites": "Wagtail",
    "users": "Wagtail",
    "groups": "Wagtail",
    "sprite": "Wagtail",
    "jsi18n": "Wagtail",
    "password_reset": "Wagtail (unused: sign-in is allauth's)",
    "test404": "Wagtail's 404 test page",
    "failwhale": "Wagtail's error test: raises on purpose for staff (see DELIBERATE_ERRORS)",
    "^.*": "Wagtail's admin 404",
    "insights": "the hub's network insight (insights/)",
    "access-requests": "the hub's membership admin",
    "member-profiles": "the hub's membership admin",
    "local-government-domains": "the hub's membership admin",
    "case-study-questions": "the hub's question relay admin",
    "alert-deliveries": "the hub's alerts admin",
    "email-subscriptions": "the hub's alerts admin",
    "background-tasks": "the hub's background task queue",
}

# Fuzzed as staff (every pattern under /admin/ with HUB_FUZZ_ADMIN=all).
ADMIN_SAMPLE: dict[str, Route] = {
    "admin/": Route(),
    "admin/insights/": Route(query=("weeks", "days")),
    "admin/insights/csv/<slug:slug>/": Route(query=("weeks", "days"), pools={"slug": "insight_report"}),
    "admin/access-requests/": Route(query=("q", "p", "ordering", "status")),
    "admin/access-requests/edit/<int:pk>/": Route(form=("decision", "note", "status"), pools={"pk": "access_request"}),
    "admin/member-profiles/": Route(query=("q", "p", "ordering", "organisation_type", "export")),
    "admin/member-profiles/results/": Route(query=("q", "p", "ordering", "organisation_type")),
    "admin/member-profiles/inspect/<int:pk>/": Route(pools={"pk": "profile"}),
    "admin/local-government-domains/new/": Route(form=("domain", "note")),
    "admin/case-study-questions/": Route(query=("q", "p", "ordering")),
    "admin/alert-deliveries/": Route(query=("q", "p", "ordering", "status")),
    "admin/email-subscriptions/": Route(query=("q", "p", "ordering", "export")),
    "admin/background-tasks/": Route(query=("q", "p", "ordering", "status")),
    "admin/snippets/topics/topic/": Route(query=("q", "p", "ordering")),
    "admin/snippets/core/person/": Route(query=("q", "p", "ordering", "organisation")),
    "admin/snippets/choose/topics/topic/": Route(query=("q", "p", "multiple")),
    "admin/snippets/topics/topic/edit/<int:pk>/": Route(form=("name", "slug", "description"), pools={"pk": "topic"}),
    "admin/settings/<slug:app_name>/<slug:model_name>/": Route(pools={"app_name": "settings_app"}),
    "admin/pages/": Route(query=("q", "p", "ordering")),
    "admin/pages/<int:parent_page_id>/": Route(query=("q", "p", "ordering"), pools={"parent_page_id": "page"}),
    "admin/pages/search/": Route(query=("q", "p", "ordering", "content_type")),
    "admin/pages/<int:page_id>/edit/": Route(form=("title", "slug", "action-publish"), pools={"page_id": "page"}),
    "admin/documents/": Route(query=("q", "p", "ordering", "collection_id")),
    "admin/images/": Route(query=("q", "p", "ordering", "collection_id")),
    "admin/users/": Route(query=("q", "p", "ordering", "group")),
    "admin/searchpicks/": Route(query=("q", "p")),
    "admin/reports/site-history/": Route(query=("q", "p", "action", "timestamp_from", "user")),
    "admin/choose-page/search/": Route(query=("q", "p", "page_type")),
    "admin/api/main/^pages/": Route(
        path="admin/api/main/pages/", query=("search", "type", "child_of", "offset", "limit")
    ),
}

# Admin routes that answer 500 on purpose, for staff only (anonymous and members are still checked).
DELIBERATE_ERRORS = {"admin/failwhale/"}


# The resolver's patterns ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    route: str  # the full pattern as the resolver spells it (the registry's key)
    converters: dict  # parameter -> converter, for <…> route parameters
    regex: bool  # a regular-expression pattern somewhere along the way


def _walk(patterns, prefix: str = "", converters: dict | None = None, regex: bool = False):
    for entry in patterns:
        here = {**(converters or {}), **getattr(entry.pattern, "converters", {})}
        is_regex = regex or isinstance(entry.pattern, RegexPattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), here, is_regex)
        elif isinstance(entry, URLPattern):
            yield Pattern(prefix + str(entry.pattern), here, is_regex)


@cache
def all_patterns() -> dict[str, Pattern]:
    found: dict[str, Pattern] = {}
    for pattern in _walk(get_resolver().url_patterns):
        found.setdefault(pattern.route, pattern)  # a shadowed duplicate answers as the first
    return found


def area(route: str) -> str:
    return route.removeprefix("admin/").split("/")[0]


def admin_routes() -> list[str]:
    return sorted(route for route in all_patterns() if route.startswith("admin/"))


def site_routes() -> list[str]:
    return sorted(route for route in all_patterns() if not route.startswith("admin/"))


def test_every_url_pattern_is_covered():
    """Adding a URL pattern (or a Django app with URLs) means saying here how to fuzz it."""
    listed = set(site_routes())
    missing = sorted(listed - set(ROUTES))
    gone = sorted(set(ROUTES) - listed)
    assert not missing, f"URL patterns with no fuzzing: add them to ROUTES in {__file__}: {missing}"
    assert not gone, f"ROUTES lists patterns that no longer exist: {gone}"
    unknown_areas = sorted({area(route) for route in admin_routes()} - set(ADMIN_AREAS))
    assert not unknown_areas, f"admin areas not accounted for: add them to ADMIN_AREAS: {unknown_areas}"
    stale = sorted(set(ADMIN_SAMPLE) - set(admin_routes()))
    assert not stale, f"ADMIN_SAMPLE lists patterns that no longer exist: {stale}"
    assert set(admin_routes()) >= DELIBERATE_ERRORS


# Real values, so that views get past their first lookup ------------------------------------------------------


@cache
def site_pools() -> dict[str, list[str]]:
    """Ids and paths from the demo site (the same in every test: each runs in a transaction on top of it)."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from content.case_studies.models import CaseStudyPage
    from content.papers.models import PaperPage, PaperSeriesPage
    from content.topics.models import Topic, TopicIndexPage
    from insights.reports import REPORTS
    from submissions.forms import STEPS

    pages = list(Page.objects.live().filter(depth__gt=1).specific())
    paths = [page.url.lstrip("/") for page in pages if page.url]
    for topic_index in TopicIndexPage.objects.live():
        paths += [topic_index.url.lstrip("/") + f"{slug}/" for slug in Topic.objects.values_list("slug", flat=True)]
    for paper in PaperPage.objects.live():
        paths += [paper.url.lstrip("/") + "cite/bibtex/", paper.url.lstrip("/") + "cite/ris/"]
    for series in PaperSeriesPage.objects.live():
        paths.append(series.url.lstrip("/") + "calendar/")
    documents = get_document_model().objects.all()
    return {
        "page": [str(page.pk) for page in pages],
        "page_path": [*paths, "no-such-page/", "papers/no-such-series/", "blog/no-such-post/"],
        "case_study": [str(pk) for pk in CaseStudyPage.objects.live().values_list("pk", flat=True)],
        "series": [str(pk) for pk in PaperSeriesPage.objects.live().values_list("pk", flat=True)],
        "topic": [str(pk) for pk in Topic.objects.values_list("pk", flat=True)],
        "document": [str(pk) for pk in documents.values_list("pk", flat=True)],
        "document_filename": [document.filename for document in documents],
        "step": [step.slug for step in STEPS],
        "insight_report": list(REPORTS),
        "settings_app": ["core", "content", "hub"],
    }


@dataclass
class Roles:
    member: object
    staff: object
    pools: dict[str, list[str]]
    fields: dict = field(default_factory=dict)  # (route, user id) -> field names on the route's own page


SAFE_SEARCH_BACKEND = "search.backends"
MISSING_FIELD_MIDDLEWARE = "content.core.params.MissingFieldMiddleware"


def test_the_settings_answer_hostile_input():
    """Two settings in hub/settings/base.py (the fuzz tests apply them until they are there):

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}  # admin search boxes: a quote was a 500
    MIDDLEWARE += ["content.core.params.MissingFieldMiddleware"]  # a hand-made page-editor post: a 500, now a 400
    """
    from django.conf import settings as django_settings

    assert django_settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == SAFE_SEARCH_BACKEND
    assert MISSING_FIELD_MIDDLEWARE in django_settings.MIDDLEWARE


@pytest.fixture
def hardened(settings):
    if settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] != SAFE_SEARCH_BACKEND:
        default = {**settings.WAGTAILSEARCH_BACKENDS["default"], "BACKEND": SAFE_SEARCH_BACKEND}
        settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "default": default}
    if MISSING_FIELD_MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, MISSING_FIELD_MIDDLEWARE]


@pytest.fixture
def roles(db, hardened) -> Roles:
    """A verified local-government member with a case-study draft, and a superuser."""
    from alerts.emails import CONFIRM_SALT, UNSUBSCRIBE_SALT
    from alerts.models import EmailSubscription
    from members.models import AccessRequest, Consent, LocalGovernmentDomain, MemberProfile
    from members.tiers import is_local_government_member, sync_tiers
    from submissions.models import CaseStudySubmission

    LocalGovernmentDomain.objects.get_or_create(domain="fuzz-council.gov.uk")
    member = make_member("officer@fuzz-council.gov.uk")
    sync_tiers(member)
    assert is_local_government_member(member)
    draft = CaseStudySubmission.objects.create(owner=member)
    staff = get_user_model().objects.create_superuser("fuzz-staff@example.org", "fuzz-staff@example.org", "pw-1")
    subscription = EmailSubscription.objects.create(email="fuzz-subscriber@example.org")
    access_request, _ = AccessRequest.objects.get_or_create(user=member)
    pools = {
        **site_pools(),
        "submission": [str(draft.pk)],
        "attachment": ["1"],
        "consent": [str(pk) for pk in Consent.objects.filter(user=member).values_list("pk", flat=True)],
        "profile": [str(pk) for pk in MemberProfile.objects.filter(user=member).values_list("pk", flat=True)],
        "access_request": [str(access_request.pk)],
        "confirm_token": [
            signing.dumps({"s": subscription.pk, "e": subscription.email}, salt=CONFIRM_SALT, compress=True)
        ],
        "unsubscribe_token": [
            signing.dumps({"s": subscription.pk}, salt=UNSUBSCRIBE_SALT, compress=True),
            signing.dumps({"u": member.pk}, salt=UNSUBSCRIBE_SALT, compress=True),
        ],
        "reply_link": ["x"],
    }
    return Roles(member, staff, pools)


# Requests ----------------------------------------------------------------------------------------------------

PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
GROUP = r"\((?:[^()]|\([^()]*\))*\)"  # a regex group, one level of nesting inside


def template_for(route: str) -> str:
    """The route as a path with {name} placeholders, for <converter:name> and regex groups alike."""
    template = PARAMETER.sub(lambda m: "{" + m["name"] + "}", route)
    template = re.sub(r"\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)", r"{\1}", template)
    numbers = iter(range(1, 100))
    template = re.sub(GROUP, lambda m: f"{{group{next(numbers)}}}", template)
    return template.replace(".*", "{rest}").replace("^", "").replace("$", "").replace("\\.", ".")


def converter_name(pattern: Pattern, name: str) -> str:
    converter = pattern.converters.get(name)
    return type(converter).__name__.removesuffix("Converter").lower() if converter is not None else "str"


def path_values(converter: str) -> st.SearchStrategy[bytes]:
    """Values for one path parameter: most match its converter (so the view runs), some do not (a 404)."""
    digits = st.sampled_from([b"0", b"1", b"2", b"9" * 19, str(2**63).encode(), b"9" * 30, b"0" * 25 + b"1"])
    if converter in {"int", "id"}:
        return st.one_of(digits, st.integers(min_value=0, max_value=2**80).map(lambda n: str(n).encode()))
    if converter == "slug":
        return st.one_of(st.from_regex(r"\A[-a-zA-Z0-9_]{1,40}\Z").map(str.encode), st.sampled_from(HOSTILE))
    if converter == "uuid":
        return st.one_of(st.uuids().map(lambda u: str(u).encode()), st.sampled_from(HOSTILE))
    return values()


def build_path(pattern: Pattern, spec: Route, pools: dict[str, list[str]], draw=None) -> str:
    """A concrete path: hostile or real values drawn for each parameter (the first real ones without ``draw``)."""
    template = spec.path or template_for(pattern.route)

    def fill(name: str) -> str:
        pool = pools.get(spec.pools.get(name, ""), [])
        if draw is None:
            value = (pool[0] if pool else "1").encode()
        else:
            options = [path_values(converter_name(pattern, name))]
            if pool:
                options.append(st.sampled_from(pool).map(str.encode))
            value = draw(st.one_of(*options))
        return quote_from_bytes(value, safe="/" if spec.pools.get(name) == "page_path" else "")

    names = dict.fromkeys(re.findall(r"{(\w+)}", template))
    return "/" + template.format(**{name: fill(name) for name in names})


def discovered_fields(client: Client, path: str) -> list[str]:
    """Names of the fields on the forms of the page at ``path`` (its own forms post back to it)."""
    response = client.get(path, follow=False)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    page = BeautifulSoup(response.content, "html.parser")
    names = {tag.get("name") for tag in page.select("form [name]")}
    return sorted(name for name in names if name and name != "csrfmiddlewaretoken")


def send(client: Client, method: str, path: str, query: str, pairs: list[tuple[bytes, bytes]]):
    url = f"{path}?{query}" if query else path
    if method == "GET":
        return client.get(url)
    if method == "POST":
        return client.post(url, data=encode_pairs(pairs).encode(), content_type="application/x-www-form-urlencoded")
    if method == "MULTIPART":
        data: dict[str, list[str]] = {}
        for key, value in pairs:
            data.setdefault(key.decode("utf-8", "replace"), []).append(value.decode("utf-8", "replace"))
        return client.post(url, data=data)
    body = json.dumps({key.decode("utf-8", "replace"): [value.decode("latin-1"), {"x": None}] for key, value in pairs})
    return client.post(url, data=body, content_type="application/json")


def errors_logged(caplog, since: int) -> list[logging.LogRecord]:
    """ERROR records since ``since``, except Django's log of a request it refused with a 400."""
    return [
        record
        for record in caplog.records[since:]
        if record.levelno >= logging.ERROR
        and not (record.name.startswith("django.security.") and getattr(record, "status_code", None) == 400)
    ]


def fuzz_route(route: str, spec: Route, user, roles: Roles, data, caplog, *, allow_5xx: bool = False) -> None:
    from django.core.cache import cache

    cache.clear()  # rate limits would otherwise stop later examples before the view reads anything
    pattern = all_patterns()[route]
    client = Client(HTTP_HOST="localhost", raise_request_exception=not allow_5xx)
    if user is not None:
        client.force_login(user)
    pools = {
        "action": ACTIONS,
        **{name: roles.pools[pool] for name, pool in spec.pools.items() if pool in roles.pools},
    }
    key = (route, getattr(user, "pk", None))
    if key not in roles.fields:  # the forms on the route's own page, once per test
        roles.fields[key] = discovered_fields(client, build_path(pattern, spec, roles.pools))
    names = [*spec.form, *roles.fields[key]]
    path = build_path(pattern, spec, roles.pools, data.draw)
    method = data.draw(st.sampled_from(["GET", "POST", "MULTIPART", "JSON"]))
    query = encode_pairs(data.draw(pair_lists([*spec.query], pools))) + data.draw(st.sampled_from(RAW_QUERY_TAILS))
    pairs = data.draw(pair_lists(names, pools)) if method != "GET" else []
    if data.draw(st.integers(0, 15)) == 0:
        pairs = too_many(names) if method != "GET" else pairs
        query = encode_pairs(too_many([*spec.query])) if method == "GET" else query
    since = len(caplog.records)
    response = send(client, method, path, query.strip("&"), pairs)
    if allow_5xx:
        return
    shown = f"{method} {path[:200]}?{query[:200]}"
    assert response.status_code < 500, f"{shown} answered {response.status_code}"
    assert not errors_logged(caplog, since), [record.getMessage() for record in errors_logged(caplog, since)]


# The fuzz tests --------------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def quiet_slate(caplog):
    from django.core import mail
    from django.core.cache import cache

    cache.clear()  # rate-limit counters
    mail.outbox.clear()
    caplog.set_level(logging.WARNING)
    yield
    cache.clear()


@pytest.mark.parametrize("role", ["anonymous", "member"])
@pytest.mark.parametrize("route", sorted(ROUTES))
@FUZZ
@given(data=st.data())
def test_no_input_gives_a_server_error(route, role, roles, data, caplog):
    fuzz_route(route, ROUTES[route], roles.member if role == "member" else None, roles, data, caplog)


@FUZZ
@given(data=st.data())
def test_admin_sends_everyone_else_to_sign_in(roles, data, caplog):
    """Admin patterns drawn at random, with hostile parameters, anonymous and as a member: never a 5xx."""
    route = data.draw(st.sampled_from(admin_routes()))
    user = data.draw(st.sampled_from([None, roles.member]))
    fuzz_route(route, ADMIN_SAMPLE.get(route, Route()), user, roles, data, caplog)


def test_every_admin_pattern_answers_without_a_server_error(roles, caplog):
    """One plain GET of every admin pattern, anonymous and as a member (the test above samples them)."""
    clients = [Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")]
    clients[1].force_login(roles.member)
    for route in admin_routes():
        path = build_path(all_patterns()[route], Route(), {})
        for client in clients:
            since = len(caplog.records)
            assert client.get(path).status_code < 500, path
            assert not errors_logged(caplog, since), path


@pytest.mark.parametrize("route", admin_routes() if ADMIN_ALL else sorted(ADMIN_SAMPLE))
@FUZZ
@given(data=st.data())
def test_admin_gives_staff_no_server_error(route, roles, data, caplog):
    spec = ADMIN_SAMPLE.get(route, Route())
    fuzz_route(route, spec, roles.staff, roles, data, caplog, allow_5xx=route in DELIBERATE_ERRORS)
