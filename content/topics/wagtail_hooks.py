from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]
    # Plain database filtering: the SQLite search backend reads search_fields as FTS5 columns it does not
    # have, so any search here was a 500 ('no such column: name').
    search_backend_name = None


register_snippet(TopicViewSet)
