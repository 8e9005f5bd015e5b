"""Search is complete the moment the site first answers, and index work never fails for what was deleted."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

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
from members.models import LocalAuthority
from search.indexing import index_object, wagtail_handler
from tests import template_db

ROOT = Path(__file__).resolve().parents[2]
DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
FIRST_SEARCH = """
import json
from collections import Counter
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from search.engines import SearchRequest, get_engine
from search.models import SearchEntry
response = get_engine().search(SearchRequest("social capital", frozenset({"public"}), limit=50))
searchable = [p.pk for p in Page.objects.live().specific() if p.depth > 1 and p.search_document() is not None]
print(json.dumps({
    "urls": [hit.entry.url_path for hit in response.hits],
    "pages_with_entries": SearchEntry.objects.filter(page__in=searchable).values("page").distinct().count(),
    "searchable_pages": len(searchable),
    "queued": sorted({t.task_path for t in DBTaskResult.objects.all()}),
    "admin_search": len(get_search_backend().search("capital", Page)),
}))
"""


def manage(*args: str, database: str, media: Path) -> str:
    # Its own media folder, not the checkout's media/: another worker or a `make run` may be writing there.
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "MEDIA_ROOT": str(media),
        "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_the_first_search_after_loading_the_demo_into_an_empty_database_finds_everything(
    tmp_path, django_db_setup, test_template_folder
):
    """As `make run` does (migrate, load the demo, serve), with no worker: nothing is left to index.

    The empty database is a copy of this run's migrated test database when there is one (tests/template_db.py),
    without its reference data: `migrate` then writes that again and runs its other post-migrate steps, and
    has no migration left to run (5 CPU-seconds, not 33)."""
    database = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    media = tmp_path / "media"
    migrated = template_db.migrated_snapshot(test_template_folder)
    if migrated is not None:
        shutil.copyfile(migrated, tmp_path / "fresh.sqlite3")
        # The reference data its migrate wrote under the test settings (tasks run at once) is written again
        # by this migrate, as on a new site: the index work it does must leave no task queued either.
        with closing(sqlite3.connect(tmp_path / "fresh.sqlite3")) as copy, copy:
            copy.execute(f"DELETE FROM {LocalAuthority._meta.db_table}")  # noqa: S608 - a table name
    manage("migrate", "--noinput", "-v0", database=database, media=media)
    manage("load_demo_content", database=database, media=media)
    found = json.loads(manage("shell", "-c", FIRST_SEARCH, database=database, media=media).strip().splitlines()[-1])
    assert found["pages_with_entries"] == found["searchable_pages"] > 40
    assert "/papers/social-capital-2025/the-ties-that-bind/" in found["urls"]
    assert "/definitions/social-capital/" in found["urls"][:3]
    assert found["admin_search"] > 0  # Wagtail's own index (the admin's search) is complete too
    assert not [path for path in found["queued"] if "index" in path]  # no index task left for a worker


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
