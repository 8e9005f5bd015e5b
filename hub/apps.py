from django.apps import AppConfig


class HubConfig(AppConfig):
    """The project package: middleware, error views, the worker and checks that span apps."""

    name = "hub"
    label = "hub"

    def ready(self) -> None:
        # Wagtail queues its reference-index update as a background task after every save. The
        # hub decides who may download a document from that index (content/core/privacy.py), so
        # it must never lag behind the pages: run Wagtail's own task at once, in the saving
        # process, as Wagtail did before it had tasks. Everything else still goes to the worker.
        import wagtail.signal_handlers
        from wagtail.tasks import update_reference_index_task

        wagtail.signal_handlers.update_reference_index_task = update_reference_index_task.using(backend="immediate")
