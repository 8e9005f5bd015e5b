from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation, Person
from .rich_text import GlossaryAwarePageLinkHandler


@hooks.register("register_rich_text_features", order=100)
def register_glossary_links(features):
    """Runs after Wagtail's own hook (order 0) so this handler replaces the plain page one."""
    features.register_link_type(GlossaryAwarePageLinkHandler)


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "job_title", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["given_names", "family_name"]
    # Plain database filtering: the SQLite search backend reads search_fields as FTS5 columns it does not
    # have, so any search here was a 500 ('no such column: name').
    search_backend_name = None


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "url"]


register_snippet(PersonViewSet)
register_snippet(OrganisationViewSet)


@hooks.register("before_serve_document")
def serve_documents_only_to_readers_of_a_page_that_uses_them(document, request):
    from django.http import Http404

    from .privacy import document_is_readable

    if not document_is_readable(document, request):
        # The same answer as for an id that does not exist: guessing ids reveals nothing.
        raise Http404("No document here")
