"""What each pytest-xdist worker keeps to itself when `make test` runs the suite on every core.

pytest-django gives each worker its own test database (test_hub_gw0, test_hub_gw1, …) and
hub/settings/test.py its own media folders and memory cache; these helpers do the same for the servers
the workers share: a Redis database and a search cluster. In a plain `pytest` run there is one worker,
"main", and nothing changes.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")  # "gw0", "gw1", … under xdist; unset in a plain run


def worker_number() -> int:
    return int(WORKER.removeprefix("gw")) if WORKER else 0


def redis_test_url() -> str | None:
    """REDIS_TEST_URL with a Redis database of this worker's own: the tests clear theirs (FLUSHDB), which
    a key prefix would not survive. Worker N takes the given number minus N (15, 14, … from /15), or
    plus N when the given number is too small to count down from."""
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        return None
    parts = urlsplit(url)
    given = int(parts.path.strip("/") or 0)
    number = worker_number()
    database = given - number if given >= number else given + number
    return urlunsplit(parts._replace(path=f"/{database}"))


def index_prefix(purpose: str) -> str:
    """A search-cluster index prefix no other test, worker or user of the cluster has (`hub` is the site's,
    `hub-bench` the benchmark's): the worker's name and a random part, so what a crashed run left is
    recognisable."""
    return f"hub-{purpose}-{WORKER or 'main'}-{uuid.uuid4().hex[:8]}"
