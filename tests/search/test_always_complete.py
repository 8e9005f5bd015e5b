"""Index work never fails for what was deleted, and bulk loads index once (the first search after loading the
demo: tests/search/test_first_search.py)."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task as wagtail_task

from django.core.files.base import ContentFile
from django.db import connection
from django.db.models.signals import post_save
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from content.blog.models import BlogPage
from content.core.indexing import deferred
from search.indexing import index_object, wagtail_handler

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}


@pytest.mark.django_db
def test_wagtails_own_index_task_is_replaced_on_every_indexed_model():
    """An upgrade that renames Wagtail's handler would bring back its task, which fails for deleted objects."""
    assert post_save.disconnect(wagtail_handler(), sender=BlogPage) is False


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
def test_an_index_task_for_an_object_deleted_in_the_meantime_finishes_quietly():
    document = get_document_model().objects.create(
        title="Short-lived", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="short-lived.pdf")
    )
    pk = str(document.pk)
    queued = DBTaskResult.objects.get(task_path="search.indexing.index_object", args_kwargs__args__2=pk)
    document.delete()
    args = queued.args_kwargs["args"]
    with pytest.raises(get_document_model().DoesNotExist):
        wagtail_task.call(*args)  # Wagtail's own task, which the hub no longer queues
    assert index_object.call(*args) is False  # the hub's: nothing to index, and no error


@pytest.mark.django_db
def test_a_bulk_load_writes_wagtails_index_once_per_model_and_skips_what_it_deleted():
    """As the demo load ends: every object saved is in Wagtail's own index (the admin's search), one deleted
    in the meantime is skipped without an error, and the writes do not grow with the number of objects
    (one at a time, the SQLite backend rewrote every entry's title norm after each: 30 of the query budget
    test's 137 profiled seconds)."""
    documents = get_document_model()
    writes = {}
    for count in (2, 6):
        recorded: list[str] = []

        def record(execute, sql, params, many, context, recorded=recorded):
            if "indexentry" in sql.lower() and sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
                recorded.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record), deferred():
            saved = [
                documents.objects.create(
                    title=f"Quillwort survey {count} {n}",
                    file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"quillwort-{n}.pdf"),
                )
                for n in range(count)
            ]
            saved[0].delete()
            recorded.clear()  # what the saves wrote; the flush comes as the block ends
        writes[count] = len(recorded)
        found = {document.pk for document in get_search_backend().search("Quillwort", documents)}
        assert {document.pk for document in saved[1:]} <= found
        assert saved[0].pk not in found
    assert writes[2] == writes[6] > 0


@pytest.mark.django_db
def test_a_page_saved_as_a_plain_page_in_a_bulk_load_is_indexed_as_what_it_is():
    """A loader that saves a page through Wagtail's Page model (moving it, say) notes it as a Page: Wagtail's
    index gets the specific page, as modelsearch's insert_or_update_object would give it."""
    post = BlogPage.objects.live().first()
    BlogPage.objects.filter(pk=post.pk).update(title="Quillwort gazette")
    with deferred():
        Page.objects.get(pk=post.pk).save()
    assert post.pk in {page.pk for page in get_search_backend().search("Quillwort gazette", BlogPage)}


@pytest.mark.django_db
def test_the_database_keeps_its_full_text_index_itself():
    """Triggers (SQLite) or generated columns (PostgreSQL) that a later migration rebuilding the table
    would silently drop: without them nothing new is ever found."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index', 'table')")
            names = {row[0] for row in cursor.fetchall()}
            expected = {
                "hub_search_entry_fts",
                "hub_search_entry_names_fts",
                "hub_search_entry_facets",
                "hub_search_entry_groups",
            }
            for table in ("hub_search_entry_fts", "hub_search_entry_names_fts"):
                expected |= {f"{table}_{event}" for event in ("insert", "update", "delete")}
            assert expected <= names
            assert "hub_search_entry_head_fts" not in names  # migration 0011 replaced it with the names
        else:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'hub_search_searchentry'"
            )
            assert {"search_vector", "name_vector"} <= {row[0] for row in cursor.fetchall()}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's storage of the entry table")
def test_names_stay_in_the_entry_row(db):
    """A common word's tiers read thousands of name vectors: stored in the row ("m", main), not moved to the
    TOAST table with the long texts by the table's 256-byte tuple target (migration 0010)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'hub_search_searchentry'::regclass "
            "AND attname IN ('name_vector', 'title', 'keywords')"
        )
        assert dict(cursor.fetchall()) == {"name_vector": "m", "title": "m", "keywords": "m"}


def test_the_database_engines_rebuild_tidies_the_index_and_search_still_answers(db):
    """``search_index rebuild`` on the database engine: SQLite's FTS optimise, or on PostgreSQL the GIN
    indexes' pending entries merged and statistics renewed, as autovacuum would; the vocabulary recounted."""
    from search.access import PUBLIC
    from search.engines import SearchRequest
    from search.engines.database import DatabaseEngine

    engine = DatabaseEngine()
    assert engine.rebuild()["words"] > 1000
    hits = engine.search(SearchRequest("social capital", frozenset({PUBLIC}))).hits
    assert "Social capital" in [hit.entry.title for hit in hits[:3]]
