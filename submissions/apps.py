from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SubmissionsConfig(AppConfig):
    """Members submit case studies from the site; editors moderate them in Wagtail's workflow."""

    name = "submissions"
    label = "submissions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
        from .moderation import ensure_moderation_workflow_after_migrate, one_moderation_email

        post_migrate.connect(ensure_moderation_workflow_after_migrate, sender=self)
        one_moderation_email()
