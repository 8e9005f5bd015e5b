"""Count full reads of papers, case studies and blog posts (the page_read signal excludes previews and teasers),
and write the counts waiting in memory after responses."""

from __future__ import annotations

from django.core.signals import request_finished
from django.dispatch import receiver

from content.core.signals import page_read

from .recording import READS, SEARCHES, record_read


@receiver(page_read, dispatch_uid="insights_count_read")
def count_read(sender, page, request, **kwargs) -> None:
    if getattr(page, "reads_counted", False):  # the page type says so (BasePage's contract)
        record_read(page, request)


# Reads and searches waiting in memory are written after a response, never inside a request
# (insights.recording.Tally).
request_finished.connect(READS.flush_if_due, dispatch_uid="insights_write_reads")
request_finished.connect(SEARCHES.flush_if_due, dispatch_uid="insights_write_searches")
