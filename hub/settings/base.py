"""Settings shared by every environment. Safe by default: DEBUG is off.

Values come from the environment (12-factor). Optional values are read under
``if "X" in env``; values production cannot run without are read as
``env["X"]`` in ``production.py`` so a missing one fails loudly.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url

from django.core.exceptions import ImproperlyConfigured

env = os.environ.copy()

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean from the environment ("1", "true", "yes", "on" are true)."""
    if name not in env:
        return default
    return env[name].strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """Read a comma-separated list from the environment."""
    if name not in env:
        return list(default or [])
    return [item.strip() for item in env[name].split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

if "SECRET_KEY" in env:
    SECRET_KEY = env["SECRET_KEY"]

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hub",
    "website",
    "content.core",
    "content.topics",
    "content.home",
    "content.papers",
    "content.blog",
    "content.glossary",
    "content.standard_pages",
    "content.case_studies",
    "content.demo",
    "members",
    "questions",
    "submissions",
    "alerts",
    "insights",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "search.apps.SearchConfig",  # after wagtail.search: it takes over Wagtail's index updates (search/indexing.py)
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # allauth's session list
]

# Permissions-Policy (django-permissions-policy, which refuses unknown feature names): browser features the
# site never uses are switched off for it and anything it frames. Left at the browsers' defaults: clipboard-write
# (the "copy citation" button), fullscreen, and publickey-credentials-* (WebAuthn, should MFA offer it).
# Its middleware sits before WhiteNoise, so static files get the header too. Not listed: features Chromium no
# longer knows (ambient-light-sensor, bluetooth, document-domain), which it reported as console errors.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "captured-surface-control",
        "compute-pressure",
        "display-capture",
        "encrypted-media",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "interest-cohort",
        "keyboard-map",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "picture-in-picture",
        "screen-wake-lock",
        "serial",
        "speaker-selection",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session, CSRF and messages middleware: it sees every cookie they set (website/page_cache.py).
    "website.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "content.core.middleware.KeptSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "members.middleware.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hub.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A hand-made form post without a field a view reads (Wagtail's editor reads StreamField counts so):
    # the site's 400 page, not a 500.
    "content.core.params.MissingFieldMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Each gunicorn worker keeps its connection (checked before reuse): opening one per request (SQLite
        # sets WAL each time) cost ~4 ms, four times a cached page's whole answer.
        conn_max_age=int(env.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The site, the worker and its clock share one file: wait for a lock rather than fail, take it when a
    # write transaction begins (no lock-upgrade deadlocks), and let readers go on while one writes (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # One way in: allauth's backend (email login, rate limits, mandatory verification), reading a user's
    # permissions in one query (members/auth_backends.py).
    "members.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files: sources in static/, collected into staticfiles/ (not committed).
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Files that must never be served by the web server or the proxy (e.g. case-study submissions before
# publication): outside MEDIA_ROOT, read only through views that check who is asking.
PRIVATE_MEDIA_ROOT = Path(env.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))

# Background work (emails, release alerts, search cluster pushes, scheduled publishing): django-tasks
# with its database backend, so no extra server is needed. `manage.py run_worker` runs the queue and
# publishes pages whose go-live time has passed; `make run` starts one.
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# How often the worker publishes scheduled pages and runs the periodic jobs (digests, retries), seconds.
WORKER_SCHEDULE_INTERVAL = int(env.get("WORKER_SCHEDULE_INTERVAL", "60"))
# Alert emails: tries before giving up (5, 10, 20, 40 minutes apart), and how recent a release or a
# first publication must be to be announced (so old pages re-published by an editor send nothing).
ALERTS_MAX_ATTEMPTS = 5
ALERTS_LOOKBACK_DAYS = 7
ALERTS_SUBSCRIBE_PER_HOUR = 10  # subscription requests per client address an hour

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Members' submitted files before publication: never served by a web server (submissions/storage.py).
    "private": {"BACKEND": "submissions.storage.PrivateMediaStorage"},
}
MEDIA_ORIGINS: list[str] = []  # other origins images are shown from (object storage, a CDN)
# Several app servers: uploads in S3-compatible object storage, two buckets (hub/storage.py), e.g.
# MEDIA_STORAGE_URL=s3://hub-media?endpoint=https://s3.example.org&region=eu-west-2 and
# PRIVATE_STORAGE_URL=s3://hub-private?…; credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
if "MEDIA_STORAGE_URL" in env or "PRIVATE_STORAGE_URL" in env:
    if not ("MEDIA_STORAGE_URL" in env and "PRIVATE_STORAGE_URL" in env):
        raise ImproperlyConfigured("Set MEDIA_STORAGE_URL and PRIVATE_STORAGE_URL together: one bucket each.")
    from hub.storage import origin, s3_options  # boto3 is imported only where object storage is configured

    STORAGES["default"] = {"BACKEND": "hub.storage.MediaStorage", "OPTIONS": s3_options(env["MEDIA_STORAGE_URL"])}
    MEDIA_ORIGINS = [origin(STORAGES["default"]["OPTIONS"]["public_url"])]  # renditions: img-src below
    STORAGES["private"] = {"BACKEND": "hub.storage.PrivateStorage", "OPTIONS": s3_options(env["PRIVATE_STORAGE_URL"])}

