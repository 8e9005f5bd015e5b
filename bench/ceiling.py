"""The ceiling for `make bench`: a minimal Django view returning 24 KB, no middleware, under the same gunicorn."""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-ceiling-only",  # noqa: S106 - serves one constant page on a loopback port
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
django.setup()

BODY = ("<!DOCTYPE html><html><body>" + "<p>Neighbourhood improvement.</p>" * 780 + "</body></html>").encode()[
    : 24 * 1024
]


def page(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
application = get_wsgi_application()
