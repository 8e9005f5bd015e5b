"""Django's Redis cache, tolerant of a Redis that is down: reads miss, writes are dropped, and it is logged.

Wagtail (site root paths, settings), the page cache and rate limits all read the default cache on every
request; without this, a stopped Redis would turn every page into a 500. While Redis is down, rate limits
count nothing (they fail open) and the page cache renders every page: the site keeps serving.
"""

from __future__ import annotations

import logging
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def _warn(operation: str) -> None:
    logger.warning("Redis cache unreachable (%s): carrying on without it", operation, exc_info=True)


class TolerantRedisCache(RedisCache):
    def strict_set(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        """Django's set, failing loudly: for a write that must not be lost quietly (the page cache's
        invalidation, hub/page_cache.py)."""
        RedisCache.set(self, key, value, timeout, version)

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except UNREACHABLE:
            _warn("get")
            return default

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
            return False

    def add(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE:
            _warn("add")
            return False

    def set(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        try:
            super().set(key, value, timeout, version)
        except UNREACHABLE:
            _warn("set")

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
            return False

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
            raise ValueError(f"Key '{key}' not found (Redis unreachable)") from error

    def clear(self) -> None:
        try:
            super().clear()
        except UNREACHABLE:
            _warn("clear")