# Email: EMAIL_URL (smtp://user:pass@host:587/?tls=True, console://, or file:////absolute/folder).
if "EMAIL_URL" in env:
    _email = dj_email_url.parse(env["EMAIL_URL"])
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
    EMAIL_TIMEOUT = _email.get("EMAIL_TIMEOUT") or 10
    if _email.get("EMAIL_FILE_PATH"):
        EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
# The sender names the network as the site and every email body do (one name everywhere: issue 14).
DEFAULT_FROM_EMAIL = env.get(
    "DEFAULT_FROM_EMAIL", "National Network for Neighbourhood Improvement <hello@example.org>"
)
SERVER_EMAIL = env.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# One cache shared by every app-server process, because rate limits (allauth's and the hub's) count in
# it: the database by default (no extra server; the table is made by `migrate`, see hub/apps.py), Redis
# when CACHE_URL is set. A per-process memory cache would let each gunicorn worker keep its own counts.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "hub_cache",
        # Django culls a third of the table, by key order, past MAX_ENTRIES (300 by default): a flood of
        # other keys would then wipe the failed-login counts. Expired rows go daily (hub.periodic).
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    },
    # Wagtail writes every rendition it serves to the cache: on the database cache five statements per image
    # per request. Every image the hub shows comes with its renditions prefetched (one query per page, held
    # by tests/content/test_query_budget.py), so a renditions cache would only add writes (and, with Redis, a
    # round trip per image): none is kept.
    "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
if "CACHE_URL" in env:
    # Shared cache for several app servers behind a load balancer (Redis or Memcached).
    if env["CACHE_URL"].startswith("redis"):
        CACHES["default"] = {
            # Django's, except that a Redis that is down is a miss (hub/cache_backends.py), found out fast.
            "BACKEND": "hub.cache_backends.TolerantRedisCache",
            "LOCATION": env["CACHE_URL"],
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        # Sessions stay in the database (Django's default), which every app server shares: not cached_db,
        # because a Redis that fails a delete at sign-out would keep serving the signed-out session from
        # its copy, and this cache tolerates failures (docs/operations.md).
    else:
        raise ImproperlyConfigured("CACHE_URL must be a redis:// URL")

# The anonymous page cache (website/page_cache.py, docs/performance.md): whole public pages for readers without
# a cookie, kept this many seconds in the cache above and, as Cache-Control max-age, by any proxy or CDN.
# 0 switches it off (to measure raw rendering). Other query parameters are never cached.
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", 300))
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_QUERY_PARAMS = {"page", "topic", "author"}
# Every read reaches insight's daily counts in one write per process at most this late (insights.recording).
INSIGHTS_READ_FLUSH_SECONDS = int(env.get("INSIGHTS_READ_FLUSH_SECONDS", 10))
# Wagtail's frontend-cache purge for a caching proxy or CDN in front of the site: Varnish or another proxy
# that accepts PURGE requests, or Cloudflare. Unset: nothing to purge.
WAGTAILFRONTENDCACHE: dict = {}
if "FRONTEND_CACHE_PURGE_URL" in env:
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env["FRONTEND_CACHE_PURGE_URL"],
    }
