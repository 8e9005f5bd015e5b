#!/usr/bin/env bash
# After a failed make topology-test: keep the logs (var/topology-logs; down.sh deletes $TOPOLOGY_DIR) and print
# what the app servers and workers warned of, so a CI log alone says why.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/env.sh"
KEPT="$ROOT/var/topology-logs"
rm -rf "$KEPT"
mkdir -p "$ROOT/var"
cp -r "$LOGS" "$KEPT" 2>/dev/null || { echo "topology: no logs to keep"; exit 0; }
[ -d "$TOPOLOGY_DIR/load" ] && cp -r "$TOPOLOGY_DIR/load" "$KEPT/load"
echo "topology: logs kept in $KEPT; warnings and errors (counted, first line each):"
grep -hE "WARNING|ERROR|CRITICAL|Traceback|queued again" "$KEPT"/worker-*.log "$KEPT"/app-*.log 2>/dev/null \
    | cut -c1-220 | sort | uniq -c | sort -rn | head -n 40
