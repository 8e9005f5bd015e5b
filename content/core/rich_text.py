"""Rich-text links to glossary terms carry the term's short definition.

Editors link a term with the ordinary page chooser; when the target is a
definition, readers get the definition inline (site.js adds an accessible
disclosure button; without JavaScript the link still leads to the term's page).
"""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler


class GlossaryAwarePageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        from content.core.privacy import public_pages
        from content.glossary.models import DefinitionPage

        pages = cls.get_many(attrs_list)
        term_ids = [page.pk for page in pages if isinstance(page, DefinitionPage)]
        public_terms = set(public_pages(DefinitionPage).filter(pk__in=term_ids).values_list("pk", flat=True))
        tags = []
        for page in pages:
            if page is None:
                tags.append("<a>")
            elif page.pk in public_terms:
                tags.append(
                    f'<a href="{escape(page.url)}" class="glossary-term" '
                    f'data-term="{escape(page.title)}" data-definition="{escape(page.short_definition)}">'
                )
            else:
                tags.append(f'<a href="{escape(page.localized.url)}">')
        return tags
