from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


class HubConfig(AppConfig):
    """The project package: middleware, error views, the worker and checks that span apps."""

    name = "hub"
    label = "hub"

    def ready(self) -> None:
        # Rate limits count in the shared cache, the database by default: every `migrate` (and so
        # every test database) leaves its table ready, so no deployment step can be forgotten.
        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(using: str = "default", **kwargs) -> None:
    """Django's ``createcachetable`` (a no-op when the table exists or no database cache is set)."""
    call_command("createcachetable", database=using, verbosity=0)
