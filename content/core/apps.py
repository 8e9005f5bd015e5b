from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "content.core"
    label = "core"

    def ready(self) -> None:
        from . import checks, request_memo  # noqa: F401 - checks registers the page contract's system check

        request_memo.connect()
