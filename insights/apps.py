from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """Network insight for staff: anonymous daily aggregates of reads and searches, and the admin dashboard."""

    name = "insights"
    label = "insights"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Network insight"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
