"""URLs for the browser tests' server: the site's own, plus image renditions from MEDIA_ROOT.

website.urls serves /media/images/ only when DEBUG is on; the browser tests' server
runs with DEBUG off (see hub_browser_settings), so it serves them here.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from website.urls import urlpatterns as hub_urlpatterns

urlpatterns = [
    re_path(r"^media/images/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT / "images"}),
    *hub_urlpatterns,
]
