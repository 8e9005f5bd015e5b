"""Shared fixtures: the demo site is built once per test session on the empty test database."""

from __future__ import annotations

import pytest

from django.test import Client

from content.core import worker_memo
from content.demo.loader import DemoLoader
from hub.indexing import deferred
from insights.recording import READS, SEARCHES
from members.models import LocalGovernmentDomain

# `make test` runs the suite on every core with pytest-xdist and `--dist loadgroup`: each worker is a whole
# pytest session (its own test database, demo content and media: hub/settings/test.py, tests/workers.py),
# and tests are handed out by group. Every test file is a group of its own, as with `--dist loadfile`, so a
# module fixture is built once, as in a plain run; the browser tests are one group, because each worker
# that ran one would serve and load its own copy of the demo site (tests/functional/conftest.py).
SHARED_GROUPS = {"tests/functional/": "browser"}


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the groups
def pytest_collection_modifyitems(config, items):
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        group = next((name for folder, name in SHARED_GROUPS.items() if path.startswith(folder)), path)
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Migrate, then load the demo content once; each test runs in a transaction on top of it."""
    with django_db_blocker.unblock():
        with deferred():  # as `manage.py load_demo_content` does
            DemoLoader().run()
        # The test network's councils: the demo's, and Leeds, whose officers many tests sign in as.
        LocalGovernmentDomain.objects.get_or_create(domain="leeds.gov.uk")


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
