"""Settings for the browser tests' server: the development settings with DEBUG off.

With DEBUG on, a missing page shows Django's technical 404 page instead of the
site's own templates/404.html, so the browser tests could not check the page
readers really see. Everything else is hub.settings.dev unchanged. Static files
come from ``runserver --insecure``; image renditions from hub_browser_urls.
"""

from hub.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "hub_browser_urls"
