from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "content.core"
    label = "core"

    def ready(self) -> None:
        from . import request_memo

        request_memo.connect()
