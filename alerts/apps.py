from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """Following, release alerts, email subscriptions and their deliveries."""

    name = "alerts"
    label = "alerts"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Alerts and following"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
