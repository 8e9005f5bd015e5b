"""`make bench`: the demo site under production settings and gunicorn (2 sync workers), measured with wrk.

On a scratch SQLite database (migrated, demo content loaded, static files collected) it serves the hub twice,
with the page cache (PAGE_CACHE_SECONDS=300, the database cache unless --cache-url) and without it
(PAGE_CACHE_SECONDS=0), plus a minimal Django view (bench/ceiling.py: 24 KB, no middleware) as the ceiling,
and for every page type prints requests per second, p50 and p99 latency, the body's size and the SQL
queries of a warm request. Member pages are fetched with a real session of a local-government member.

    .venv/bin/python bench/run.py [--seconds 10] [--connections 8] [--threads 2] [--cache-url redis://…]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
HOST = "127.0.0.1"
MEMBER_EMAIL = "bench.officer@stoke.gov.uk"

ANONYMOUS_PAGES = [
    ("home", "/"),
    ("blog index", "/blog/"),
    ("blog post", "/blog/notes-from-stoke-on-trent/"),
    ("glossary", "/definitions/"),
    ("definition", "/definitions/social-capital/"),
    ("papers", "/papers/"),
    ("series", "/papers/social-capital-2025/"),
    ("paper", "/papers/social-capital-2025/safe-at-home/"),
    ("topic", "/topics/community-wealth-building/"),
    ("standard page", "/about/"),
    ("case-study list", "/case-studies/"),
    ("case-study teaser", "/case-studies/stoke-on-trent-community-wealth-from-the-neighbourhood-up/"),
    ("search", "/search/?q=social+capital"),
]
MEMBER_PAGES = [
    ("home (member)", "/"),
    ("members area", "/members/"),
    ("your details", "/members/details/"),
    ("case-study list (member)", "/case-studies/"),
    ("case study (member)", "/case-studies/stoke-on-trent-community-wealth-from-the-neighbourhood-up/"),
    ("search (member)", "/search/?q=social+capital"),
]

MEMBER_SCRIPT = f"""
from importlib import import_module
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from members import consents
from members.models import Consent, MemberProfile
from members.tiers import sync_tiers
user = get_user_model().objects.create_user("bench-officer", "{MEMBER_EMAIL}", "bench-password-0123")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
MemberProfile.objects.create(user=user, full_name="Bench Officer", organisation_type="local_authority")
consents.record(user, Consent.Kind.PRIVACY_NOTICE)
sync_tiers(user)
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print("SESSION", session.session_key)
"""

QUERY_SCRIPT = """
import json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
urls, cookie = json.loads(sys.stdin.read())
client = Client(HTTP_HOST="127.0.0.1")
if cookie:
    client.cookies["sessionid"] = cookie
