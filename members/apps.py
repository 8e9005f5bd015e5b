from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MembersConfig(AppConfig):
    """Membership: accounts, tiers, consents, and the member's own area."""

    name = "members"
    label = "members"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, reading_list, signal_handlers  # noqa: F401
        from .reference_data import sync_reference_data

        post_migrate.connect(sync_reference_data, sender=self)
