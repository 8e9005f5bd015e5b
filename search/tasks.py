"""Background work for the search cluster: send what changed, forget what went; retried, never lost.

Entries carry ``cluster_synced``; anything not yet sent (cluster down, timeout) stays unsynced and
goes with the next sync (the next change, the worker, or ``manage.py search_index sync``).
"""

from __future__ import annotations

import logging

from django_tasks import task

from .engines import get_engine
from .models import ClusterDeletion

logger = logging.getLogger(__name__)


@task()
def sync_cluster() -> int:
    engine = get_engine()
    if not engine.uses_cluster:
        return 0
    try:
        return engine.push_pending()
    except Exception:  # noqa: BLE001 - the cluster may be down; entries stay pending and are retried
        logger.warning("Search cluster sync failed; entries stay pending", exc_info=True)
        return 0


def schedule_cluster_sync() -> None:
    if get_engine().uses_cluster:
        try:
            sync_cluster.enqueue()
        except Exception:  # noqa: BLE001 - never fail an editor's save because of search
            logger.warning("Could not enqueue the search cluster sync", exc_info=True)


def forget_in_cluster(entry_id: int) -> None:
    """Record the deletion; the next sync tells the cluster (so a cluster that is down loses nothing)."""
    if get_engine().uses_cluster:
        ClusterDeletion.objects.get_or_create(entry_id=entry_id)
        schedule_cluster_sync()
