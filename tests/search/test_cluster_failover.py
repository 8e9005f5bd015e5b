"""The search cluster keeps answering when one of its nodes stops (search/cluster's admin endpoint)."""

from __future__ import annotations

import os
import time
import urllib.request

import pytest

from search.access import PUBLIC
from search.engines import SearchRequest
from tests.search.conftest import CLUSTER_URL, NO_CLUSTER, REQUIRED, using_cluster
from tests.workers import index_prefix

ADMIN = os.environ.get("SEARCH_TEST_ADMIN_URL", "http://127.0.0.1:9299")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not CLUSTER_URL and not REQUIRED, reason=NO_CLUSTER),
]


def admin(path: str) -> str:
    with urllib.request.urlopen(f"{ADMIN}{path}", timeout=120) as response:  # noqa: S310 - loopback test cluster
        return response.read().decode()


def test_search_keeps_answering_with_a_node_down(cluster_lock):
    if not CLUSTER_URL:
        pytest.fail(NO_CLUSTER)
    from search.engines.cluster import ClusterEngine

    with using_cluster(cluster_lock, alone=True):  # no other worker's cluster test while a node is down
        stop_a_node_while_searching(ClusterEngine(CLUSTER_URL, index_prefix=index_prefix("failover")))


def stop_a_node_while_searching(engine) -> None:
    engine.rebuild()
    try:
        before = engine.search(SearchRequest("social infrastructure", frozenset({PUBLIC})))
        admin("/stop-node/2")
        try:
            # The cluster notices the loss within seconds and promotes the replicas of the shards that
            # node held (yellow: every primary assigned); the engine also retries a transient failure.
            deadline = time.monotonic() + 60
            while engine.client.cluster.health()["number_of_nodes"] != 2 and time.monotonic() < deadline:
                time.sleep(1)
            while engine.client.cluster.health(index=engine.alias)["status"] == "red" and time.monotonic() < deadline:
                time.sleep(1)
            after = engine.search(SearchRequest("social infrastructure", frozenset({PUBLIC})))
            assert after.total == before.total > 0
        finally:
            admin("/start-node/2")
    finally:
        engine.drop()
