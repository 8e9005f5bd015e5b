"""The sitemap lists public live pages only, through the privacy helper."""

from wagtail.contrib.sitemaps import Sitemap

from content.core.privacy import public_pages


class HubSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        return (
            public_pages()
            .descendant_of(site.root_page, inclusive=True)
            .defer_streamfields()
            .specific()
            .order_by("path")
        )
