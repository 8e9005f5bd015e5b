"""Shared fixtures: the demo site is built once per test session on the empty test database."""

from __future__ import annotations

import gc
import shutil
from collections import Counter
from pathlib import Path

import pytest

from django.core.cache import cache
from django.test import Client

from content.core import worker_memo
from content.core.indexing import deferred
from content.demo.loader import DemoLoader
from insights.recording import READS, SEARCHES
from members.models import LocalGovernmentDomain
from tests import template_db

_TEMPLATE_FOLDER = pytest.StashKey[Path]()

# `make test` runs the suite with pytest-xdist and `--dist loadgroup`: each worker is a whole pytest session
# (its own test database, demo content and media: hub/settings/test.py, tests/workers.py), and tests are
# handed out by group. Every test file is a group of its own, as with `--dist loadfile`, so a module fixture
# is built once, as in a plain run; the browser tests are one group, served by one copy of the demo site
# (tests/functional/conftest.py). Split in two (and a third worker), the two Chromiums and servers slowed
# every other group two- to three-fold on 2 cores (Chromium raises its own priority): the run took longer.
SHARED_GROUPS = {"tests/functional/": "browser"}
# Groups that took half a minute or more, handed out in this order before the rest so that none is left running alone
# at the end. The Makefile passes --no-loadscope-reorder: xdist would otherwise hand out the most tests first.
LONG_GROUPS = [
    "tests/search/test_first_search.py",  # needs no test database: it runs while one worker builds that
    "tests/content/test_query_budget.py",
    "tests/hub/test_fuzz.py",
    "tests/hub/test_shared_limits.py",
    "tests/admin/test_editing.py",
]


# Python's cycle collector walked every object the run keeps alive (Django, Wagtail, the collected tests, the
# demo's pages: about 400,000) at each full collection, and the youngest generation every 700 allocations:
# 7 of the 52 s of tests/hub/test_fuzz.py run alone. What is alive once the tests are collected, and again
# once the test database is ready, is frozen (gc.freeze: never walked again; still freed by reference
# counting, though a cycle among them that dies later is kept until the process ends), and the youngest
# generation is collected every 10,000 allocations. Garbage the tests make is still collected, less often:
# a full collection, now cheap, every million allocations.
GC_THRESHOLDS = (10_000, 10, 10)


def _freeze_what_lives() -> None:
    gc.collect()
    gc.freeze()


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    _freeze_what_lives()
    gc.set_threshold(*GC_THRESHOLDS)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Each test's group, before xdist's own hook reads them; the order, after pytest-django's own sort
    (database tests first, by kind of test case), which otherwise undid it."""
    if not config.pluginmanager.hasplugin("xdist"):
        return (yield)
    groups = {}
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        group = next((name for folder, name in SHARED_GROUPS.items() if path.startswith(folder)), path)
        item.add_marker(pytest.mark.xdist_group(group))
        groups[id(item)] = group  # by identity: an item's hash is its node id, which xdist's hook changes
    result = yield
    # Groups without the database first: while one worker migrates and loads the run's test database (once
    # per run, tests/template_db.py), the others run these instead of waiting for it. Then the browser tests
    # and the other long groups, then the rest, the most tests first.
    # Groups with a transactional test last, as pytest-django orders them: such a test empties the database.
    needs_database = {groups[id(item)] for item in items if _needs_database(item)}
    transactional = {groups[id(item)] for item in items if _transactional(item)}
    sizes = Counter(groups[id(item)] for item in items)
    first = [*SHARED_GROUPS.values(), *LONG_GROUPS]

    def order(group: str) -> tuple:
        place = first.index(group) if group in first else len(first)
        return (group in needs_database, group in transactional, place, -sizes[group], group)

    items.sort(key=lambda item: order(groups[id(item)]))
    return result


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return (
        bool(marker and marker.kwargs.get("transaction"))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def _needs_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or "django_db_setup" in getattr(item, "fixturenames", ())


def pytest_configure(config):
    folder = template_db.controller_folder(config)
    if folder is not None:
        config.stash[_TEMPLATE_FOLDER] = folder


def pytest_unconfigure(config):
    folder = config.stash.get(_TEMPLATE_FOLDER, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def _load_demo() -> None:
    with deferred():  # as `manage.py load_demo_content` does
        DemoLoader().run()
    # The test network's councils: the demo's, and Leeds, whose officers many tests sign in as.
    LocalGovernmentDomain.objects.get_or_create(domain="leeds.gov.uk")


@pytest.fixture(scope="session")
def test_template_folder(request, tmp_path_factory) -> Path:
    """Where this run's snapshots of the test database are (tests/template_db.py)."""
    return template_db.run_folder(request.config) or tmp_path_factory.mktemp("hub-test-template")


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings, test_template_folder
):
    """Migrate, then load the demo content once; each test runs in a transaction on top of it.

    On SQLite, once per run: the other workers copy it (tests/template_db.py)."""
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            config, _ = template_db.setup_test_database(
                test_template_folder, verbosity, _load_demo, settings.MEDIA_ROOT
            )
        else:  # as pytest-django's own fixture does
            config = setup_databases(verbosity=verbosity, interactive=False, aliases={"default"})
            _load_demo()
    _freeze_what_lives()
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=verbosity)


@pytest.fixture
def client() -> Client:
    return Client(HTTP_HOST="localhost")


@pytest.fixture(autouse=True)
def _forget_kept():
    """What a worker keeps between requests is of pages a test's rollback removes (without a new generation,
    and their ids are given again): each test starts without it."""
    worker_memo.forget()
    yield


@pytest.fixture(autouse=True)
def _forget_uncounted():
    """Counts waiting in memory (a failed write keeps them) are of rows a test's rollback removes: each test
    starts without them."""
    yield
    READS.pending.clear()
    SEARCHES.pending.clear()


@pytest.fixture(autouse=True)
def _forget_cached():
    """The memory cache outlives each test's rollback, and the ids it keys on are given again: an allauth
    one-time code marked as used by user 12 in one test was refused to the next test's user 12 within the
    same 30 seconds (a failure once in a few runs). Each test leaves the cache empty."""
    yield
    cache.clear()
