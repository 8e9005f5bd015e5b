"""Search is complete the moment the site first answers: `make run` on an empty database, with no worker.

A module of its own with no test database: it runs first, on the worker that has nothing else to do while
another builds the run's test database (tests/conftest.py orders the groups), and starts from an empty file
as a new site does, migrations and all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_SEARCH = """
import json
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


def test_the_first_search_after_loading_the_demo_into_an_empty_database_finds_everything(tmp_path):
    """As `make run` does (migrate, load the demo, serve), with no worker: nothing is left to index. The
    reference data the migrations write queues no index work either."""
    database = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    media = tmp_path / "media"
    manage("migrate", "--noinput", "-v0", database=database, media=media)
    manage("load_demo_content", database=database, media=media)
    found = json.loads(manage("shell", "-c", FIRST_SEARCH, database=database, media=media).strip().splitlines()[-1])
    assert found["pages_with_entries"] == found["searchable_pages"] > 40
    assert "/papers/social-capital-2025/the-ties-that-bind/" in found["urls"]
    assert "/definitions/social-capital/" in found["urls"][:3]
    assert found["admin_search"] > 0  # Wagtail's own index (the admin's search) is complete too
    assert not [path for path in found["queued"] if "index" in path]  # no index task left for a worker
