"""What a worker keeps between requests until the site's content changes: reader-independent lists and links.

Building a query costs Django far more than SQLite takes to answer it (a definition's "Where this term is
used": 4 ms of Python around 0.06 ms of SQL), and most of what a page lists is the same for every reader
until an editor changes something: the pages linking a term, a term's related terms, where a linked page
lives. Each worker keeps such things in its own memory, under the site's *content generation*: a random
token in the shared cache that ``website.page_cache`` replaces on every publish, unpublish, move or deletion of a
page, every view-restriction change and every save of a snippet, setting, site, image, document or local
authority (and again when the change commits). A request reads the token once, before it reads anything it keeps, so what is kept
is never older than the token it is kept under; a new token (or a new day, for papers released by the date)
and every worker starts afresh. The anonymous page cache rests on the same token; this memo also serves
members, readers with cookies and the first render after a change.

What is kept is never what decides access. A kept list of pages is filtered again, in every request, by
that request's own read of the view restrictions (``request_memo.is_public``), so even a token that could
not be replaced (the cache down while an editor restricts a page) never shows a restricted page; at worst a
public title is ``MAX_SECONDS`` old. Outside a request (emails, the worker) and when the cache does not
answer, nothing is kept and everything is read afresh.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS
from django.db.models import JSONField, Model
from django.utils import timezone

from wagtail.fields import StreamField

from . import request_memo

logger = logging.getLogger(__name__)

T = TypeVar("T")

GENERATION_KEY = "hub:page-cache:generation"
MAX_SECONDS = 300  # kept at most this long, even under one generation
MAX_ENTRIES = 20_000  # then the worker starts afresh: a bound on its memory, not a working size


def read_generation() -> str | None:
    """The content generation from the shared cache (made if there is none yet); None if the cache fails."""
    cache = caches[settings.PAGE_CACHE_ALIAS]
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            generation = cache.get(GENERATION_KEY)
    except Exception:
        logger.warning("Cache unreachable: nothing is kept between requests", exc_info=True)
        return None
    return generation


def generation() -> str | None:
    """This request's content generation, read once per request (None outside a request)."""
    if not request_memo.in_request():
        return None
    memo = request_memo.current()
    if "generation" not in memo:
        memo["generation"] = read_generation()
    return memo["generation"]


def note_generation(value: str | None) -> None:
    """The page cache read the generation before rendering: the request's memo uses the same read."""
    if request_memo.in_request():
        request_memo.current().setdefault("generation", value)


def bypass() -> None:
    """Nothing is kept or read from the memo for the rest of this request: a preview renders a draft (its
    related terms, say), which no reader of the live page may be shown."""
    if request_memo.in_request():
        request_memo.current()["generation"] = None


class _Kept:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.stamp: tuple[str, Any] | None = None
        self.born = 0.0
        self.values: dict[tuple[str, Hashable], Any] = {}

    def reset(self, stamp: tuple[str, Any] | None) -> None:
        self.stamp, self.born, self.values = stamp, time.monotonic(), {}


_kept = _Kept()


def kept(name: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it returned earlier in this worker under the same generation and day.

    ``compute`` must not depend on the reader, and callers must treat the value as read-only: it is shared
    by every request the worker serves until the generation changes. A key of None (an unsaved page) is
    never kept.
    """
    if key is None:
        return compute()
    return kept_many(name, [key], lambda missing: {key: compute()})[key]


def kept_many(name: str, keys: Iterable[Hashable], compute: Callable[[set], dict[Hashable, T]]) -> dict[Hashable, T]:
    """As ``kept`` for several keys at once: ``compute(missing keys)`` reads the ones not kept in one go and
    returns a value for each (None for one that has none: it is kept too)."""
    keys = set(keys)
    current = generation()
    if current is None:
        return _complete(keys, compute(keys))
    stamp = (current, timezone.localdate())
    with _kept.lock:
        if _kept.stamp != stamp or time.monotonic() - _kept.born > MAX_SECONDS or len(_kept.values) >= MAX_ENTRIES:
            _kept.reset(stamp)
        found = {key: _kept.values[(name, key)] for key in keys if (name, key) in _kept.values}
    missing = keys - found.keys()
    if missing:
        computed = _complete(missing, compute(missing))
        with _kept.lock:
            if _kept.stamp == stamp:
                _kept.values.update({(name, key): value for key, value in computed.items()})
        found.update(computed)
    return found


@dataclass(frozen=True)
class Row:
    """A model instance's column values, from which each caller gets an instance of its own.

    Values that are mutable structures (a StreamField's blocks, a JSON field) are kept as JSON text and
    decoded for each instance, so no request can change what another one is given.
    """

    model: type[Model]
    names: tuple[str, ...]
    values: tuple[Any, ...]
    encoded: frozenset[str] = frozenset()

    @classmethod
    def of(cls, instance: Model | None) -> Row | None:
        if instance is None:
            return None
        names, values, encoded = [], [], set()
        for field in instance._meta.concrete_fields:
            value = getattr(instance, field.attname)
            if isinstance(field, StreamField):
                value, encoded = json.dumps(list(value.raw_data), cls=DjangoJSONEncoder), encoded | {field.attname}
            elif isinstance(field, JSONField):
                value, encoded = json.dumps(value, cls=DjangoJSONEncoder), encoded | {field.attname}
            names.append(field.attname)
            values.append(value)
        return cls(type(instance), tuple(names), tuple(values), frozenset(encoded))

    def build(self) -> Model:
        values = [
            json.loads(value) if name in self.encoded else value
            for name, value in zip(self.names, self.values, strict=True)
        ]
        return self.model.from_db(DEFAULT_DB_ALIAS, self.names, values)


def kept_instance(name: str, key: Hashable, read: Callable[[], Model | None]) -> Model | None:
    """As ``kept`` for a model instance: kept as its column values, built afresh for each caller (who may
    set attributes on it, as Wagtail does on a request's site settings) without its related objects."""
    row = kept(name, key, lambda: Row.of(read()))
    return None if row is None else row.build()


def _complete(keys: set, values: dict) -> dict:
    return {key: values.get(key) for key in keys}


def forget() -> None:
    """Drop everything this worker keeps (tests, whose databases are rolled back without a new generation)."""
    with _kept.lock:
        _kept.reset(None)