counts = []
for url in urls:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    counts.append(len(queries.captured_queries))
print("COUNTS", json.dumps(counts))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def site_env(folder: Path, page_cache_seconds: int, cache_url: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "DATABASE_URL": f"sqlite:///{folder / 'hub.sqlite3'}",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "BASE_URL": f"http://{HOST}",
        "BEHIND_TLS_PROXY": "0",
        "SECURE_SSL_REDIRECT": "0",
        "EMAIL_URL": "dummy://",
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "STATIC_ROOT": str(folder / "static"),
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("CACHE_URL", None)
    if cache_url:
        env["CACHE_URL"] = cache_url
    return env


def manage(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(  # noqa: S603 - this interpreter's manage.py with our own arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True, input=stdin
    )
    return result.stdout


def prepare(folder: Path, cache_url: str | None) -> str:
    """Migrate, load the demo, collect static files, make a member; returns the member's session key."""
    env = site_env(folder, 0, cache_url)
    print("Preparing the demo site in", folder, flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    output = manage(env, "shell", "-c", MEMBER_SCRIPT)
    return re.search(r"SESSION (\w+)", output).group(1)


class Server:
    """gunicorn with two sync workers, as in production, on a free port."""

    def __init__(self, app: str, env: dict[str, str], extra: list[str] | None = None) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603 - our own gunicorn, on loopback
            [GUNICORN, app, "-w", "2", "-b", f"{HOST}:{self.port}", "--log-level", "error", *(extra or [])],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/", timeout=5)  # noqa: S310 - our own loopback server
                return
            except urllib.error.HTTPError:
                return  # it answers
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not start: {app}")

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is reported as what it is


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, cookie: str | None = None) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url)  # noqa: S310 - our own loopback server
    if cookie:
        request.add_header("Cookie", f"sessionid={cookie}")
    try:
        response = OPENER.open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.read(), dict(response.headers)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, args: argparse.Namespace, cookie: str | None = None) -> dict[str, float]:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: sessionid={cookie}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603 - wrk, loopback

    def latency(percentile: str) -> float:
        value, unit = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * UNITS[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def query_counts(env: dict[str, str], urls: list[str], cookie: str | None) -> list[int]:
    output = manage(env, "shell", "-c", QUERY_SCRIPT, stdin=json.dumps([urls, cookie]))
    return json.loads(re.search(r"COUNTS (.*)", output).group(1))


def measure(server: Server, pages, args, env, cookie: str | None = None) -> list[dict]:
    counts = query_counts(env, [url for _, url in pages], cookie)
    rows = []
    for (name, url), queries in zip(pages, counts, strict=True):
        fetch(server.url + url, cookie)  # warm: the second answer is the cached one, where there is one
        status, body, headers = fetch(server.url + url, cookie)
        result = wrk(server.url + url, args, cookie)
        rows.append(
            {
                "page": name,
                "url": url,
                "status": status,
                "bytes": len(body),
                "queries": queries,
                "cache": headers.get("X-Page-Cache", "-"),
                **result,
            }
        )
        print(f"  {name:<26} {result['rps']:8.1f} req/s  ({status}, {headers.get('X-Page-Cache', '-')})", flush=True)
    return rows


def size(row: dict) -> str:
    """The body's size, and the status when it is not 200 (a redirect would be measured as a page)."""
    return f"{row['bytes']:,}" + ("" if row["status"] == 200 else f" (status {row['status']})")


def table(rows_by_mode: dict[str, list[dict]], ceiling: dict) -> str:
    lines = [
        "| page | URL | cached req/s | p50 / p99 ms | uncached req/s | p50 / p99 ms | bytes | queries cached / uncached |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    cached, uncached = rows_by_mode["cached"], rows_by_mode["uncached"]
    for hit, miss in zip(cached, uncached, strict=True):
        lines.append(
            f"| {hit['page']} | `{hit['url']}` | {hit['rps']:.1f} | {hit['p50']:.1f} / {hit['p99']:.1f} | "
            f"{miss['rps']:.1f} | {miss['p50']:.1f} / {miss['p99']:.1f} | {size(miss)} | "
            f"{hit['queries']} / {miss['queries']} |"
        )
    lines.append(
        f"| minimal Django view (ceiling) | `/` | {ceiling['rps']:.1f} | {ceiling['p50']:.1f} / {ceiling['p99']:.1f} "
        f"| | | {ceiling['bytes']:,} | 0 |"
    )
    lines += ["", "| member page (local-government member) | URL | req/s | p50 / p99 ms | bytes | queries |"]
    lines.append("| --- | --- | --- | --- | --- | --- |")
    for row in rows_by_mode["member"]:
        lines.append(
            f"| {row['page']} | `{row['url']}` | {row['rps']:.1f} | {row['p50']:.1f} / {row['p99']:.1f} | "
            f"{size(row)} | {row['queries']} |"
        )
    errors = [
        f"{mode}: {row['page']} ({row['errors']})"
        for mode, rows in rows_by_mode.items()
        for row in rows
        if row["errors"]
    ]
    if errors:
        lines += ["", "Non-2xx/3xx responses under load: " + ", ".join(errors)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per page (default 10)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cache-url", help="redis://… for the cache (default: the database cache)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")

    folder = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    try:
        session = prepare(folder, args.cache_url)
        results: dict[str, list[dict]] = {}
        for mode, seconds in (("cached", 300), ("uncached", 0)):
            env = site_env(folder, seconds, args.cache_url)
            if args.cache_url:
                redis.Redis.from_url(args.cache_url).flushdb()
            print(f"Serving the hub ({mode}, PAGE_CACHE_SECONDS={seconds})", flush=True)
            server = Server("hub.wsgi", env)
            try:
                results[mode] = measure(server, ANONYMOUS_PAGES, args, env)
                if mode == "cached":
                    results["member"] = measure(server, MEMBER_PAGES, args, env, cookie=session)
            finally:
                server.stop()
        print("Serving the minimal Django view (the ceiling)", flush=True)
        server = Server("ceiling:application", dict(os.environ), ["--pythonpath", str(ROOT / "bench")])
        try:
            _status, body, _headers = fetch(server.url + "/")
            ceiling = {**wrk(server.url + "/", args), "bytes": len(body)}
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print()
    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s, gunicorn 2 sync workers, production settings,"
    )
    print(f"cache: {'Redis' if args.cache_url else 'database'}; queries: SQL statements of a warm request")
    print()
    print(table(results, ceiling))
    if args.json:
        args.json.write_text(json.dumps({**results, "ceiling": ceiling}, indent=2))


if __name__ == "__main__":
    main()
