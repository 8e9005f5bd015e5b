from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "content.blog"
    label = "blog"
