"""Site-wide views: pages, robots.txt, favicon.ico and the error pages."""

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.request import split_domain_port
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe

from wagtail import views as wagtail_views
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve
from wagtail.models import Site

from . import params, worker_memo
from .cache_headers import private_response
from .models import CHOSEN_PAGES, chosen_page, for_serving, routes_to_children, walk_down
from .privacy import document_is_public


def serve_page(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, routed from the site's root without first reading the root's specific row.

    Wagtail routes from ``site.root_page.specific``: a query for the home page's own fields on every page
    of the site. The walk down the path (``walk_down``) needs only the tree columns the site query already
    joined, and reads the menu's top-level pages in the same query. The result goes where Wagtail keeps a
    request's route (``Page.route_for_request`` documents ``request._wagtail_route_for_request``), so
    Wagtail's serve view, its hooks and everything else that asks for the request's page agree with it.
    Routing is by URL path alone, as Wagtail's without internationalisation (``WAGTAIL_I18N_ENABLED`` is off;
    ``content.core.checks`` says so if it is switched on).
    """
    if not hasattr(request, "_wagtail_site"):  # where Site.find_for_request keeps the request's site
        request._wagtail_site = kept_site(request)
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    if site is not None and components and routes_to_children(site.root_page, components):
        page, consumed = walk_down(site.root_page, components, top_level=True)
        try:
            if page is site.root_page:  # the first step is no child: Wagtail's routing would say 404 too
                raise Http404
            request._wagtail_route_for_request = for_serving(page).route(request, components[consumed:])
        except (Http404, ObjectDoesNotExist):  # not found, or deleted since the walk read it
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def kept_site(request: HttpRequest) -> Site | None:
    """The site Wagtail finds for the request's host and port, with its root page: read once per worker until
    a site or page changes (``worker_memo``; a query of every site on each request before), built afresh for
    each request."""
    hostname, port = split_domain_port(request.get_host())[0], request.get_port()

    def read() -> tuple[worker_memo.Row, worker_memo.Row] | None:
        site = Site.find_for_request(request)
        return None if site is None else (worker_memo.Row.of(site), worker_memo.Row.of(site.root_page))

    rows = worker_memo.kept("site", (hostname, port), read)
    if rows is None:
        return None
    site = rows[0].build()
    site.root_page = rows[1].build()
    return site


def kept_site_root_paths() -> list:
    """Wagtail's ``Site.get_site_root_paths()`` (every site's root path and URL, which each page URL is built
    from), kept by the worker until a site or page changes: Wagtail keeps it in the shared cache, a query of
    the database cache on each request. The list is Wagtail's own (of immutable tuples), shared read-only."""
    return worker_memo.kept("site_root_paths", "all", Site.get_site_root_paths)


@require_GET
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
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

    document_id = params.id_or_404(document_id)  # the route's <int:…> takes any number of digits
    response = serve(request, document_id, document_filename)
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None and response.status_code == 200 and not document_is_public(document):
        private_response(response)
    elif response.status_code == 200:
        # A public report a proxy or CDN may keep, but only as long as a public page: if its page becomes
        # member-only the copy lapses with theirs (a CDN's default for a .pdf is hours).
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
    return response


def site_page(request: HttpRequest, field: str) -> HttpResponse:
    """A stable address for a page the site's settings choose (the privacy notice, the contact page), for
    links made without a request to look the page up (a form's help text): it leads to the page chosen now."""
    if field not in CHOSEN_PAGES:
        raise Http404("No such page")
    page = chosen_page(request, field)
    url = page.get_url(request) if page is not None else None
    if not url:
        raise Http404("No page is chosen")
    return HttpResponseRedirect(url)
