from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    """Members ask a case study's authors a question; the hub relays it without revealing addresses."""

    name = "questions"
    label = "questions"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Questions to authors"
