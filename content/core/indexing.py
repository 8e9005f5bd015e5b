"""Index work deferred during bulk writes (the demo load, reference data after ``migrate``).

Inside ``deferred()``, apps note what needs indexing instead of queueing a task per save (``defer``); when
the block ends, each noted item is indexed once, in this process and in the block's transaction, by the
handler its app registered (``on_flush``): first Wagtail's reference index per object
(content/core/reference_index.py), then, in the order they were registered, search entries per page and
Wagtail's search index per object (search/indexing.py). Nothing is left in the queue, so the site is
completely searchable the moment the block ends.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

from django.db import transaction

_state = threading.local()
_flushers: dict[str, Callable[[set], None]] = {}


def on_flush(kind: str, handler: Callable[[set], None], *, first: bool = False) -> None:
    """Register how deferred items of ``kind`` are indexed when a ``deferred()`` block ends (``first``: before
    the handlers registered until now, whatever order the apps are ready in)."""
    others = {name: other for name, other in _flushers.items() if name != kind}
    _flushers.clear()
    _flushers.update({kind: handler, **others} if first else {**others, kind: handler})


def defer(kind: str, item: Hashable) -> bool:
    """Within ``deferred()``: note the item and say so; otherwise False (the caller does the work now)."""
    stack = getattr(_state, "stack", None)
    if not stack:
        return False
    stack[-1][kind].add(item)
    return True


@contextmanager
def deferred() -> Iterator[None]:
    """A bulk load and its index work, in one transaction: the index is written before the load commits, so
    nothing outside ever sees the load without it (Wagtail's reference index decides who may download a
    document). If the block fails, the transaction rolls back what it saved and nothing is indexed."""
    outer = getattr(_state, "stack", [])
    batch: defaultdict[str, set] = defaultdict(set)
    _state.stack = [*outer, batch]
    try:
        with transaction.atomic():
            try:
                yield
            finally:
                _state.stack = outer  # what the flushers save is indexed at once (or by an outer block)
            for kind in sorted(batch, key=lambda kind: list(_flushers).index(kind) if kind in _flushers else 99):
                if kind in _flushers:
                    _flushers[kind](batch[kind])
    finally:
        _state.stack = outer
