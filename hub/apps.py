from django.apps import AppConfig


class HubConfig(AppConfig):
    """The project package: middleware, error views and checks that span apps."""

    name = "hub"
    label = "hub"
