"""A task whose worker died is run again, not lost (hub.workers; issue 13's load test lost a verification email).

django-tasks' database worker leaves a task RUNNING for ever when its process is killed mid-task
(RealOrangeOne/django-tasks#46). These tests run the real database backend and the real worker command.
"""

from datetime import timedelta

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone

from hub.management.commands import run_worker
from hub.models import ClockLease
from hub.periodic import PERIODIC_JOBS
from hub.workers import ALIVE_SECONDS, MAX_RUNS, Heartbeat, lease_name, requeue_orphaned_tasks
from members.tasks import seal, send_account_email

pytestmark = pytest.mark.django_db
DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}


def queued_email(to: str) -> DBTaskResult:
    data = {
        "subject": "Confirm your email",
        "body": "Open the link",
        "from_email": "hello@example.org",
        "to": [to],
        "headers": {"Message-ID": "<fixed@example.org>"},
        "alternatives": [],
    }
    return DBTaskResult.objects.get(pk=send_account_email.enqueue(seal(data), 2).id)


def taken_by(task_result: DBTaskResult, worker_id: str, seconds_ago: float) -> None:
    task_result.claim(worker_id)
    DBTaskResult.objects.filter(pk=task_result.pk).update(started_at=timezone.now() - timedelta(seconds=seconds_ago))


def run_queue() -> None:
    call_command("run_worker", batch=True, no_clock=True, startup_delay=False, verbosity=0)


@override_settings(TASKS=DATABASE_TASKS)
def test_the_email_a_dead_worker_was_sending_goes_once_another_worker_runs_the_clock():
    assert "hub.workers.requeue_orphaned_tasks" in PERIODIC_JOBS
    task_result = queued_email("cut-off@example.org")
    taken_by(task_result, "killed-worker", seconds_ago=ALIVE_SECONDS + 5)  # its heartbeat stopped with it
    run_queue()
    assert not mail.outbox, "a RUNNING task is nobody's until the clock says its worker is gone"

    assert requeue_orphaned_tasks() == 1
    run_queue()
    (message,) = mail.outbox
    assert message.to == ["cut-off@example.org"] and message.extra_headers["Message-ID"] == "<fixed@example.org>"
    assert DBTaskResult.objects.get(pk=task_result.pk).status == TaskResultStatus.SUCCESSFUL
    assert requeue_orphaned_tasks() == 0


@override_settings(TASKS=DATABASE_TASKS)
def test_a_live_workers_long_task_and_a_task_just_taken_are_left_alone():
    long_running = queued_email("long@example.org")
    taken_by(long_running, "live-worker", seconds_ago=ALIVE_SECONDS * 10)
    Heartbeat("live-worker").beat()  # its own thread renews the lease while the task runs
    just_taken = queued_email("just@example.org")
    taken_by(just_taken, "new-worker", seconds_ago=1)  # no heartbeat recorded yet

    assert requeue_orphaned_tasks() == 0
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.RUNNING}

    ClockLease.objects.filter(name=lease_name("live-worker")).update(held_until=timezone.now() - timedelta(seconds=1))
    assert requeue_orphaned_tasks() == 1, "once its lease runs out, the live worker's task is orphaned too"
    assert DBTaskResult.objects.get(pk=long_running.pk).status == TaskResultStatus.READY


@override_settings(TASKS=DATABASE_TASKS)
def test_a_worker_that_lost_its_database_mid_task_runs_the_task_again(monkeypatch):
    task_result = queued_email("restart@example.org")
    runs = []

    def worker_loop(self, *args, **options):
        runs.append(options["worker_id"])
        if len(runs) == 1:
            task_result.claim(options["worker_id"])  # taken, then the database went away mid-task
            raise OperationalError("server closed the connection unexpectedly")
        return None

    monkeypatch.setattr(DBWorkerCommand, "handle", worker_loop)
    monkeypatch.setattr(run_worker.time, "sleep", lambda seconds: None)
    call_command("run_worker", no_clock=True, startup_delay=False, verbosity=0, worker_id="restarting-worker")
    assert runs == ["restarting-worker", "restarting-worker"]
    assert DBTaskResult.objects.get(pk=task_result.pk).status == TaskResultStatus.READY


def test_a_stopped_worker_gives_its_lease_back():
    heartbeat = Heartbeat("stopping-worker")
    heartbeat.beat()
    assert ClockLease.objects.filter(name=lease_name("stopping-worker")).exists()
    heartbeat.stop()
    assert not ClockLease.objects.filter(name=lease_name("stopping-worker")).exists()


@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_whose_worker_keeps_dying_is_failed_not_run_for_ever():
    task_result = queued_email("crasher@example.org")
    for attempt in range(1, MAX_RUNS + 1):
        taken_by(task_result, f"worker-{attempt}", seconds_ago=ALIVE_SECONDS + 5)
        task_result.refresh_from_db()
        requeued = requeue_orphaned_tasks()
        task_result.refresh_from_db()
        if attempt < MAX_RUNS:
            assert requeued == 1 and task_result.status == TaskResultStatus.READY
    assert task_result.status == TaskResultStatus.FAILED
    assert "stopped while running it, 3 times" in task_result.traceback
    run_queue()
    assert not mail.outbox, "not run again"


def test_long_worker_ids_fit_the_lease_name():
    assert len(lease_name("x" * 64)) <= 50 and lease_name("x" * 64) != lease_name("x" * 63 + "y")
