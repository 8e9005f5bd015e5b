"""Production: everything secure, required values fail loudly when missing."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

DEBUG = False
SECRET_KEY = env["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# Every link in every email is built from it: no silent default to a laptop address.
WAGTAILADMIN_BASE_URL = env["BASE_URL"].rstrip("/")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
if env_bool("BEHIND_TLS_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Rate limits (allauth's and the hub's) count per client: behind N proxies, the client is the Nth address
# from the right of X-Forwarded-For. Never trust that header without a proxy that sets it.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env.get("TRUSTED_PROXY_COUNT", "1" if env_bool("BEHIND_TLS_PROXY", True) else "0"))
SECURE_HSTS_SECONDS = int(env.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

if "EMAIL_URL" not in env:
    # Nothing is configured: fail loudly on send rather than silently dropping mail.
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
