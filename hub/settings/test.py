"""Test settings: fast hashing, in-memory email and cache, plain static storage."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache is off unless a test (tests/hub/test_page_cache.py) or PAGE_CACHE_SECONDS switches it on:
# query-count and rendering tests measure rendering, and the memory cache outlives each test's rollback.
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", 0))
# Reads are written at once (tests/insights/test_recording.py switches the batching on).
INSIGHTS_READ_FLUSH_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "submissions.storage.PrivateMediaStorage"},
}


def _scratch_folder(prefix: str) -> str:
    """A folder of this process's own, removed when it exits (the suite made two per run, and left them)."""
    folder = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


# pytest-xdist runs these settings in several processes at once ("gw0", "gw1", …): each makes its own
# folders above, and a TEST_MEDIA_ROOT given gets a sub-folder per worker. (Each has its own test
# database from pytest-django and its own memory cache; tests/workers.py covers Redis and the cluster.)
if env.get("TEST_MEDIA_ROOT"):
    MEDIA_ROOT = str(Path(env["TEST_MEDIA_ROOT"]) / env.get("PYTEST_XDIST_WORKER", ""))
else:
    MEDIA_ROOT = _scratch_folder("hub-test-media-")
PRIVATE_MEDIA_ROOT = Path(_scratch_folder("hub-test-private-"))
# Tasks run inline in tests; tests of the worker itself switch to the database backend.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
WAGTAILADMIN_BASE_URL = "http://localhost"

# Serve static files from the app and project folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Staff two-factor enforcement (members/middleware.py) is switched on by the tests that exercise it, so
# the many admin tests that sign in with force_login need not enrol a device each.
HUB_STAFF_MFA_REQUIRED = False
