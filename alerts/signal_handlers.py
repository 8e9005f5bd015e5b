from django.db import transaction
from django.dispatch import receiver

from wagtail.signals import page_published

from .tasks import announce_page


@receiver(page_published)
def announce_after_publish(sender, instance, **kwargs):
    """Queue the announcement once the publish is committed; the task decides whether it is news."""
    if getattr(instance.specific_class, "announced_on_publish", False):  # the page type says (BasePage)
        page_id = instance.pk
        transaction.on_commit(lambda: announce_page.enqueue(page_id))
