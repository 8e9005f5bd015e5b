from django.db import transaction
from django.dispatch import receiver

from wagtail.signals import page_published

from members.sections import topics_chosen

from .models import Follow
from .tasks import announce_page


@receiver(page_published)
def announce_after_publish(sender, instance, **kwargs):
    """Queue the announcement once the publish is committed; the task decides whether it is news."""
    if getattr(instance.specific_class, "announced_on_publish", False):  # the page type says (BasePage)
        page_id = instance.pk
        transaction.on_commit(lambda: announce_page.enqueue(page_id))


@receiver(topics_chosen)
def follow_chosen_topics(sender, user, topics, **kwargs):
    """The topics a member ticks as they sign up are followed: they drive alerts (members.forms)."""
    for topic in topics:
        Follow.objects.get_or_create(user=user, topic=topic)
