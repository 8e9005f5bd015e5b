from django.apps import AppConfig


class StandardPagesConfig(AppConfig):
    name = "content.standard_pages"
    label = "standard_pages"
