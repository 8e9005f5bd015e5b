from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "content.core"
    label = "core"

    def ready(self) -> None:
        from . import checks, reference_index, request_memo  # noqa: F401 - checks registers the page contract's check

        request_memo.connect()
        # Document access is decided from Wagtail's reference index: it follows each save in the saving
        # transaction, never from Wagtail's queued task (content/core/reference_index.py).
        reference_index.connect_signals()
