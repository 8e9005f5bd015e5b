"""`make screenshots`: a small gallery of the demo site for the README, taken in Debian's Chromium.

Loads the demo into a throwaway SQLite database, serves it, and photographs the pages people ask about
(home, a paper, search, a case study as a member and as a teaser, the submission form, the insight
dashboard) at 1280 px and at 390 px, as WebP files in docs/screenshots/. Uses the Chromium the browser
tests use (/usr/bin/chromium, never a downloaded one) with the same flags.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PAPER = "/papers/social-capital-2025/the-ties-that-bind/"
CASE_STUDY = "/case-studies/stoke-on-trent-community-wealth-from-the-neighbourhood-up/"
ACCOUNTS = {
    "member": ("member@example.org", "hub-demo-member"),
    "officer": ("officer@stoke.gov.uk", "hub-demo-council"),
    "admin": ("admin@example.org", "hub-demo-admin"),
}
# (file name, who, path, what to do first); each at both widths.
SHOTS = [
    ("home", None, "/", None),
    ("paper", None, PAPER, None),
    ("search", None, "/search/?q=social+capital", None),
    ("case-study-member", "member", CASE_STUDY, None),
    ("case-study-teaser", None, CASE_STUDY, None),
    ("submission-form", "officer", "/case-studies/submit/", None),
    ("insight", "admin", "/admin/insights/", None),
    ("menu-open", None, "/", "menu"),
]
WEBP_QUALITY = 72


def manage(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603 - this interpreter's manage.py with our own arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("the server stopped before answering")
        try:
            opener.open(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"the server did not answer on {url}")


def sign_in(browser, base_url: str, who: str, env: dict[str, str]) -> dict:
    email, password = ACCOUNTS[who]
    context = browser.new_context(viewport=DESKTOP, base_url=base_url)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    with page.expect_navigation(wait_until="load"):
        page.press("#id_password", "Enter")
    code_field = page.locator("input[name=code]")
    if code_field.count():  # staff: the second factor
        code_field.fill(manage(["demo_code"], env).strip())
        with page.expect_navigation(wait_until="load"):
            code_field.press("Enter")
    state = context.storage_state()
    context.close()
    return state


def save(png: bytes, name: str) -> Path:
    path = OUT / f"{name}.webp"
    Image.open(io.BytesIO(png)).convert("RGB").save(path, "WEBP", quality=WEBP_QUALITY, method=6)
    return path


def main() -> None:
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hub-screenshots-") as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp}/demo.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
            "EMAIL_URL": f"file:///{tmp}/mail",
            "PAGE_CACHE_SECONDS": "0",
        }
        env.pop("ALLOWED_HOSTS", None)
        print("Loading the demo into a temporary database…")
        for command in (["migrate", "--noinput"], ["load_demo_content"], ["create_demo_accounts"]):
            manage(command, env)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        # The browser tests' settings: DEBUG off (the site's own error pages), image renditions served.
        server_env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "hub_browser_settings",
            "PYTHONPATH": str(ROOT / "tests" / "functional"),
        }
        server = subprocess.Popen(  # noqa: S603 - our own runserver, on loopback
            [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=server_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(base_url + "/", server)
            take(base_url, env)
        finally:
            server.terminate()
            server.wait(timeout=10)
    total = sum(path.stat().st_size for path in OUT.glob("*.webp"))
    print(f"{len(list(OUT.glob('*.webp')))} screenshots in {OUT.relative_to(ROOT)}, {total / 1024:.0f} KiB in all")


def take(base_url: str, env: dict[str, str]) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        states = {who: sign_in(browser, base_url, who, env) for who in {who for _, who, _, _ in SHOTS if who}}
        for name, who, path, action in SHOTS:
            for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                if action == "menu" and label == "desktop":
                    continue
                context = browser.new_context(
                    viewport=viewport, base_url=base_url, storage_state=states.get(who), reduced_motion="reduce"
                )
                page = context.new_page()
                page.goto(path, wait_until="load")
                if action == "menu":
                    page.locator(".menu-button").click()
                page.evaluate("() => document.fonts.ready")
                saved = save(page.screenshot(), f"{name}-{label}")
                print(f"  {saved.relative_to(ROOT)}  {path}")
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
