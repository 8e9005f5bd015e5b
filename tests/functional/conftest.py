"""Browser tests: a real server of the demo site, driven by Debian's Chromium through Playwright.

The server runs in a subprocess on its own SQLite database in a temporary
folder, so these tests never touch pytest-django's test database.

Skips (with the reason) when Chromium or axe-core is missing, unless
HUB_REQUIRE_BROWSER=1 is set (CI sets it): then the same message is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests import template_db

REPO_ROOT = Path(__file__).resolve().parents[2]
FUNCTIONAL_DIR = Path(__file__).resolve().parent
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERVER_START_TIMEOUT = 60  # seconds for runserver to answer
SETUP_COMMAND_TIMEOUT = 600  # seconds for migrate / load_demo_content
DESKTOP = {"width": 1280, "height": 900}

# Settings for the server. Migrations and the demo content use hub.settings.dev,
# as `make demo` does; the server itself runs hub.settings.dev with DEBUG off
# (tests/functional/hub_browser_settings.py) so a missing page gets the site's
# own 404 template rather than Django's technical 404 page.
SETUP_SETTINGS = "hub.settings.dev"
SERVER_SETTINGS = "hub_browser_settings"


def chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return None


def browser_unavailable_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    missing = []
    if chromium_path() is None:
        missing.append("no Chromium found (looked for `chromium` on PATH and /usr/bin/chromium; apt install chromium)")
    if not AXE_PATH.is_file():
        missing.append(f"axe-core not installed ({AXE_PATH.relative_to(REPO_ROOT)} missing; run `make browser-deps`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package is not installed (make install-dev)")
    if not missing:
        return None
    return "Browser tests cannot run: " + "; ".join(missing) + "."


@pytest.fixture(scope="session")
def browser_requirements() -> str:
    """The Chromium executable; skips (or fails when HUB_REQUIRE_BROWSER=1) when something is missing."""
    reason = browser_unavailable_reason()
    if reason:
        if os.environ.get("HUB_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (HUB_REQUIRE_BROWSER=1 is set, so this is a failure, not a skip)")
        pytest.skip(reason)
    return chromium_path()


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_setup_command(args: list[str], env: dict[str, str], log: Path) -> None:
    """Run ``manage.py`` with ``args`` (or, when they start with ``-m``, that module) in the repository."""
    args = args if args[0] == "-m" else ["manage.py", *args]
    with log.open("a") as out:
        out.write(f"$ {' '.join(args)}\n")
        out.flush()
        result = subprocess.run(
            [sys.executable, *args],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=SETUP_COMMAND_TIMEOUT,
            check=False,
        )
    if result.returncode != 0:
        pytest.fail(f"`{' '.join(args)}` failed (exit {result.returncode}):\n{_tail(log)}")


def _tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _answers(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only, never a proxy
    try:
        with opener.open(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means the server is up
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def hub_mail_dir(tmp_path_factory) -> Path:
    """The folder where the browser tests' server writes its emails, one .log file per message."""
    return tmp_path_factory.mktemp("hub-mail")


@pytest.fixture(scope="session")
def hub_server_env() -> dict[str, str]:
    """The environment of the browser tests' server (its database, media and mail), filled in by hub_server."""
    return {}


