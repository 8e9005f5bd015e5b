"""Django's Redis cache, tolerant of a Redis that is down: the site keeps serving, and rate limits keep counting.

Wagtail (site root paths, settings), the page cache and rate limits all read the default cache on every
request; without this, a stopped Redis would turn every page into a 500. While Redis is down:

- reads miss and writes are dropped, so the page cache renders every page (never a stale or shared copy);
- **rate limits stay in force, per process**: their keys (allauth's sign-in, sign-up, password-reset and
  email-confirmation limits, the alert subscription limit) are counted in this process's memory instead. We
  chose this over failing closed, which is what allauth does with a cache that cannot take its lock: every
  sign-in refused, and worse, every sign-up's verification email silently not sent (issue 13's load test lost
  one that way). Over failing open, because a brute-force attempt timed with a Redis outage would then be
  unlimited; this way it gets at most one allowance per app-server process (gunicorn worker) while Redis is
  away. The memory store holds 100,000 counters, so spraying new names cannot evict the one that counts an
  account's failed sign-ins.

It is logged, once per outage per process with the traceback, then once a minute.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
RATE_LIMIT_KEYS = ("allauth:rl:", "alerts:subscribe:")  # counted in memory while Redis is away
WARN_EVERY = 60.0  # seconds between warnings during one outage
_last_warning = 0.0


def _warn(operation: str) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning < WARN_EVERY:
        return
    first = now - _last_warning > 2 * WARN_EVERY  # a new outage: say why, once
    _last_warning = now
    logger.warning("Redis cache unreachable (%s): carrying on without it", operation, exc_info=first)


class TolerantRedisCache(RedisCache):
    # This process's own count of rate-limited actions while Redis is away (see the module's docstring).
    local_limits = LocMemCache("hub-rate-limits-while-redis-is-away", {"OPTIONS": {"MAX_ENTRIES": 100_000}})

    def _limits(self, key: str) -> bool:
        return isinstance(key, str) and key.startswith(RATE_LIMIT_KEYS)

    def strict_set(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        """Django's set, failing loudly: for a write that must not be lost quietly (the page cache's
        invalidation, website/page_cache.py)."""
        RedisCache.set(self, key, value, timeout, version)

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except UNREACHABLE:
            _warn("get")
            return self.local_limits.get(key, default, version) if self._limits(key) else default

    def get_many(self, keys, version: int | None = None) -> dict[str, Any]:
        try:
            return super().get_many(keys, version)
        except UNREACHABLE:
            _warn("get_many")
            return {}

    def has_key(self, key: str, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except UNREACHABLE:
            _warn("has_key")
            return self._limits(key) and self.local_limits.has_key(key, version)

    def add(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE:
            _warn("add")
            return self._limits(key) and self.local_limits.add(key, value, timeout, version)

    def set(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        try:
            super().set(key, value, timeout, version)
        except UNREACHABLE:
            _warn("set")
            if self._limits(key):
                self.local_limits.set(key, value, timeout, version)

    def set_many(self, data: dict[str, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> list[str]:
        try:
            return super().set_many(data, timeout, version)
        except UNREACHABLE:
            _warn("set_many")
            return list(data)

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        try:
            return super().touch(key, timeout, version)
        except UNREACHABLE:
            _warn("touch")
            return False

    def delete(self, key: str, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except UNREACHABLE:
            _warn("delete")
            return self._limits(key) and self.local_limits.delete(key, version)

    def delete_many(self, keys, version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except UNREACHABLE:
            _warn("delete_many")

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            _warn("incr")
            if self._limits(key):
                return self.local_limits.incr(key, delta, version)
            raise ValueError(f"Key '{key}' not found (Redis unreachable)") from error

    def clear(self) -> None:
        try:
            super().clear()
        except UNREACHABLE:
            _warn("clear")
