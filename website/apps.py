from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The site layer, above every app: the URLs, the anonymous page cache, feeds and the sitemap.

    Nothing imports it but Django (``ROOT_URLCONF``, ``MIDDLEWARE``) and the tests: the apps below stay
    free of one another's URLs and of the page cache, which learns of their changes through signals.
    """

    name = "website"
    label = "website"

    def ready(self) -> None:
        # The anonymous page cache forgets every page when content or privacy changes.
        from . import page_cache

        page_cache.connect_signals()