@pytest.fixture(scope="session")
def hub_server(
    browser_requirements, tmp_path_factory, hub_mail_dir, hub_server_env, django_db_setup, test_template_folder
) -> Iterator[str]:
    """Base URL of a runserver of the demo site on a free loopback port, for the whole session.

    The demo content and the demo accounts (member@example.org and the others in the README)
    are loaded; emails go to files in hub_mail_dir. The database and media start as a copy of this run's
    demo-loaded test database and its media (tests/template_db.py), readied for these settings and given the
    demo accounts by prepare_server_db.py. Without one (PostgreSQL runs), the demo is loaded here.
    """
    tmp = tmp_path_factory.mktemp("hub-browser")
    demo = template_db.demo_snapshot(test_template_folder)
    if demo is not None:
        database, media = demo
        shutil.copyfile(database, tmp / "browser.sqlite3")
        shutil.copytree(media, tmp / "media")
    log = tmp / "server.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETUP_SETTINGS,
        "DATABASE_URL": f"sqlite:///{tmp / 'browser.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp / "private"),  # not the checkout's var/private: a test uploads there
        # dj-email-url: the `file` scheme is Django's file-based backend. It drops the first
        # "/" of the path, so an absolute folder needs four slashes (file:////tmp/...);
        # with three the emails would land in a relative folder under the repository.
        "EMAIL_URL": f"file:///{hub_mail_dir}",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("ALLOWED_HOSTS", None)
    hub_server_env.update(env)
    if demo is not None:
        _run_setup_command(["-m", "tests.functional.prepare_server_db"], env, log)
    else:
        _run_setup_command(["migrate", "--noinput"], env, log)
        _run_setup_command(["load_demo_content"], env, log)
        _run_setup_command(["create_demo_accounts"], env, log)  # needs DEBUG on, so hub.settings.dev

    port = _free_loopback_port()
    base_url = f"http://127.0.0.1:{port}"
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": SERVER_SETTINGS,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(FUNCTIONAL_DIR), env.get("PYTHONPATH")])),
    }
    out = log.open("a")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        cwd=REPO_ROOT,
        env=server_env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not _answers(base_url + "/"):
            if process.poll() is not None:
                pytest.fail(f"runserver exited with code {process.returncode} before answering:\n{_tail(log)}")
            if time.monotonic() > deadline:
                pytest.fail(f"runserver did not answer on {base_url} within {SERVER_START_TIMEOUT} s:\n{_tail(log)}")
            time.sleep(0.2)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        out.close()


@pytest.fixture(scope="session")
def hub_manage(hub_server, hub_server_env) -> Callable[..., str]:
    """Run a manage.py command on the server's database (for content the demo lacks), returning its output.

    ``hub_manage("shell", stdin=code)`` runs Python code there; the content a test adds is seen by the server
    at once (a publish there renews the content generation the server checks), and the test removes it after.
    """

    def run(*args: str, stdin: str | None = None) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO_ROOT,
            env=hub_server_env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=SETUP_COMMAND_TIMEOUT,
            check=False,
        )
        if result.returncode != 0:
            pytest.fail(f"`manage.py {' '.join(args)}` failed (exit {result.returncode}):\n{result.stderr[-4000:]}")
        return result.stdout

    return run


@pytest.fixture(scope="module")
def browser(browser_requirements):
    """One headless Chromium for the browser test module.

    Module-scoped rather than session-scoped on purpose: while Playwright's sync
    API is running, the main thread has a running asyncio loop, and Django then
    refuses ORM calls (SynchronousOnlyOperation) in any database test that runs
    after this module. Chromium therefore starts once per browser test module
    (test_browser.py, test_membership_journey.py).
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=browser_requirements, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Watched:
    """A page plus everything that went wrong while it loaded."""

    page: object
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    expected_failures: set[str] = field(default_factory=set)

    def goto(self, path: str, expected_status: int = 200):
        url = self.base_url + path
        if expected_status >= 400:
            self.expected_failures.add(url)
        before = len(self.failed_requests)
        response = self.page.goto(url, wait_until="load")
        # Requests of the page being left that leaving it cancelled (its favicon, which the load event does not
        # wait for, failed one run in a few): not a failure of either page.
        self.failed_requests[before:] = [f for f in self.failed_requests[before:] if "net::ERR_ABORTED" not in f]
        assert response is not None, f"no response for {path}"
        assert response.status == expected_status, f"{path}: HTTP {response.status}, expected {expected_status}"
        return response

    def problems(self) -> list[str]:
        return [*self.console_errors, *self.failed_requests]

    def forget(self) -> None:
        """Start a new test on this page with nothing recorded."""
        self.console_errors.clear()
        self.failed_requests.clear()
        self.expected_failures.clear()


def watch(page, base_url: str) -> Watched:
    """Record the page's console errors, uncaught exceptions and failed requests from now on."""
    watched = Watched(page=page, base_url=base_url)

    def on_console(message):
        if message.type != "error":
            return
        location = (message.location or {}).get("url", "")
        if location in watched.expected_failures and "status of 4" in message.text:
            return  # the browser logs an error page's own status; that one is expected
        watched.console_errors.append(f"console error: {message.text} (at {location or 'unknown'})")

    def on_page_error(error):
        watched.console_errors.append(f"uncaught exception: {error}")

    def on_request_failed(request):
        watched.failed_requests.append(f"request failed: {request.method} {request.url} ({request.failure})")

    def on_response(response):
        if response.status < 400:
            return
        if response.url in watched.expected_failures and response.request.is_navigation_request():
            return
        watched.failed_requests.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    return watched


