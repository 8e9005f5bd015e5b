"""The worker logs one line per job at INFO and a summary at start-up, not two lines a job (issue 14)."""

from __future__ import annotations

import logging

import pytest
from django_tasks import task

from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}


@task()
def tidy_up() -> None:
    """A job with nothing to do."""


@task()
def break_down() -> None:
    raise RuntimeError("this job fails")


@override_settings(TASKS=DATABASE_TASKS)
def test_one_line_per_job_and_a_summary_at_start_up(caplog):
    for _ in range(5):
        tidy_up.enqueue()
    caplog.set_level(logging.DEBUG)
    call_command("run_worker", batch=True, no_clock=True, startup_delay=False, verbosity=1)
    lines = [r for r in caplog.records if r.levelno >= logging.INFO]
    summary = [r.getMessage() for r in lines if r.getMessage().startswith("Worker started")]
    assert summary == [summary[0]] and "5 tasks waiting" in summary[0] and "no clock" in summary[0]
    per_job = [r.getMessage() for r in lines if "tidy_up" in r.getMessage()]
    assert len(per_job) == 5, per_job
    assert all(
        r.levelno == logging.INFO and " done in " in r.getMessage() for r in lines if "tidy_up" in r.getMessage()
    )
    assert not [r for r in lines if "state=RUNNING" in r.getMessage() or "state=SUCCESSFUL" in r.getMessage()]


@override_settings(TASKS=DATABASE_TASKS)
def test_a_failure_is_logged_once_with_its_traceback(caplog):
    break_down.enqueue()
    caplog.set_level(logging.DEBUG)
    call_command("run_worker", batch=True, no_clock=True, startup_delay=False, verbosity=1)
    failures = [r for r in caplog.records if "break_down" in r.getMessage()]
    assert len(failures) == 1 and failures[0].levelno == logging.ERROR and failures[0].exc_info
