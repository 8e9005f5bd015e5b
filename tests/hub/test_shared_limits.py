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
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests import template_db
from tests.workers import redis_test_url

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "limited@example.org"
PASSWORD = "the-right-password-1"
# The other test's member: the lockout of EMAIL must not decide whether this one can sign in.
SIGNED_IN_EMAIL = "signed-in@example.org"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, data: dict | None = None, cookies: dict | None = None) -> tuple[int, dict, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body)  # noqa: S310 - a loopback address the test chose
    if cookies:
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    # Both servers sit behind one load balancer, so they see the site's one host name (allauth keys the
    # failed-login count by host and address).
    req.add_header("Host", "hub.test")
    try:
        response = OPENER.open(req, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    set_cookies = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        set_cookies[name] = rest.split(";", 1)[0]
    return response.status, set_cookies, response.read().decode("utf-8", "replace")


CACHES = {
    "database": None,  # the default: no CACHE_URL
    "redis": redis_test_url(),  # .ci/run starts Debian's redis-server; a database per xdist worker
}


def server_env(folder: Path, cache_url: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "DATABASE_URL": f"sqlite:///{folder / 'hub.sqlite3'}",
        "SECRET_KEY": "two-servers-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "hub.test",
        "BASE_URL": "http://127.0.0.1",
        "BEHIND_TLS_PROXY": "0",
        "SECURE_SSL_REDIRECT": "0",
        "EMAIL_URL": "dummy://",
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "STATIC_ROOT": str(folder / "static"),
    }
    env.pop("CACHE_URL", None)
    if cache_url:
        env["CACHE_URL"] = cache_url
        import redis

        redis.Redis.from_url(cache_url).flushdb()
    return env


@pytest.fixture(scope="module")
def prepared_site(tmp_path_factory, django_db_setup, test_template_folder) -> Path:
    """A migrated database with two verified members: made once.

    The database starts as a copy of this run's migrated test database (tests/template_db.py), so
    `migrate` only checks it and runs its post-migrate steps with the production settings."""
    folder = tmp_path_factory.mktemp("two-servers")
    migrated = template_db.migrated_snapshot(test_template_folder)
    if migrated is not None:
        shutil.copyfile(migrated, folder / "hub.sqlite3")
    env = server_env(folder, None)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    script = (
        "from django.contrib.auth import get_user_model; from allauth.account.models import EmailAddress\n"
        f"for name, email in [('limited', '{EMAIL}'), ('signed-in', '{SIGNED_IN_EMAIL}')]:\n"
        f"    u = get_user_model().objects.create_user(name, email, '{PASSWORD}')\n"
        "    EmailAddress.objects.create(user=u, email=email, verified=True, primary=True)"
    )
    subprocess.run([python, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True)
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
    env = server_env(tmp_path, cache_url)
    env["STATIC_ROOT"] = str(template_db.collected_static(test_template_folder, env))
    python = sys.executable
    gunicorn = str(Path(python).with_name("gunicorn"))
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(  # noqa: S603 - our own gunicorn, on loopback
            [gunicorn, "hub.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
        )
        for port in ports
    ]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        deadline = time.monotonic() + 60
        for url in urls:
            while True:
                try:
                    if fetch(f"{url}/accounts/login/")[0] == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"{url} did not start")
                time.sleep(0.3)
        yield urls
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)


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
