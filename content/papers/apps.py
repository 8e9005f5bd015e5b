from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "content.papers"
    label = "papers"
