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
        # Wagtail queues its reference-index update as a background task after every save. The
        # hub decides who may download a document from that index (content/core/privacy.py), so
        # it must never lag behind the pages: Wagtail's own task runs at once in the saving
        # process, and again when the transaction commits, because a page's inline children
        # (attachments) are saved or deleted after the page's own post_save.
        import wagtail.signal_handlers

        wagtail.signal_handlers.update_reference_index_task = ReferenceIndexNow()


class ReferenceIndexNow:
    """Stands in for Wagtail's queued task: the same task, run now and after the commit."""

    def enqueue(self, *args) -> None:
        from django.apps import apps
        from django.db import transaction

        from wagtail.tasks import update_reference_index_task

        task = update_reference_index_task.using(backend="immediate")
        task.enqueue(*args)

        def after_commit() -> None:
            app_label, model_name, pk = args
            # The object may have been deleted later in the same transaction (nothing left to index).
            if apps.get_model(app_label, model_name)._default_manager.filter(pk=pk).exists():
                task.enqueue(*args)

        transaction.on_commit(after_commit, robust=True)


def create_cache_table(using: str = "default", **kwargs) -> None:
    """Django's ``createcachetable`` (a no-op when the table exists or no database cache is set)."""
    call_command("createcachetable", database=using, verbosity=0)
