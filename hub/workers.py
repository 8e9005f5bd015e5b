"""Which workers are alive, and the tasks a dead one was running: queued again, not lost.

django-tasks' database worker marks a task RUNNING when it takes it and SUCCESSFUL or FAILED when it ends. A
worker killed in between (a deploy, the OOM killer, ``kill -9``) leaves the task RUNNING for ever, and no
worker takes it again: upstream's open issue RealOrangeOne/django-tasks#46. Issue 13's load test lost a
sign-up's verification email that way. Until django-tasks has its own answer, each worker renews a lease
(``hub.models.ClockLease``, one row per worker) every ``HEARTBEAT_SECONDS``; the clock's periodic job
``requeue_orphaned_tasks`` puts back in the queue every RUNNING task whose worker has not renewed its lease
for ``ALIVE_SECONDS``, and a worker that lost its database mid-task puts back its own on reconnecting.

So a task may run again after it had done its work but before that was recorded (at-least-once), and one
whose worker died ``MAX_RUNS`` times is failed instead. Alert sends hold a claim token and are never sent by
two runs; search, cache and announcement work is idempotent; an email task run again may send its email
again (account and alert emails keep their Message-ID, so services that de-duplicate show one; status and
question emails get a new one: left for now).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from datetime import timedelta

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.db import close_old_connections
from django.utils import timezone

from .models import ClockLease

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 10
ALIVE_SECONDS = 60  # six missed heartbeats: a worker busy on one long task still renews (its own thread)
MAX_RUNS = 3  # a task whose worker died this many times (out of memory, a crash it causes) is not run again


def lease_name(worker_id: str) -> str:
    """The lease row a worker renews while it lives (ClockLease.name holds 50 characters)."""
    if len(worker_id) > 40:
        worker_id = hashlib.sha256(worker_id.encode()).hexdigest()[:40]
    return f"worker {worker_id}"


class Heartbeat(threading.Thread):
    """Renews this worker's lease until stopped; a database away for a while only delays the next beat."""

    def __init__(self, worker_id: str, seconds: float = HEARTBEAT_SECONDS):
        super().__init__(name="hub-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.seconds = seconds
        self.stopped = threading.Event()

    def beat(self) -> None:
        ClockLease.take(self.worker_id, seconds=ALIVE_SECONDS, name=lease_name(self.worker_id))

    def run(self) -> None:
        while not self.stopped.is_set():
            close_old_connections()
            try:
                self.beat()
            except Exception:  # noqa: BLE001 - the database may be restarting; the next beat tries again
                logger.debug("Heartbeat not recorded", exc_info=True)
            finally:
                close_old_connections()
            self.stopped.wait(self.seconds)

    def stop(self) -> None:
        self.stopped.set()
        if self.is_alive():
            self.join(timeout=5)  # a beat under way would otherwise write the lease again after the release
        try:
            ClockLease.release(self.worker_id, name=lease_name(self.worker_id))
        except Exception:  # noqa: BLE001 - stopping anyway; the lease runs out by itself
            logger.debug("Heartbeat lease not released", exc_info=True)


def requeue(task_result: DBTaskResult, why: str) -> bool:
    """Put one RUNNING task back in the queue, unless it finished (or was requeued) meanwhile; after
    MAX_RUNS workers died running it, mark it failed instead (shown in the admin's task list)."""
    still_running = DBTaskResult.objects.filter(
        pk=task_result.pk, status=TaskResultStatus.RUNNING, started_at=task_result.started_at
    )
    runs = len(task_result.worker_ids)
    if runs >= MAX_RUNS:
        if still_running.update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            exception_class_path=f"{__name__}.WorkerLost",
            traceback=f"Its worker stopped while running it, {runs} times ({why}): not run again.",
        ):
            logger.error(
                "Task %s (%s) failed: its worker stopped %s times", task_result.pk, task_result.task_path, runs
            )
        return False
    again = still_running.update(status=TaskResultStatus.READY)
    if again:
        logger.warning("Task %s (%s) queued again: %s", task_result.pk, task_result.task_path, why)
    return bool(again)


def requeue_orphaned_tasks() -> int:
    """Periodic job: RUNNING tasks whose worker stopped renewing its lease go back in the queue."""
    now = timezone.now()
    running = list(
        DBTaskResult.objects.running()
        .filter(started_at__lt=now - timedelta(seconds=ALIVE_SECONDS))
        .only("pk", "task_path", "started_at", "worker_ids")
    )
    if not running:
        return 0
    names = {
        task_result.pk: lease_name(task_result.worker_ids[-1]) for task_result in running if task_result.worker_ids
    }
    alive = set(ClockLease.objects.filter(name__in=names.values(), held_until__gte=now).values_list("name", flat=True))
    count = 0
    for task_result in running:
        if names.get(task_result.pk) not in alive:
            count += requeue(task_result, "its worker stopped while running it")
    return count


def requeue_own(worker_id: str) -> int:
    """A worker between tasks runs none: any RUNNING under its id was cut off (its database went away)."""
    count = 0
    for task_result in DBTaskResult.objects.running().only("pk", "task_path", "started_at", "worker_ids"):
        if task_result.worker_ids and task_result.worker_ids[-1] == worker_id:
            count += requeue(task_result, "the database went away while it ran")
    return count
