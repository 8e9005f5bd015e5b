from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    """Editors' list of words readers use for the same thing (search.synonyms)."""

    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["words", "note"]
    search_fields = ["words", "note"]
    search_backend_name = None  # plain database filtering, as for topics (content/topics/wagtail_hooks.py)


register_snippet(SearchSynonymViewSet)
