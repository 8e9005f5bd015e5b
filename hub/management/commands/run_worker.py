"""The one background process: django-tasks' database worker plus the site's clock.

It runs the task queue (emails, release alerts, search cluster pushes) and, every
WORKER_SCHEDULE_INTERVAL seconds, the periodic jobs: Wagtail's scheduled publishing (pages whose
go-live time has passed) and the jobs listed in hub.periodic (digests, retries). Several workers
may run at once (one per app server): tasks are claimed with a lock, and only the worker holding
the clock lease (hub.models.ClockLease) runs the periodic jobs, so scheduled pages are published
once; if it dies, another takes the clock over when the lease expires. Each worker also renews a lease of
its own while it lives, so the tasks of one that died are queued again (hub.workers).
"""

from __future__ import annotations

import logging
import os
import threading
import time

from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.management.commands.db_worker import TASKS_LOGGER
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django.utils.timesince import timesince

from hub.models import ClockLease, new_holder_id
from hub.periodic import run_periodic_jobs
from hub.workers import Heartbeat, requeue_own

logger = logging.getLogger(__name__)
OUTCOMES = {TaskResultStatus.SUCCESSFUL: "done"}
RETRY_SECONDS = 5  # between tries to reach a database that went away


def log_outcome(sender, task_result, **kwargs) -> None:
    """One line per finished job, at INFO; a failure is django-tasks' own ERROR line, with its traceback."""
    if task_result.status == TaskResultStatus.FAILED:
        return
    took = ""
    if task_result.started_at and task_result.finished_at:
        took = f" in {(task_result.finished_at - task_result.started_at).total_seconds():.2f} s"
    outcome = OUTCOMES.get(task_result.status, str(task_result.status).lower())
    logger.info("%s %s%s (task %s)", task_result.task.module_path, outcome, took, task_result.id)


def log_start_up(backend_name: str, queue_names: list[str], clock: str) -> None:
    """What the worker found on starting, in one line: the queue waiting for it, and the clock."""
    waiting = DBTaskResult.objects.ready().filter(backend_name=backend_name)
    if "*" not in queue_names:
        waiting = waiting.filter(queue_name__in=queue_names)
    count = waiting.count()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    backlog = f"{count} task{'s' if count != 1 else ''} waiting"
    if oldest is not None:
        backlog += f" (the oldest queued {timesince(oldest, timezone.now())} ago)"
    logger.info("Worker started on queue %s: %s; %s", ",".join(queue_names), backlog, clock)


class Clock(threading.Thread):
    def __init__(self, interval: float):
        super().__init__(name="hub-clock", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()
        self.holder = new_holder_id()

    def take_lease(self) -> bool:
        return ClockLease.take(self.holder, seconds=max(2 * self.interval, 600))

    def run(self) -> None:
        while not self.stopped.is_set():
            close_old_connections()
            try:
                # Renewed before every job while this worker lives; free soon after it stops.
                if self.take_lease():
                    run_periodic_jobs(still_mine=self.take_lease)
            except Exception:  # noqa: BLE001 - the clock must outlive one bad tick
                logger.exception("Periodic jobs failed; trying again at the next tick")
            finally:
                close_old_connections()
            self.stopped.wait(self.interval)


class Command(DBWorkerCommand):
    help = "Run the background worker: the task queue, scheduled publishing and periodic jobs"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--schedule-interval",
            type=float,
            default=None,
            help="Seconds between scheduled-publishing runs (default WORKER_SCHEDULE_INTERVAL)",
        )
        parser.add_argument(
            "--no-clock", action="store_true", help="Only run queued tasks (another worker keeps the clock)"
        )

    def configure_logging(self, verbosity: int) -> None:
        """One INFO line per job (``log_outcome``), not django-tasks' two (RUNNING, then SUCCESSFUL).

        Started on a backlog, the worker wrote about 1,300 of those lines, drowning the development
        server's own. django-tasks still logs failures (ERROR, with the traceback) and, with
        ``--verbosity 2``, its own lines again.
        """
        super().configure_logging(verbosity)
        if verbosity == 1:
            logging.getLogger(TASKS_LOGGER).setLevel(logging.WARNING)
        logger.setLevel({0: logging.CRITICAL, 1: logging.INFO}.get(verbosity, logging.DEBUG))
        if not logger.hasHandlers():
            logger.addHandler(logging.StreamHandler(self.stdout))
        task_finished.connect(log_outcome, dispatch_uid="hub-worker-log-outcome")

    def handle(self, *args, **options):
        interval = options.pop("schedule_interval") or settings.WORKER_SCHEDULE_INTERVAL
        no_clock = options.pop("no_clock")
        # A batch run drains the queue and exits; under the autoreloader the parent process only
        # watches files. Neither should keep the clock.
        reloading = options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        keeps_clock = not (no_clock or options.get("batch") or reloading)
        if not reloading:  # the autoreloader's parent runs no jobs: the child process reports
            self.configure_logging(options["verbosity"])
            clock = f"publishing and periodic jobs every {interval:g} s" if keeps_clock else "no clock"
            log_start_up(options["backend_name"], options["queue_name"].split(","), clock)
        if keeps_clock:
            Clock(interval).start()
        heartbeat = None
        if not reloading:  # a live worker says so; hub.workers requeues a dead one's tasks
            heartbeat = Heartbeat(options["worker_id"])
            heartbeat.start()
        cut_off = True  # on starting too: a worker started again with its --worker-id left tasks RUNNING
        try:
            while True:
                try:
                    if cut_off:  # whatever this worker was running when the database went is queued again
                        requeue_own(options["worker_id"])
                    return super().handle(*args, **options)
                except (OperationalError, InterfaceError) as error:
                    # The database restarting (or failing over) ended the worker, and with it every email
                    # until someone restarted it (issue 13's load test). Wait for the database to come back
                    # instead; any other database error (a missing migration, bad data) still stops it.
                    if options.get("batch"):
                        raise
                    logger.warning(
                        "The database is unavailable (%s); the worker tries again in %s s", error, RETRY_SECONDS
                    )
                    connections.close_all()
                    time.sleep(RETRY_SECONDS)
                    cut_off = True
        finally:
            if heartbeat is not None:
                heartbeat.stop()
