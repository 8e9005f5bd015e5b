"""App servers as production runs them (two, by default): gunicorn with the production settings on one SQLite file.

Used by the tests of what must hold across app-server processes: rate limits and sessions
(tests/hub/test_shared_limits.py) and uploads kept in object storage (tests/hub/test_object_storage.py).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests import template_db

ROOT = Path(__file__).resolve().parents[1]
HOST = "hub.test"  # both servers sit behind one load balancer, so they see the site's one host name
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, data: dict | None = None, cookies: dict | None = None) -> tuple[int, dict, str]:
    """One request, redirects not followed: the status, the cookies it sets and the page."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body)  # noqa: S310 - a loopback address the test chose
    if cookies:
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    req.add_header("Host", HOST)  # allauth keys the failed-login count by host and address
    try:
        response = OPENER.open(req, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    set_cookies = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        set_cookies[name] = rest.split(";", 1)[0]
    return response.status, set_cookies, response.read().decode("utf-8", "replace")


def server_env(folder: Path, cache_url: str | None) -> dict[str, str]:
    """Production settings on ``folder``'s database and media, with the database cache or ``cache_url``."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "DATABASE_URL": f"sqlite:///{folder / 'hub.sqlite3'}",
        "SECRET_KEY": "two-servers-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": HOST,
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
        import redis  # only where a Redis test runs (.ci/run starts one)

        redis.Redis.from_url(cache_url).flushdb()
    return env


def prepare_database(folder: Path, env: dict[str, str], template_folder: Path, script: str) -> None:
    """``folder``'s database (``env``'s DATABASE_URL, from ``server_env(folder, …)``) migrated, then ``script``
    run in a shell on it (to add members, say).

    It starts as a copy of this run's migrated test database (tests/template_db.py), so `migrate` only checks
    it and runs its post-migrate steps with the production settings, instead of running every migration
    (about 40 CPU-seconds)."""
    migrated = template_db.migrated_snapshot(template_folder)
    if migrated is not None:
        shutil.copyfile(migrated, folder / "hub.sqlite3")
    for command in (["migrate", "--noinput", "-v", "0"], ["shell", "-c", script]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)  # noqa: S603


@contextmanager
def running(env: dict[str, str], template_folder: Path, count: int = 2) -> Iterator[list[str]]:
    """``count`` gunicorn servers on ``env``, serving this run's collected static files; their URLs once each
    answers its sign-in page. Every server started is stopped as the block ends, however it ends."""
    env = {**env, "STATIC_ROOT": str(template_db.collected_static(template_folder, env))}
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    servers: list[tuple[subprocess.Popen, str]] = []
    try:
        for _ in range(count):
            port = free_port()
            command = [gunicorn, "hub.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1", "--log-level", "warning"]
            servers.append((subprocess.Popen(command, cwd=ROOT, env=env), f"http://127.0.0.1:{port}"))  # noqa: S603
        deadline = time.monotonic() + START_SECONDS
        for server, url in servers:
            while not _answers(url):
                if server.poll() is not None:
                    raise AssertionError(f"{url} exited with {server.returncode} before it answered")
                if time.monotonic() > deadline:
                    raise AssertionError(f"{url} did not start within {START_SECONDS} s")
                time.sleep(0.3)
        yield [url for _, url in servers]
    finally:
        for server, _ in servers:
            server.terminate()
        for server, _ in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _answers(url: str) -> bool:
    try:
        return fetch(f"{url}/accounts/login/")[0] == 200
    except OSError:
        return False
