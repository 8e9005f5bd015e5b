"""Wagtail's reference index, brought up to date in the transaction that saves or deletes.

The hub decides who may download a document from this index (``content.core.privacy``), and the page cache's
purges and a definition's "where this term is used" read it too, so it must never lag behind the pages.
Wagtail keeps it with a background task queued after each save, which waits for the worker. The hub keeps it
with Wagtail's public API instead, in the process that saves (``connect_signals``, from content.core's
``AppConfig.ready``):

- after a save, the object is indexed again **from the database**, as Wagtail's task does: never from the
  object in memory, which holds a draft's content when ``save_revision`` saves a few bookkeeping columns.
  An inline child (a case study's attachment, a paper's author) is recorded under its page, so the page is
  indexed again;
- after a delete, the object's references are removed, as Wagtail does, and an inline child's page is indexed
  again: a page's inline children are saved and deleted *after* the page's own save, so the page's index ends
  with the last of them, a removed attachment included, before the transaction commits;
- inside a bulk load (``content.core.indexing.deferred()``: the demo site, reference data), the objects to
  index again are noted instead, and each is indexed once from the database as the load ends, in the load's
  transaction, before it commits (a page the demo saved three times, with its authors and attachments, was
  indexed up to ten times);
- before the first save or delete of each model Wagtail tracks (``ReferenceIndex.tracked_models``: pages,
  their inline children, documents, images, snippets, whenever they are registered), Wagtail's own handlers
  for that model are disconnected with Wagtail's function for it (the one it uses around migrations) and these
  are connected. ``migrate`` connects Wagtail's again afterwards; the next save swaps them once more. Nothing
  of Wagtail's is replaced or patched.

If an upgrade renamed that function, start-up fails; if it connected another handler, Wagtail's task would be
queued again beside this (the index still follows each save) and ``tests/hub/test_background_work.py`` fails.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete, pre_migrate, pre_save

from modelcluster.fields import ParentalKey
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import (
    disconnect_reference_index_signal_handlers_for_model,
    reference_index_auto_update_disabled,
)

from .indexing import defer, on_flush

UID = "hub-reference-index"
REFERENCES = "references"


class _State:
    """Models whose handlers are the hub's now, and whether migrations are running (nothing is indexed then)."""

    taken_over: set[type[Model]] = set()
    migrating = False


def connect_signals() -> None:
    """Called from content.core's AppConfig.ready()."""
    pre_save.connect(take_over, dispatch_uid=UID)
    pre_delete.connect(take_over, dispatch_uid=UID)
    pre_migrate.connect(forget_handlers, dispatch_uid=f"{UID}-pre-migrate")
    post_migrate.connect(forget_handlers, dispatch_uid=f"{UID}-post-migrate")
    # Before the other flushers: their index work may read which pages use an object.
    on_flush(REFERENCES, _flush, first=True)


def take_over(sender: type[Model], **kwargs) -> None:
    """Before a tracked model's first save or delete: its references are indexed here, not queued."""
    if sender in _State.taken_over or _State.migrating or sender not in ReferenceIndex.tracked_models:
        return
    disconnect_reference_index_signal_handlers_for_model(sender)
    post_save.connect(index_after_save, sender=sender, dispatch_uid=UID)
    post_delete.connect(index_after_delete, sender=sender, dispatch_uid=UID)
    _State.taken_over.add(sender)


def forget_handlers(signal, **kwargs) -> None:
    """Around ``migrate`` (and a test database's flush), Wagtail disconnects and connects its handlers again:
    the next save of each model takes over once more. While migrations run, nothing is indexed (the index's
    table may not exist yet), as Wagtail does."""
    _State.migrating = signal is pre_migrate
    _State.taken_over.clear()


def index_after_save(sender: type[Model], instance: Model, raw: bool = False, **kwargs) -> None:
    # A fixture being loaded may refer to objects not loaded yet (as Wagtail's handler), and Wagtail's own
    # switch for bulk work (disable_reference_index_auto_update) is honoured as its handlers honour it.
    if raw or _State.migrating or _switched_off():
        return
    owner = owner_of(instance)
    if owner is not None and not defer(REFERENCES, owner):
        index_from_database(owner)


def _switched_off() -> bool:
    return getattr(reference_index_auto_update_disabled, "value", False)


def index_after_delete(sender: type[Model], instance: Model, **kwargs) -> None:
    if _State.migrating or _switched_off():
        return
    with transaction.atomic():
        ReferenceIndex.remove_for_object(instance)
        ReferenceIndex.remove_references_to(instance)
    owner = owner_of(instance)
    if owner is not None and owner != (type(instance), instance.pk) and not defer(REFERENCES, owner):
        index_from_database(owner)


def _flush(owners: set[tuple[type[Model], object]]) -> None:
    for owner in owners:
        index_from_database(owner)


def owner_of(instance: Model) -> tuple[type[Model], object] | None:
    """The model and key the references of ``instance`` are recorded under: an inline child's are its page's
    (following ParentalKeys as Wagtail's task does); None for a child without a parent."""
    model, pk = type(instance), instance.pk
    while (key := parental_key(model)) is not None:
        model, pk = key.related_model, getattr(instance, key.attname)
        if pk is None:
            return None
        if parental_key(model) is not None:  # a child of a child: read its parent to go on
            instance = model._default_manager.filter(pk=pk).first()
            if instance is None:
                return None
    return model, pk


def parental_key(model: type[Model]) -> ParentalKey | None:
    return next((field for field in model._meta.get_fields() if isinstance(field, ParentalKey)), None)


def index_from_database(owner: tuple[type[Model], object] | None) -> None:
    """Index the object as it stands in the database now (nothing, if it is gone or not indexed)."""
    if owner is None or not ReferenceIndex.is_indexed(owner[0]):
        return
    model, pk = owner
    instance = model._default_manager.filter(pk=pk).first()
    if instance is not None:
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(instance)
