#!/usr/bin/env bash
# Start the hub's 3-node test OpenSearch cluster (one JVM, 127.0.0.1:9201-9203) in the background.
# Exits 0 and prints the URL once the cluster has 3 nodes and is at least yellow; non-zero with the log tail.
# Env: CLUSTER_DIR (default /tmp/hub-opensearch: cluster.log, cluster.pid, cluster.url, build.log, data.*),
#      READY_TIMEOUT (s, default 180), HUB_OS_HEAP (max heap, default 1g), HUB_OS_JAVA_OPTS (extra JVM opts),
#      HUB_OS_* variables read by the Java main (see README.md).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-/tmp/hub-opensearch}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
HEAP="${HUB_OS_HEAP:-1g}"
NODES="${HUB_OS_NODES:-3}"
HTTP_BASE="${HUB_OS_HTTP_BASE:-9200}"
URL="http://127.0.0.1:$((HTTP_BASE + 1))"
LOG="$CLUSTER_DIR/cluster.log"
PIDFILE="$CLUSTER_DIR/cluster.pid"
JAR="$HERE/target/hub-opensearch-cluster.jar"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

mkdir -p "$CLUSTER_DIR"
export CLUSTER_DIR

health_ok() {
  curl -sf -m 5 "$URL/_cluster/health?wait_for_nodes=$NODES&wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

# Already running (started by us)? Then nothing to do.
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  if health_ok; then
    echo "hub-opensearch: already running (pid $(cat "$PIDFILE")): $URL"
    exit 0
  fi
  echo "hub-opensearch: a previous cluster (pid $(cat "$PIDFILE")) is not healthy; restarting it" >&2
  "$HERE/stop.sh"
fi
if curl -s -m 2 -o /dev/null "$URL" 2>/dev/null; then
  echo "hub-opensearch: something else already answers on $URL; not starting" >&2
  exit 1
fi

# Build (offline first: after one online build everything is in ~/.m2).
if [ ! -f "$JAR" ] || [ -n "$(find "$HERE/pom.xml" "$HERE/src" -newer "$JAR" -type f 2>/dev/null | head -n1)" ]; then
  echo "hub-opensearch: building ($HERE)"
  if ! (cd "$HERE" && { mvn -q -B -o package >"$CLUSTER_DIR/build.log" 2>&1 \
        || mvn -q -B package >>"$CLUSTER_DIR/build.log" 2>&1; }); then
    echo "hub-opensearch: build failed; last lines of $CLUSTER_DIR/build.log:" >&2
    tail -n 40 "$CLUSTER_DIR/build.log" >&2
    exit 1
  fi
fi

# Data of a cluster that was killed with SIGKILL is left behind: remove it.
rm -rf "$CLUSTER_DIR"/data.*
DATA_DIR="$(mktemp -d "$CLUSTER_DIR/data.XXXXXX")"

: >"$LOG"   # truncate; the JVM appends to it (O_APPEND), so its writers do not overwrite each other
START=$(date +%s)
# The flags below mirror OpenSearch's own jvm.options where they matter for an embedded node, plus
# -XX:TieredStopAtLevel=1 (C1 JIT only): start-up here went from ~75-90 s to ~35 s on a busy 2-core machine.
# shellcheck disable=SC2086
HUB_OS_DATA_DIR="$DATA_DIR" nohup "$JAVA" \
  -Xms256m -Xmx"$HEAP" -XX:+UseG1GC -XX:TieredStopAtLevel=1 -XX:MaxDirectMemorySize=256m -XX:MaxMetaspaceSize=256m \
  -XX:+ExitOnOutOfMemoryError \
  -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Djna.nosys=true \
  -Djava.locale.providers=SPI,COMPAT \
  -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true \
  -Dio.netty.recycler.maxCapacityPerThread=0 -Dio.netty.allocator.numDirectArenas=0 \
  -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true -Dlog4j2.formatMsgNoLookups=true \
  -Djava.io.tmpdir="$DATA_DIR" \
  ${HUB_OS_JAVA_OPTS:-} \
  -jar "$JAR" >>"$LOG" 2>&1 </dev/null &
PID=$!
echo "$PID" >"$PIDFILE"
echo "hub-opensearch: started pid $PID, log $LOG; waiting up to ${READY_TIMEOUT}s"

DEADLINE=$((START + READY_TIMEOUT))
while :; do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "hub-opensearch: the cluster process exited; last lines of $LOG:" >&2
    tail -n 60 "$LOG" >&2
    grep -m1 "HUB-OPENSEARCH-FAILED" "$LOG" >&2 || true
    rm -f "$PIDFILE"
    exit 1
  fi
  if grep -q "^HUB-OPENSEARCH-READY" "$LOG" 2>/dev/null || health_ok; then
    break
  fi
  if [ "$(date +%s)" -ge "$DEADLINE" ]; then
    echo "hub-opensearch: not ready after ${READY_TIMEOUT}s; last lines of $LOG:" >&2
    tail -n 60 "$LOG" >&2
    "$HERE/stop.sh" >&2 || true
    exit 1
  fi
  sleep 1
done

echo "$URL" >"$CLUSTER_DIR/cluster.url"
echo "hub-opensearch: ready in $(( $(date +%s) - START ))s (pid $PID)"
echo "HUB-OPENSEARCH-READY $URL"
