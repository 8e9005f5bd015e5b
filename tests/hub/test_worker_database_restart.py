"""The worker outlives a database restart (issue 13's load test: PostgreSQL restarted, both workers exited and
no email went out until someone started them again)."""

import pytest
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings

from hub.management.commands import run_worker

pytestmark = pytest.mark.django_db
DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}


@override_settings(TASKS=DATABASE_TASKS)
def test_the_worker_waits_for_the_database_and_carries_on(monkeypatch):
    runs = []

    def worker_loop(self, *args, **options):
        runs.append(1)
        if len(runs) == 1:
            raise OperationalError("connection failed: FATAL:  the database system is shutting down")
        return None  # stopped normally (SIGTERM) the second time

    monkeypatch.setattr(DBWorkerCommand, "handle", worker_loop)
    monkeypatch.setattr(run_worker.time, "sleep", lambda seconds: None)
    call_command("run_worker", no_clock=True, startup_delay=False, verbosity=0)
    assert len(runs) == 2, "started again after the database error"


@override_settings(TASKS=DATABASE_TASKS)
def test_a_batch_run_still_reports_the_error(monkeypatch):
    def worker_loop(self, *args, **options):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(DBWorkerCommand, "handle", worker_loop)
    with pytest.raises(OperationalError):
        call_command("run_worker", batch=True, no_clock=True, startup_delay=False, verbosity=0)
