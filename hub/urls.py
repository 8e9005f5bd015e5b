from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from content.core.feeds import BlogFeed, PapersFeed
from content.core.sitemap import HubSitemap
from content.core.views import robots_txt
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("feeds/papers/", PapersFeed(), name="feed_papers"),
    path("feeds/blog/", BlogFeed(), name="feed_blog"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": HubSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Image renditions only: documents are always served through Wagtail's
    # permission-checking view at /documents/, never straight from media/.
    urlpatterns += static(f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images")

urlpatterns += [path("", include(wagtail_urls))]
