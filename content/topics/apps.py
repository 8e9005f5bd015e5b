from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "content.topics"
    label = "topics"
