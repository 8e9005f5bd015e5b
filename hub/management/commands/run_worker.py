"""The one background process: django-tasks' database worker plus the site's clock.

It runs the task queue (emails, release alerts, search cluster pushes) and, every
WORKER_SCHEDULE_INTERVAL seconds, the periodic jobs: Wagtail's scheduled publishing (pages whose
go-live time has passed) and the jobs listed in hub.periodic (digests, retries). Several workers
may run at once (one per app server): tasks are claimed with a lock, and only the worker holding
the clock lease (hub.models.ClockLease) runs the periodic jobs, so scheduled pages are published
once; if it dies, another takes the clock over when the lease expires.
"""

from __future__ import annotations

import logging
import os
import threading

from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from django.conf import settings
from django.db import close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from hub.models import ClockLease, new_holder_id
from hub.periodic import run_periodic_jobs

logger = logging.getLogger(__name__)


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

    def handle(self, *args, **options):
        interval = options.pop("schedule_interval") or settings.WORKER_SCHEDULE_INTERVAL
        no_clock = options.pop("no_clock")
        # A batch run drains the queue and exits; under the autoreloader the parent process only
        # watches files. Neither should keep the clock.
        reloading = options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if not (no_clock or options.get("batch") or reloading):
            Clock(interval).start()
        return super().handle(*args, **options)
