from django.http import Http404

from wagtail import hooks
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation, Person
from .privacy import document_is_readable
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
    if not document_is_readable(document, request):
        # The same answer as for an id that does not exist: guessing ids reveals nothing.
        raise Http404("No document here")


class HomeFirstExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's Pages menu, opening on the home page rather than on "Root".

    For an administrator Wagtail opens the explorer at the tree's root, whose only child is the one site's
    home page: an extra step on every visit, and "Root" means nothing to an editor. With one site the menu
    opens on its home page; with several (or for an editor whose permissions start lower) Wagtail's own start.
    """

    def start_page(self, request):
        start = policy_registry.get_by_type(Page).explorable_root_instance(request.user)
        if start is not None and start.is_root():
            sites = list(Site.objects.select_related("root_page")[:2])
            if len(sites) == 1:
                return sites[0].root_page
        return start

    def render_component(self, request):
        start = self.start_page(request)
        if start is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name, self.label, self.url, start.id, icon_name=self.icon_name, classname=self.classname
        )


@hooks.register("construct_main_menu")
def open_the_pages_menu_on_the_home_page(request, menu_items):
    for position, item in enumerate(menu_items):
        if type(item) is ExplorerMenuItem:
            menu_items[position] = HomeFirstExplorerMenuItem(
                item.label,
                item.url,
                name=item.name,
                icon_name=item.icon_name,
                order=item.order,
                classname=item.classname,
            )
