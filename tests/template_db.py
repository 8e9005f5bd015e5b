"""The demo-loaded test database, built once per run and copied into every pytest-xdist worker.

Migrating (268 migrations) and loading the demo site cost each worker about a minute of CPU, the same
minute on every core, and the browser tests' server migrated once more. On SQLite the first worker that
needs a database builds it as before (pytest-django's migrate, then the demo), under a file lock, and
leaves two snapshots in a folder of this run's own: the migrated database (for the app servers of
the two-server tests, tests/app_servers.py) and the demo-loaded one with its media files. Every other worker
restores the demo-loaded snapshot into its own in-memory test database (SQLite's backup API) and copies
the media into its own MEDIA_ROOT: nothing is shared while tests run. The browser tests' server starts
from a copy of the demo-loaded snapshot and its media (tests/functional/conftest.py), so the demo is not
loaded a second time. A plain `pytest` run keeps its snapshots in its own temporary folder. On
PostgreSQL (`make test-postgres`) nothing changes.

The folder is this run's (pytest-xdist's run id): nothing is kept between runs, so a clean clone and a
changed migration or demo file are always built afresh. The controller removes it when the run ends.
"""

from __future__ import annotations

import fcntl
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest

MIGRATED, DEMO, MEDIA, STATIC, READY = "migrated.sqlite3", "demo.sqlite3", "media", "static", "ready"


def run_folder(config: pytest.Config) -> Path | None:
    """The folder the workers of this xdist run share, or None in a plain run."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        return None
    return Path(tempfile.gettempdir()) / f"hub-test-template-{workerinput['testrunuid']}"


def controller_folder(config: pytest.Config) -> Path | None:
    """In the xdist controller: the folder its workers will share (it removes it when the run ends).

    The run id is chosen here, before xdist starts the workers, so that the controller knows it."""
    if getattr(config, "workerinput", None) is not None or not getattr(config.option, "numprocesses", None):
        return None
    if not getattr(config.option, "testrunuid", None):
        config.option.testrunuid = uuid.uuid4().hex
    return Path(tempfile.gettempdir()) / f"hub-test-template-{config.option.testrunuid}"


@contextmanager
def _locked(folder: Path, name: str = "lock"):
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / name).open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _save(connection, path: Path) -> None:
    """Write the connection's database to a file, whole and consistent (SQLite's backup API)."""
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    partial.replace(path)


def _restore(path: Path, connection) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def setup_test_database(folder: Path, verbosity: int, build: Callable[[], None], media_root: str) -> tuple[list, bool]:
    """Set up the default test database: built (``build`` loads the demo) or copied from the snapshot.

    Returns the configuration for Django's ``teardown_databases`` and whether this process built it.
    """
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases

    with _locked(folder):
        if not (folder / READY).exists():
            config = setup_databases(verbosity=verbosity, interactive=False, aliases={"default"})
            _save(connection, folder / MIGRATED)
            build()
            _save(connection, folder / DEMO)
            shutil.rmtree(folder / MEDIA, ignore_errors=True)
            shutil.copytree(media_root, folder / MEDIA)
            (folder / READY).touch()
            return config, True
    # As Django's create_test_db does for SQLite's in-memory test database, but restored, not migrated.
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    connection.ensure_connection()
    _restore(folder / DEMO, connection)
    shutil.copytree(folder / MEDIA, media_root, dirs_exist_ok=True)
    return [(connection, old_name, True)], False


def migrated_snapshot(folder: Path) -> Path | None:
    """The migrated (not yet demo-loaded) database of this run, when one was built."""
    path = folder / MIGRATED
    return path if (folder / READY).exists() and path.exists() else None


def demo_snapshot(folder: Path) -> tuple[Path, Path] | None:
    """The demo-loaded database of this run and its media folder, when they were built.

    Built under hub.settings.test: see tests/functional/prepare_server_db.py for what differs from `make demo`."""
    database, media = folder / DEMO, folder / MEDIA
    return (database, media) if (folder / READY).exists() and database.exists() and media.is_dir() else None


def collected_static(folder: Path, env: dict[str, str]) -> Path:
    """This run's static files as production collects them (hashed names and their manifest), collected once.

    The two-server tests (rate limits, object storage) each ran ``collectstatic``: about 19 CPU-seconds each
    on this machine, compressing every file of Wagtail's admin. The first of them collects, under a lock of
    its own (the database's is not held that long); the other serves the same folder (neither writes to
    it). They are collected with tests/static_settings.py, uncompressed (2 s instead of 7). Only the values
    the production settings require (and PATH) are taken from ``env``: static files do not depend on the caller's database, cache
    or object storage."""
    target, done = folder / STATIC, folder / f"{STATIC}.{READY}"
    with _locked(folder, "static.lock"):
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)
            keep = ("SECRET_KEY", "ALLOWED_HOSTS", "BASE_URL", "EMAIL_URL", "PATH")
            subprocess.run(  # noqa: S603 - our own manage.py
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                cwd=Path(__file__).resolve().parents[1],
                env={
                    **{name: env[name] for name in keep if name in env},
                    "DJANGO_SETTINGS_MODULE": "tests.static_settings",
                    "STATIC_ROOT": str(target),
                },
                check=True,
            )
            done.touch()
    return target
