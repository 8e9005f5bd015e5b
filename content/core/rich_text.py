"""Rich-text links to glossary terms carry the term's short definition.

Editors link a term with the ordinary page chooser; when the target is a
definition, readers get the definition inline (site.js adds an accessible
disclosure button; without JavaScript the link still leads to the term's page).
The linked pages are looked up once per request for all blocks (``content.core.links``).
"""

from __future__ import annotations

from wagtail.rich_text.pages import PageLinkHandler

from .links import link_tags


class GlossaryAwarePageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = []
        for attrs in attrs_list:
            try:
                ids.append(int(attrs.get("id")))
            except (TypeError, ValueError):
                ids.append(None)
        tags = link_tags(pk for pk in ids if pk is not None)
        return [tags.get(pk, "<a>") if pk is not None else "<a>" for pk in ids]
