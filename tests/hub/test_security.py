"""Production settings pass Django's deploy checks and pages send a strict CSP they satisfy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.test import Client

from content.papers.models import PaperPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PUBLIC_URLS = ["/", "/papers/", "/papers/social-capital-2025/", "/blog/", "/definitions/", "/topics/", "/about/"]


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": "a-long-random-production-like-secret-key-for-the-check-0123456789abcdef",
        "ALLOWED_HOSTS": "hub.example.org",
        "BASE_URL": "https://hub.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "hub.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_public_pages_send_security_headers(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_SSL_REDIRECT = False
    response = Client(HTTP_HOST="localhost").get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


@pytest.mark.parametrize("url", [*PUBLIC_URLS, "paper"])
def test_public_pages_satisfy_their_csp_without_inline_script_or_style(client, url):
    if url == "paper":
        url = PaperPage.objects.get(slug="safe-at-home").url
    html = soup(client.get(url))
    for script in html.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json", script
        if script.get("src"):
            assert script["src"].startswith("/static/"), "no remote script"
    assert not html.find_all("style"), "no inline style element"
    assert not html.select("[style]"), "no inline style attribute"
    for link in html.find_all("link", rel="stylesheet"):
        assert link["href"].startswith("/static/"), "no remote stylesheet or font"
    assert not html.select("[onclick], [onload], [onerror]"), "no inline event handler"


def test_admin_gets_the_relaxed_policy_it_needs_and_nothing_more(admin_client):
    response = admin_client.get("/admin/", HTTP_HOST="localhost")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" in csp
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp


def test_session_and_csrf_cookies_are_http_only():
    from django.conf import settings

    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY


# Permissions-Policy (issue 9, finding 6) ---------------------------------------------------------------

DENIED_FEATURES = {
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
}


def permissions_policy(response) -> dict[str, str]:
    """The Permissions-Policy header as {feature: allowlist}, e.g. {"camera": "()"}."""
    assert "Permissions-Policy" in response, f"no Permissions-Policy on {response.status_code} {response}"
    return dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))


def assert_the_other_headers_are_still_sent(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_public_page_denies_powerful_browser_features_and_keeps_its_other_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = permissions_policy(response)
    assert {feature: policy.get(feature) for feature in DENIED_FEATURES} == dict.fromkeys(DENIED_FEATURES, "()")
    assert set(policy.values()) == {"()"}, "nothing is allowed to anyone, not even the site itself"
    # The "copy citation" button writes to the clipboard; fullscreen and WebAuthn keep the browsers' defaults.
    assert not {"clipboard-write", "fullscreen", "publickey-credentials-get"} & set(policy)
    assert_the_other_headers_are_still_sent(response)


def test_admin_pages_send_the_permissions_policy_with_the_admin_csp(admin_client):
    response = admin_client.get("/admin/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert set(permissions_policy(response)) >= DENIED_FEATURES
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("url", ["/no-such-page/", "/admin/no-such-page/", "/documents/999999/missing.pdf"])
def test_not_found_pages_send_the_permissions_policy(client, admin_client, url):
    response = (admin_client if url.startswith("/admin/") else client).get(url, HTTP_HOST="localhost")
    assert response.status_code == 404
    assert set(permissions_policy(response)) >= DENIED_FEATURES
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Content-Security-Policy" in response


def test_static_files_from_whitenoise_send_the_permissions_policy(client):
    response = client.get("/static/js/site.js")
    assert response.status_code == 200 and "javascript" in response["Content-Type"]
    assert set(permissions_policy(response)) >= DENIED_FEATURES
    assert response["X-Content-Type-Options"] == "nosniff"
