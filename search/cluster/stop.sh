#!/usr/bin/env bash
# Stop the cluster started by start.sh (SIGTERM, then SIGKILL after 60 s). Idempotent: exits 0 if nothing runs.
set -uo pipefail

CLUSTER_DIR="${CLUSTER_DIR:-/tmp/hub-opensearch}"
PIDFILE="$CLUSTER_DIR/cluster.pid"

if [ -f "$PIDFILE" ]; then
  PID="$(cat "$PIDFILE")"
  # Only signal the process if it is really our cluster JVM (the pid may have been reused).
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null \
     && tr '\0' ' ' <"/proc/$PID/cmdline" 2>/dev/null | grep -q "hub-opensearch-cluster.jar"; then
    echo "hub-opensearch: stopping pid $PID"
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$PID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$PID" 2>/dev/null; then
      echo "hub-opensearch: pid $PID did not stop in 60s; killing it" >&2
      kill -KILL "$PID" 2>/dev/null || true
      sleep 1
    fi
  fi
  rm -f "$PIDFILE"
fi
rm -rf "$CLUSTER_DIR"/data.* "$CLUSTER_DIR/cluster.url"
echo "hub-opensearch: stopped"