def _new_watched(browser, base_url: str, viewport: dict[str, int], storage_state=None) -> Watched:
    context = browser.new_context(viewport=viewport, base_url=base_url, storage_state=storage_state)
    context.set_default_timeout(15_000)
    return watch(context.new_page(), base_url)


@pytest.fixture
def open_page(browser, hub_server) -> Iterator[Callable[..., Watched]]:
    """Factory: a fresh browser context (own cookies, own viewport) and a watched page in it.

    storage_state, when given, is a signed-in session saved with BrowserContext.storage_state().
    For a test that acts on the page (types, signs in, saves): nothing is left from another test.
    """
    opened: list[Watched] = []

    def _open(viewport: dict[str, int] = DESKTOP, *, storage_state=None) -> Watched:
        opened.append(_new_watched(browser, hub_server, viewport, storage_state))
        return opened[-1]

    yield _open
    for watched in opened:
        watched.page.context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so a fixture can tell whether its test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="module")
def _reader_tabs(browser, hub_server) -> Iterator[dict[tuple, tuple[object, Watched]]]:
    tabs: dict[tuple, tuple[object, Watched]] = {}  # each with the session it was opened in, kept alive
    yield tabs
    for _, watched in tabs.values():
        watched.page.context.close()


@pytest.fixture
def reader_tab(request, _reader_tabs, browser, hub_server) -> Iterator[Callable[..., Watched]]:
    """Factory: the module's one tab at this viewport (signed out, or in the session given), nothing recorded.

    For tests that only read a page (console, axe-core, layout at a width). A tab that goes from page to page
    as a reader's does keeps its renderer warm: a page's load, axe-core's injection and its run took 0.6 s,
    against 1.6 s in a new context each time (timed in Chromium on four page types). What the last page sent
    before the tab is handed over is delivered and forgotten first (a round trip to the page); each test then
    navigates, so nothing of the last page stays but its cookies (a signed-out reader's CSRF token). Handing
    it over on about:blank instead cost the warm renderer (86 s against 52 s for these tests). A test that
    fails closes its tab: the next gets a new one. The same ``storage_state`` object (a module's signed-in
    session) always gets the same tab.
    """
    used: list[tuple] = []

    def _tab(viewport: dict[str, int] = DESKTOP, *, storage_state: dict | None = None) -> Watched:
        key = (viewport["width"], viewport["height"], id(storage_state))
        if key not in _reader_tabs or _reader_tabs[key][1].page.is_closed():
            _reader_tabs[key] = (storage_state, _new_watched(browser, hub_server, viewport, storage_state))
        watched = _reader_tabs[key][1]
        watched.page.evaluate("() => 0")
        watched.forget()
        used.append(key)
        return watched

    yield _tab
    if getattr(request.node, "report_call", None) is None or request.node.report_call.failed:
        for key in used:
            _, watched = _reader_tabs.pop(key, (None, None))
            if watched is not None:
                watched.page.context.close()


@pytest.fixture(scope="session")
def axe_path(browser_requirements) -> Path:
    return AXE_PATH


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
