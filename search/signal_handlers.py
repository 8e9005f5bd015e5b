"""Keep search entries in step with publishing, moves, deletions and view restrictions.

Entries are rebuilt in the request (a database write); sending them to a search cluster is a
background task (search.tasks), so a slow or absent cluster never fails an editor's save.
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.documents import get_document_model_string
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .engines.base import forget_topics
from .entries import update_entries_for_page
from .indexing import defer_pages
from .models import SearchEntry, SearchSynonym
from .synonyms import forget_names
from .tasks import forget_in_cluster, schedule_cluster_sync


def _refresh(pages) -> None:
    if defer_pages(pages):  # a bulk load: written once per page when it ends
        return
    for page in pages:
        update_entries_for_page(page)
    transaction.on_commit(schedule_cluster_sync)


@receiver(page_published)
@receiver(page_unpublished)
def on_publish_change(sender, instance, **kwargs):
    _refresh([instance])


@receiver(post_save, sender="topics.Topic")
@receiver(post_delete, sender="topics.Topic")
def on_topic_change(sender, **kwargs):
    """The topic bonus reads topics' names from the cache: a new, renamed or deleted topic counts at once."""
    forget_topics()


@receiver(post_page_move)
def on_move(sender, instance, **kwargs):
    _refresh(Page.objects.descendant_of(instance, inclusive=True).specific())


@receiver(post_save, sender=SearchSynonym)
@receiver(post_delete, sender=SearchSynonym)
def on_synonyms_changed(sender, instance, **kwargs):
    forget_names()  # every process within synonyms.LOCAL_SECONDS, this one at once


@receiver(post_delete, sender=SearchEntry)
def on_entry_deleted(sender, instance, **kwargs):
    transaction.on_commit(lambda: forget_in_cluster(instance.pk))


def _restriction_changed(restriction: PageViewRestriction) -> None:
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is not None:
        _refresh(Page.objects.descendant_of(page, inclusive=True).live().specific())


@receiver(post_save, sender=PageViewRestriction)
def on_restriction_saved(sender, instance, **kwargs):
    _restriction_changed(instance)


@receiver(post_delete, sender=PageViewRestriction)
def on_restriction_deleted(sender, instance, **kwargs):
    _restriction_changed(instance)


@receiver(post_save, sender="core.Person")
def on_person_saved(sender, instance, **kwargs):
    """A renamed author: the papers and posts that name them are found by the new name."""
    authored = Page.objects.filter(
        Q(pk__in=instance.paper_authorships.values("page_id")) | Q(pk__in=instance.blog_authorships.values("page_id"))
    )
    _refresh(authored.live().specific())


def _papers_with_reports_in(collections) -> None:
    _refresh(Page.objects.live().filter(paperpage__report__collection__in=collections).specific())


@receiver(post_save, sender=get_document_model_string())
def on_document_saved(sender, instance, **kwargs):
    """A report replaced or moved to another collection: the papers it belongs to are indexed again."""
    _refresh(Page.objects.live().filter(paperpage__report=instance).specific())


@receiver(pre_delete, sender=get_document_model_string())
def on_document_deleted(sender, instance, **kwargs):
    """A deleted report: its papers lose its text (the reference is cleared without a signal of its own)."""
    papers = list(Page.objects.live().filter(paperpage__report=instance).values_list("pk", flat=True))
    if papers:
        transaction.on_commit(lambda: _refresh(Page.objects.filter(pk__in=papers).specific()))


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def on_collection_restriction_changed(sender, instance, **kwargs):
    """A collection restricted (or opened): reports in it, or below it, leave (or join) search at once."""
    _papers_with_reports_in(instance.collection.get_descendants(inclusive=True))


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def on_restriction_groups_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, PageViewRestriction):
        _restriction_changed(instance)
