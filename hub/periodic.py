"""Jobs the worker's clock runs every WORKER_SCHEDULE_INTERVAL seconds (see run_worker).

Each job must be idempotent and quick when there is nothing to do: several workers may tick at once.
Apps add theirs to PERIODIC_JOBS (every tick) or DAILY_JOBS (once a day) as dotted paths, so this module
imports none of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def publish_scheduled_pages() -> None:
    """Wagtail's scheduled publishing: go-live and expiry times that have passed."""
    call_command("publish_scheduled", verbosity=0)


def prune_task_results() -> None:
    """Finished tasks are kept 14 days and failed ones 60 (visible in the admin meanwhile), then dropped."""

    if isinstance(task_backends["default"], DatabaseBackend):
        call_command("prune_db_task_results", min_age_days=14, failed_min_age_days=60, verbosity=0)


def daily_housekeeping() -> None:
    """Once a day per worker: drop search terms older than the insight window (they are typed by the
    public and may hold personal data) and Wagtail's own per-query hit counts past their age; recount the
    search vocabulary."""
    global _housekeeping_day
    today = timezone.localdate()
    if _housekeeping_day == today:
        return
    for path in DAILY_JOBS:
        import_string(path)()
    call_command("searchpromotions_garbage_collect", verbosity=0)
    prune_expired_cache_entries()
    call_command("search_index", "vocabulary", verbosity=0)  # recount the words spelling corrections use
    _housekeeping_day = today


_housekeeping_day = None
# Search terms older than the insight window: typed by the public, they may hold personal data.
DAILY_JOBS: list[str] = ["insights.recording.prune_old"]


def prune_expired_cache_entries() -> int:
    """The database cache deletes expired rows only when it overflows: do it daily (a no-op on Redis)."""
    config = settings.CACHES["default"]
    if config["BACKEND"] != "django.core.cache.backends.db.DatabaseCache":
        return 0
    table = connection.ops.quote_name(config["LOCATION"])
    with connection.cursor() as cursor:
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))  # as Django's cull
        cursor.execute(f"DELETE FROM {table} WHERE expires < %s", [now])  # noqa: S608 - our own table's name
        return cursor.rowcount


PERIODIC_JOBS: list[str] = [
    "hub.workers.requeue_orphaned_tasks",
    "hub.periodic.publish_scheduled_pages",
    "hub.periodic.prune_task_results",
    "hub.periodic.daily_housekeeping",
    "members.ownership.purge_unverified_signups",
    "alerts.tasks.announce_due_papers",
    "alerts.tasks.announce_missed_pages",
    "alerts.tasks.send_due_digests",
    "alerts.tasks.retry_failed_deliveries",
]


def run_periodic_jobs(still_mine: Callable[[], bool] | None = None) -> None:
    """Run every job once. ``still_mine`` (the worker's clock lease) is asked before each job, so a slow
    tick that outlives its lease stops rather than run alongside the worker that took the clock over."""
    for path in PERIODIC_JOBS:
        if still_mine is not None and not still_mine():
            logger.warning("The clock lease was lost mid-tick; stopping before %s", path)
            return
        try:
            import_string(path)()
        except Exception:  # noqa: BLE001 - one failing job must not stop the others
            logger.exception("Periodic job %s failed", path)
