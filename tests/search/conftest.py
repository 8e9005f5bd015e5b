"""The engines under test: the database engine always; a search cluster when one is running.

Set SEARCH_TEST_URL (e.g. http://127.0.0.1:9201, as .ci/run does) to run the same contract tests
against an Elasticsearch or OpenSearch cluster; without it those runs are skipped with the reason.
In CI (HUB_REQUIRE_CLUSTER=1) a missing cluster is a failure, not a skip.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.workers import WORKER, index_prefix

CLUSTER_URL = os.environ.get("SEARCH_TEST_URL", "")


NO_CLUSTER = "no search cluster: set SEARCH_TEST_URL=http://127.0.0.1:9201 (search/cluster/start.sh starts one)"
REQUIRED = os.environ.get("HUB_REQUIRE_CLUSTER") == "1"


def _cluster_param():
    if CLUSTER_URL or REQUIRED:
        return pytest.param("cluster", id="cluster")
    return pytest.param("cluster", id="cluster", marks=pytest.mark.skip(reason=NO_CLUSTER))


ENGINE_PARAMS = [pytest.param("database", id="database"), _cluster_param()]


@pytest.fixture(scope="session")
def cluster_lock(tmp_path_factory) -> Path:
    """A file every worker of this run sees (under pytest-xdist each worker's temporary folder is popen-gwN in
    the run's own): cluster tests hold it shared, the failover test, which stops a node, alone."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if WORKER else base) / "search-cluster.lock"


@contextmanager
def using_cluster(lock: Path, *, alone: bool = False) -> Iterator[None]:
    with lock.open("a") as file:
        fcntl.flock(file, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)


@pytest.fixture(params=ENGINE_PARAMS)
def engine(request, db, cluster_lock):
    if request.param == "database":
        from search.engines.database import DatabaseEngine

        yield DatabaseEngine()
        return
    if not CLUSTER_URL:
        pytest.fail(f"HUB_REQUIRE_CLUSTER=1 but {NO_CLUSTER}")
    from search.engines.cluster import ClusterEngine

    with using_cluster(cluster_lock):
        cluster = ClusterEngine(CLUSTER_URL, index_prefix=index_prefix("test"))
        cluster.rebuild()
        try:
            yield cluster
        finally:
            cluster.drop()
