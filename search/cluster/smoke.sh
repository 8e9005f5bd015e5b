#!/usr/bin/env bash
# Smoke test of a running cluster (start.sh first): 3 nodes, version 2.19.x, index 1 shard + 1 replica,
# index a doc, stop node 2 through the admin endpoint, search must still answer on node 1, start node 2 again.
# Bounded: every request has a timeout. Prints "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
HTTP="${HUB_OS_URL:-http://127.0.0.1:9201}"
ADMIN="http://127.0.0.1:${HUB_OS_ADMIN_PORT:-9299}"
IDX="hub-cluster-smoke-$$"
pass=0; fail=0
check() { # name, command...
  local name="$1"; shift
  if out="$("$@" 2>&1)"; then pass=$((pass + 1)); echo "ok   $name"
  else fail=$((fail + 1)); echo "FAIL $name: $out" | head -c 2000; echo; fi
}
c() { curl -sS -m 70 "$@"; }

check "3 nodes"         bash -c "[ \"\$(curl -sS -m 10 '$HTTP/_cat/nodes' | wc -l)\" -eq 3 ]"
check "version 2.19.x"  bash -c "curl -sS -m 10 '$HTTP' | grep -Eq '\"number\" : \"2\\.19\\.'"
check "create index"    bash -c "curl -sS -m 70 -XPUT '$HTTP/$IDX' -H 'Content-Type: application/json' \
                          -d '{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":1}}' | grep -q '\"acknowledged\":true'"
check "green"           bash -c "curl -sS -m 70 '$HTTP/_cluster/health/$IDX?wait_for_status=green&timeout=60s' | grep -q '\"status\":\"green\"'"
check "index doc"       bash -c "curl -sS -m 70 -XPUT '$HTTP/$IDX/_doc/1?refresh=true' -H 'Content-Type: application/json' \
                          -d '{\"title\":\"hello hub\"}' | grep -q '\"result\":\"created\"'"
check "stop node 2"     bash -c "curl -sS -m 70 '$ADMIN/stop-node/2' | grep -q 'stopped node 2'"
check "2 nodes left"    bash -c "curl -sS -m 70 '$HTTP/_cluster/health?wait_for_nodes=2&timeout=60s' | grep -q '\"number_of_nodes\":2'"
check "search on 9201"  bash -c "curl -sS -m 70 '$HTTP/$IDX/_search?q=hello' | grep -q '\"value\":1'"
check "start node 2"    bash -c "curl -sS -m 120 '$ADMIN/start-node/2' | grep -q 'started node 2'"
check "3 nodes again"   bash -c "curl -sS -m 70 '$HTTP/_cluster/health?wait_for_nodes=3&wait_for_status=yellow&timeout=60s' | grep -q '\"number_of_nodes\":3'"
c -XDELETE "$HTTP/$IDX" >/dev/null 2>&1 || true
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
