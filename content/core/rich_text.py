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
        from content.glossary.models import DefinitionPage

        tags = []
        for page in cls.get_many(attrs_list):
            if page is None:
                tags.append("<a>")
            elif isinstance(page, DefinitionPage) and page.live:
                tags.append(
                    f'<a href="{escape(page.url)}" class="glossary-term" '
                    f'data-term="{escape(page.title)}" data-definition="{escape(page.short_definition)}">'
                )
            else:
                tags.append(f'<a href="{escape(page.localized.url)}">')
        return tags
