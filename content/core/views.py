"""Site-wide views: robots.txt, favicon.ico and the error pages."""

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe


@require_GET
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    return HttpResponse(
        render_to_string("robots.txt", {"sitemap_url": sitemap_url}), content_type="text/plain; charset=utf-8"
    )


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and feed readers ask for /favicon.ico whatever the page links: send them to the static icon."""
    return HttpResponseRedirect(staticfiles_storage.url("img/favicon.ico"))


def serve_document(request: HttpRequest, document_id: int, document_filename: str) -> HttpResponse:
    """Wagtail's document view (with its before_serve_document checks), plus the right cache headers."""
    from django.utils.cache import patch_cache_control, patch_vary_headers

    from wagtail.documents import get_document_model
    from wagtail.documents.views.serve import serve

    from hub import params

    from .privacy import document_is_public

    document_id = params.id_or_404(document_id)  # the route's <int:…> takes any number of digits
    response = serve(request, document_id, document_filename)
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None and response.status_code == 200 and not document_is_public(document):
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    elif response.status_code == 200:
        # A public report a proxy or CDN may keep, but only as long as a public page: if its page becomes
        # member-only the copy lapses with theirs (a CDN's default for a .pdf is hours).
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
    return response
