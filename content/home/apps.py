from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "content.home"
    label = "home"