if "FRONTEND_CACHE_CLOUDFLARE_ZONE_ID" in env or "FRONTEND_CACHE_CLOUDFLARE_TOKEN" in env:
    if not ("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID" in env and "FRONTEND_CACHE_CLOUDFLARE_TOKEN" in env):
        raise ImproperlyConfigured("Set both FRONTEND_CACHE_CLOUDFLARE_ZONE_ID and FRONTEND_CACHE_CLOUDFLARE_TOKEN")
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env["FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": env["FRONTEND_CACHE_CLOUDFLARE_TOKEN"],
    }

# Wagtail
# One name everywhere: the admin (this setting), the public pages and emails (the site settings'
# organisation name, whose default is this), the authenticator app's label. tests/members/test_account_pages.py
# checks that they agree.
WAGTAIL_SITE_NAME = "National Network for Neighbourhood Improvement"
WAGTAILADMIN_BASE_URL = env.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Wagtail's database backend, with what its admin search boxes send parsed first (search/backends.py): a
# quote typed there was an SQLite full-text syntax error.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
# Site search: unset means the database engine above; http(s)://… means an Elasticsearch or
# OpenSearch cluster (comma-separate several node URLs). See docs/search.md.
SEARCH_URL = env.get("SEARCH_URL", "")
SEARCH_INDEX_PREFIX = env.get("SEARCH_INDEX_PREFIX", "hub")
SEARCH_TIMEOUT = float(env.get("SEARCH_TIMEOUT", "3"))
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # downloads pass through Wagtail's privacy checks
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "csv", "pptx", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Admin uploads are checked by content, as members' are (content/core/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "content.core.forms.HubDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "content.core.forms.HubImageForm"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
WAGTAILEMBEDS_FINDERS = []  # no remote oEmbed look-ups: the site works offline
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no remote avatars in the admin either (the CSP would block them)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Accounts (django-allauth): email login, mandatory verification, no enumeration.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/members/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# A signed-in member sent to log in (e.g. to the admin, which they cannot use) sees the login
# form, where they may switch account, rather than being bounced back in a loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
# Mailbox ownership decides who holds an address (members/ownership.py): sign-ups and added addresses
# held only unverified elsewhere go ahead, resets go to verified addresses, and sign-ups never verified
# are purged by the worker's clock after this many days.
ACCOUNT_UNVERIFIED_PURGE_DAYS = int(env.get("ACCOUNT_UNVERIFIED_PURGE_DAYS", "7"))
ACCOUNT_FORMS = {
    "signup": "members.account_forms.HubSignupForm",
    "reset_password": "members.account_forms.HubResetPasswordForm",
    # The rest only relabel allauth's fields in British English and sentence case.
    "login": "members.account_forms.HubLoginForm",
    "change_password": "members.account_forms.HubChangePasswordForm",
    "set_password": "members.account_forms.HubSetPasswordForm",
    "reset_password_from_key": "members.account_forms.HubResetPasswordKeyForm",
    "reauthenticate": "members.account_forms.HubReauthenticateForm",
    "add_email": "members.account_forms.HubAddEmailForm",
}
# Changing an address or the password asks for the password again (or a second factor) when the
# last sign-in is older than five minutes; the hub's export and deletion views ask the same.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""  # the sender already names the network; "[The hub]" was a third name
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.MemberSignupForm"
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "members.adapter.user_display"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# allauth's rate limits are on by default; stated here so that nobody switches them off by accident.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    # Three verification emails per address in 15 minutes (allauth: one in 3): a second sign-up with an address,
    # such as its owner's after someone else's, still gets its own link, and an address still gets no flood.
    "confirm_email": "3/15m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}

# Two-factor authentication (allauth.mfa): required for anyone who can open the Wagtail admin
# (members/middleware.py: they enrol on first visit), optional for members. No remote scripts: TOTP
# apps and recovery codes only.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
HUB_STAFF_MFA_REQUIRED = True
# Members see their signed-in sessions (browser, address, when) and can end the others. Activity is not
# tracked per request: that would be a database write on every signed-in page view.
USERSESSIONS_TRACK_ACTIVITY = False

# Wagtail's own login routes lead to allauth; shared-password privacy is off.
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# Content Security Policy (django-csp 4). The site's own pages use no inline
# script or style; the Wagtail admin needs inline styles and scripts of its own,
# so hub.middleware relaxes the policy for the admin only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override this to SAMEORIGIN themselves
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
}
