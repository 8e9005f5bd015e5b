from pathlib import Path

from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from content.core import params
from content.core.views import favicon, robots_txt, serve_document, serve_page, site_page
from members import account_views
from search import views as search_views

from .feeds import BlogFeed, PapersFeed
from .sitemap import HubSitemap

params.register_converters()  # <id:…>: an id too large for any table is a 404, not an OverflowError

urlpatterns = [
    # One way in: Wagtail's own login forms lead to allauth (rate limits, mandatory verification).
    path("admin/login/", account_views.to_allauth_login, name="wagtailadmin_login_closed"),
    path("_util/login/", account_views.to_allauth_login, name="wagtailcore_login_closed"),
    path("_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/", account_views.gone),
    # allauth's confirmation link, bound to the person who signed up (members.account_views).
    path("accounts/confirm-email/<str:key>/", account_views.confirm_email, name="account_confirm_email"),
    # allauth's sign-in and sign-out, returning the reader to the page they were on (members.return_to).
    path("accounts/login/", account_views.login, name="account_login"),
    path("accounts/logout/", account_views.logout, name="account_logout"),
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("questions/", include("questions.urls")),
    path("case-studies/submit/", include("submissions.urls")),
    path("alerts/", include("alerts.urls")),
    # Wagtail's core reports with their spreadsheet cells through hub.spreadsheets (see hub/admin_reports.py).
    path("admin/reports/", include("hub.admin_reports")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/<id:document_id>/<str:document_filename>", serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.autocomplete, name="search_autocomplete"),
    path("feeds/papers/", PapersFeed(), name="feed_papers"),
    path("feeds/blog/", BlogFeed(), name="feed_blog"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": HubSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    # The privacy notice and contact page the site's settings choose, for links made without a request.
    path("_site/<slug:field>/", site_page, name="site_page"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Image renditions only: documents are always served through Wagtail's
    # permission-checking view at /documents/, never straight from media/.
    urlpatterns += static(f"{settings.MEDIA_URL}images/", document_root=Path(settings.MEDIA_ROOT) / "images")

urlpatterns += [
    # Wagtail's page view, routed without reading the home page's own row first (content.core.views).
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
