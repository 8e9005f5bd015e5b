from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: entries per access level, one interface over the database or a search cluster."""

    name = "search"
    label = "hub_search"

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401
        from .indexing import take_over_wagtail_index_updates

        # After wagtail.search's ready() (this app comes after it in INSTALLED_APPS) has connected its handler.
        take_over_wagtail_index_updates()
