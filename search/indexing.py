"""When the indexes are written: the site's search entries and Wagtail's own index (the admin's search).

- **Search entries** are rewritten in the request that publishes, moves or restricts a page; the database
  engine's index follows in the same transaction (triggers, a generated column).
- **Wagtail's index** of pages, images and documents is updated by a background task per save, as
  Wagtail does, but by ``index_object``, which finishes quietly when the object was deleted
  in the meantime (Wagtail's own task fails with ``DoesNotExist``). ``SearchConfig.ready`` puts this
  handler in place of Wagtail's for every indexed model; a test checks Wagtail's is no longer connected.
- **Bulk loads** (the demo content, reference data after ``migrate``) run inside ``content.core.indexing.deferred()``:
  nothing is queued while they save, and on leaving, each page's entries and each object's Wagtail index
  row are written once, in this process, so the site is completely searchable the moment the load returns.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable

from django_tasks import task
from modelsearch import index as wagtail_index
from modelsearch import signal_handlers as wagtail_signal_handlers
from modelsearch.backends import get_search_backends_with_name

from django.apps import apps
from django.db.models.signals import post_save

from wagtail.models import Page

from content.core.indexing import defer, on_flush

from .documents import reading_inline
from .entries import update_entries_for_page
from .tasks import schedule_cluster_sync

PAGES, WAGTAIL_INDEX = "search-pages", "wagtail-index"
BULK_CHUNK = 1000  # objects per write, as Wagtail's rebuild command (PostgreSQL caps a statement's parameters)
logger = logging.getLogger(__name__)


def defer_pages(pages: Iterable[Page]) -> bool:
    """Within ``content.core.indexing.deferred()``: note the pages for later and say so; otherwise False."""
    if not defer(PAGES, None):
        return False
    for page in pages:
        defer(PAGES, page.pk)
    return True


def _flush_pages(ids: set) -> None:
    with reading_inline():  # a bulk load: searchable, reports included, when it returns
        refresh_pages(Page.objects.filter(pk__in=ids - {None}).specific())


def _flush_wagtail_index(keys: set) -> None:
    """Each model's noted objects in one write per backend (its ``add_bulk``, as Wagtail's
    ``rebuild_modelsearch_index`` writes): one at a time, the SQLite backend scanned every entry to renew the
    title norms after each object."""
    pks_by_model: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for app_label, model_name, pk in keys:
        pks_by_model[app_label, model_name].add(pk)
    for (app_label, model_name), pks in sorted(pks_by_model.items()):
        index_bulk(apps.get_model(app_label, model_name), pks)


def index_bulk(model, pks: Iterable[str]) -> None:
    """What ``index_now`` (modelsearch's ``insert_or_update_object``) does for each of ``pks``, in one write per
    backend and chunk: each object as its indexed instance (a page's specific one), if it still exists and is
    among that model's indexed objects; a backend that may fail quietly (a cluster) logs its error."""
    instances = model._default_manager.filter(pk__in=list(pks))
    if issubclass(model, Page):
        instances = instances.specific()  # a page saved as a plain Page is indexed as what it is
    by_type: defaultdict[type, list] = defaultdict(list)
    for instance in instances:
        indexed = instance.get_indexed_instance()
        if indexed is not None:
            by_type[type(indexed)].append(indexed)
    backends = list(get_search_backends_with_name(with_auto_update=True))
    for indexed_model, objects in by_type.items():
        kept = set(
            indexed_model.get_indexed_objects().filter(pk__in=[o.pk for o in objects]).values_list("pk", flat=True)
        )
        objects = [o for o in objects if o.pk in kept]
        for start in range(0, len(objects), BULK_CHUNK):
            for name, backend in backends:
                try:
                    backend.add_bulk(indexed_model, objects[start : start + BULK_CHUNK])
                except Exception:
                    logger.exception("Could not add %s objects to the %r search backend", indexed_model, name)
                    if not backend.catch_indexing_errors:
                        raise


def refresh_pages(pages: Iterable[Page]) -> None:
    for page in pages:
        update_entries_for_page(page)
    schedule_cluster_sync()


@task()
def index_object(app_label: str, model_name: str, pk: str) -> bool:
    """The queued form of ``index_now``."""
    return index_now(app_label, model_name, pk)


def index_now(app_label: str, model_name: str, pk: str) -> bool:
    """Write one object's row of Wagtail's index; False (and nothing done) when it no longer exists."""
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        return False
    wagtail_index.insert_or_update_object(instance)
    return True


def on_indexed_save(sender, instance, raw: bool = False, **kwargs) -> None:
    """Wagtail's index after a save: queued (or noted, within ``deferred()``)."""
    if raw:
        return
    key = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
    if not defer(WAGTAIL_INDEX, key):
        index_object.enqueue(*key)


def wagtail_handler() -> Callable:
    return wagtail_signal_handlers.post_save_signal_handler


def take_over_wagtail_index_updates() -> None:
    """Replace Wagtail's post-save index handler with ``on_indexed_save`` on every indexed model."""
    on_flush(PAGES, _flush_pages)
    on_flush(WAGTAIL_INDEX, _flush_wagtail_index)
    for model in wagtail_index.get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_save.disconnect(wagtail_handler(), sender=model)
            post_save.connect(on_indexed_save, sender=model, dispatch_uid=f"hub-index-{model._meta.label}")
