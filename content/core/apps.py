from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "content.core"
    label = "core"
