"""search_index rebuild | sync | status | vocabulary: manage the search entries, the cluster index and the
vocabulary that spelling corrections are drawn from."""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search.engines import get_engine
from search.engines.database import DatabaseEngine
from search.entries import rebuild_all_entries
from search.models import ClusterDeletion, SearchEntry


def progress_bar(stream, label: str):
    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        stream.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        stream.flush()
        if done >= total:
            stream.write("\n")

    return show


class Command(BaseCommand):
    help = "Rebuild the search entries and the cluster index (alias swap, no downtime), sync pending changes, or show status."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync", "status", "vocabulary"])

    def handle(self, *args, action: str, **options):
        engine = get_engine()
        if action == "status":
            pending = SearchEntry.objects.filter(cluster_synced=False).count() if engine.uses_cluster else 0
            self.stdout.write(
                f"engine: {engine.name}\nentries: {SearchEntry.objects.count()}\n"
                f"pending for the cluster: {pending} changes, {ClusterDeletion.objects.count()} deletions"
            )
            return
        if action == "vocabulary":
            self.stdout.write(f"Vocabulary recounted: {DatabaseEngine().rebuild()['words']} words.")
            return
        if action == "sync":
            sent = engine.push_pending() if engine.uses_cluster else 0
            self.stdout.write(f"Sent {sent} changes to the {engine.name} engine.")
            return
        started = time.monotonic()
        pages = rebuild_all_entries()
        self.stdout.write(f"Entries rebuilt for {pages} pages ({SearchEntry.objects.count()} entries).")
        self.stdout.write(f"Vocabulary recounted: {DatabaseEngine().rebuild()['words']} words.")
        if engine.uses_cluster:
            try:
                summary = engine.rebuild(progress=progress_bar(sys.stdout, "Indexing"))
            except Exception as error:  # noqa: BLE001
                raise CommandError(f"The search cluster did not accept the rebuild: {error}") from error
            self.stdout.write(
                f"Index {summary['index']}: {summary['documents']} documents, {summary['errors']} errors, "
                f"{summary['seconds']} s; the alias now points at it."
            )
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))
