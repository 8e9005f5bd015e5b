"""Index work deferred during bulk writes (the demo load, reference data after ``migrate``).

Inside ``deferred()``, apps note what needs indexing instead of queueing a task per save (``defer``); when
the block ends, each noted item is indexed once, in this process, by the handler its app registered
(``on_flush``), in the order they were registered: Wagtail's reference index per object
(content/core/reference_index.py), then search entries per page and Wagtail's search index per object
(search/indexing.py). Nothing is left in the queue, so the site is completely searchable the moment the
block ends.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

_state = threading.local()
_flushers: dict[str, Callable[[set], None]] = {}


def on_flush(kind: str, handler: Callable[[set], None]) -> None:
    """Register how deferred items of ``kind`` are indexed when a ``deferred()`` block ends."""
    _flushers[kind] = handler


def defer(kind: str, item: Hashable) -> bool:
    """Within ``deferred()``: note the item and say so; otherwise False (the caller does the work now)."""
    stack = getattr(_state, "stack", None)
    if not stack:
        return False
    stack[-1][kind].add(item)
    return True


@contextmanager
def deferred() -> Iterator[None]:
    batch: defaultdict[str, set] = defaultdict(set)
    _state.stack = [*getattr(_state, "stack", []), batch]
    try:
        yield
    finally:
        _state.stack = _state.stack[:-1]
        # Even when the block failed: what it saved outside a rolled-back transaction is indexed, and
        # what no longer exists is skipped by each flusher.
        for kind in sorted(batch, key=lambda kind: list(_flushers).index(kind) if kind in _flushers else 99):
            if kind in _flushers:
                _flushers[kind](batch[kind])
