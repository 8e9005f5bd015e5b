"""Development on a laptop: debug on, emails written to a folder."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env, env_list

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

if "EMAIL_URL" not in env:
    # Emails land as files in var/mail/, one per message, where the README says.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# Serve static files from the app and project folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
