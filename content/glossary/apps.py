from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "content.glossary"
    label = "glossary"
