#!/usr/bin/env bash
# make topology-stop: stop every part of the topology (idempotent); --keep leaves $TOPOLOGY_DIR's data.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/env.sh"
[ -d "$TOPOLOGY_DIR" ] || { echo "topology: nothing to stop"; exit 0; }
"$HERE/ctl.sh" stop nginx
for pidfile in "$RUN"/worker-*.pid "$RUN"/app-*.pid; do
    [ -f "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid)
    "$HERE/ctl.sh" stop "${name%-*}" "${name##*-}"
done
for part in smtp redis s3proxy opensearch postgres; do "$HERE/ctl.sh" stop "$part"; done
if [ "${1:-}" != --keep ]; then rm -rf "$TOPOLOGY_DIR"; fi
echo "topology: stopped"
