"""Production settings that collect static files without compressing them, for the two-server tests.

tests/template_db.collected_static collects this run's static files once with these settings; the app
servers run hub.settings.production and serve them. Compressing every file of Wagtail's admin (gzip and
Brotli, WhiteNoise's CompressedManifestStaticFilesStorage) was about 5 of the 7 s collectstatic took on this
machine. The hashed names and their manifest are Django's ManifestStaticFilesStorage's in both, and WhiteNoise
sends a file as it is when it has no compressed copy: no two-server test is about compression.
"""

from hub.settings.production import *  # noqa: F403
from hub.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
