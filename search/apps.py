from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: entries per access level, one interface over the database or a search cluster."""

    name = "search"
    label = "hub_search"

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401
