"""Rate limits and sessions hold across app-server processes (issue 9, finding 5; issue 13).

Sessions are database sessions on both caches (hub/settings/base.py says why not cached_db).

Two gunicorn servers with production settings share one SQLite file and so, by default, one database
cache; with CACHE_URL, one Redis. Five wrong passwords spread over both lock the account: the sixth attempt, with the right password,
is refused. With a per-process memory cache each server would have counted only its own attempts.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.app_servers import fetch, prepare_database, running, server_env
from tests.workers import redis_test_url

EMAIL = "limited@example.org"
PASSWORD = "the-right-password-1"
# The other test's member: the lockout of EMAIL must not decide whether this one can sign in.
SIGNED_IN_EMAIL = "signed-in@example.org"

CACHES = {
    "database": None,  # the default: no CACHE_URL
    "redis": redis_test_url(),  # .ci/run starts Debian's redis-server; a database per xdist worker
}


@pytest.fixture(scope="module")
def prepared_site(tmp_path_factory, django_db_setup, test_template_folder) -> Path:
    """A migrated database with two verified members: made once."""
    folder = tmp_path_factory.mktemp("two-servers")
    script = (
        "from django.contrib.auth import get_user_model; from allauth.account.models import EmailAddress\n"
        f"for name, email in [('limited', '{EMAIL}'), ('signed-in', '{SIGNED_IN_EMAIL}')]:\n"
        f"    u = get_user_model().objects.create_user(name, email, '{PASSWORD}')\n"
        "    EmailAddress.objects.create(user=u, email=email, verified=True, primary=True)"
    )
    prepare_database(folder, server_env(folder, None), test_template_folder, script)
    return folder


@pytest.fixture(scope="module", params=list(CACHES))
def two_servers(
    request: pytest.FixtureRequest, prepared_site: Path, tmp_path_factory: pytest.TempPathFactory, test_template_folder
):
    """Two servers on one database and one cache, started once for the module's tests of each cache: each test
    signs in as a member of its own, so one test's failed attempts cannot decide another's."""
    kind = request.param
    tmp_path = tmp_path_factory.mktemp(f"two-servers-{kind}")
    cache_url = CACHES[kind]
    if kind == "redis" and not cache_url:
        if os.environ.get("HUB_REQUIRE_REDIS"):
            pytest.fail("REDIS_TEST_URL is not set, and CI requires the Redis run")
        pytest.skip("Set REDIS_TEST_URL=redis://127.0.0.1:6379/15 to run this against Redis too")
    shutil.copy(prepared_site / "hub.sqlite3", tmp_path / "hub.sqlite3")  # a fresh database cache for each kind
    with running(server_env(tmp_path, cache_url), test_template_folder) as urls:
        yield urls


def attempt(url: str, password: str) -> tuple[bool, str]:
    """One sign-in attempt from a new browser: True when it signed in."""
    status, cookies, page = fetch(f"{url}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, set_cookies, page = fetch(
        f"{url}/accounts/login/",
        {"csrfmiddlewaretoken": token, "login": EMAIL, "password": password},
        cookies=cookies,
    )
    assert status in (200, 302, 429), f"{status}: {page[:300]}"
    return status == 302 and "sessionid" in set_cookies, page


def test_five_wrong_passwords_over_two_servers_lock_the_account(two_servers):
    first, second = two_servers
    for url in (first, second, first, second, first):
        signed_in, page = attempt(url, "a-wrong-password")
        assert not signed_in
    signed_in, page = attempt(second, PASSWORD)
    assert not signed_in, "the sixth attempt is refused although this server saw only two"
    assert "Too many failed attempts to sign in" in page


def test_a_member_signed_in_on_one_server_is_signed_in_on_the_other(two_servers):
    first, second = two_servers
    status, cookies, page = fetch(f"{first}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, set_cookies, page = fetch(
        f"{first}/accounts/login/",
        {"csrfmiddlewaretoken": token, "login": SIGNED_IN_EMAIL, "password": PASSWORD},
        cookies=cookies,
    )
    assert status == 302 and "sessionid" in set_cookies
    session = {**cookies, **set_cookies}
    status, _, page = fetch(f"{second}/members/", cookies=session)
    assert status == 200, "the other server does not know the session"
    assert "signed-in" in page or SIGNED_IN_EMAIL in page
