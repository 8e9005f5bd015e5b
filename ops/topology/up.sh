#!/usr/bin/env bash
# make topology: the hub's production topology on 127.0.0.1, every part real (docs/operations.md).
#   nginx (TLS, load balancer) :8090 -> gunicorn app servers :8091, :8092 (hub.settings.production)
#   PostgreSQL :5442, Redis :6393, OpenSearch 3 nodes :9211-9213, S3Proxy :9410, SMTP recorder :8025,
#   two background workers (manage.py run_worker).
# ops/topology/up.sh [--empty]: --empty starts the services on an empty database (the restore drill).
# State and logs in $TOPOLOGY_DIR (default /tmp/hub-topology); ops/topology/down.sh stops everything.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/env.sh"
empty=0; [ "${1:-}" = --empty ] && empty=1
ctl() { "$HERE/ctl.sh" "$@"; }
command -v nginx >/dev/null && command -v redis-server >/dev/null && [ -x "$PG_BIN/pg_ctl" ] ||
    { echo "topology: needs nginx, redis-server and postgresql (apt-get install -y nginx redis-server postgresql)" >&2; exit 2; }
"$PY" -c "import aiosmtpd, locust" 2>/dev/null || { echo "topology: needs requirements-dev.txt (make install-dev)" >&2; exit 2; }
# The state folder is made by us and for us: never one planted in a shared /tmp (a symlink, another owner).
if [ -L "$TOPOLOGY_DIR" ] || { [ -e "$TOPOLOGY_DIR" ] && [ ! -O "$TOPOLOGY_DIR" ]; }; then
    echo "topology: $TOPOLOGY_DIR is a symlink or belongs to someone else; remove it or set TOPOLOGY_DIR" >&2; exit 2
fi
# Every port must be free: a process already answering on one would be taken for ours.
for port in $PG_PORT $REDIS_PORT $S3_PORT $NGINX_PORT $APP_PORTS $SMTP_PORT $((OS_HTTP_BASE + 1)) \
        $((OS_HTTP_BASE + 2)) $((OS_HTTP_BASE + 3)) $OS_ADMIN_PORT; do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "topology: port $port is already in use (make topology-stop, or set TOPOLOGY_*_PORT)" >&2; exit 2
    fi
done
install -d -m 711 "$TOPOLOGY_DIR"  # PostgreSQL's own user must pass through to its data folder
mkdir -p "$LOGS" "$RUN" "$MAILDIR"
# A start that fails half-way stops what it started (the data and logs stay for a look).
trap 'status=$?; [ $status = 0 ] || { echo "topology: start failed; stopping what started" >&2; "$HERE/down.sh" --keep >/dev/null; }' EXIT
start=$(date +%s)
step() { echo "topology: $* ($(( $(date +%s) - start )) s)"; }

# The search cluster takes longest: it starts in the background while the rest is prepared.
ctl start opensearch >"$LOGS/opensearch-start.log" 2>&1 & os_pid=$!
ctl start smtp; step "SMTP recorder on :$SMTP_PORT, messages in $MAILDIR"
ctl start postgres; step "PostgreSQL on :$PG_PORT"
ctl start redis; step "Redis on :$REDIS_PORT"
ctl start s3proxy; step "S3Proxy on :$S3_PORT (buckets hub-media, hub-private)"
cd "$ROOT"
app_env
"$PY" manage.py collectstatic --noinput -v 0
if [ "$empty" = 0 ]; then
    "$PY" manage.py migrate --noinput -v 0
    "$PY" manage.py load_demo_content >"$LOGS/demo.log"
    # The demo accounts refuse production settings (DEBUG off): the same services, development settings.
    DJANGO_SETTINGS_MODULE=hub.settings.dev "$PY" manage.py create_demo_accounts >>"$LOGS/demo.log"
    step "migrated, demo content and accounts loaded"
fi
wait "$os_pid" || { cat "$LOGS/opensearch-start.log" >&2; exit 1; }
step "OpenSearch on :$((OS_HTTP_BASE + 1))-$((OS_HTTP_BASE + 3))"
[ "$empty" = 0 ] && "$PY" manage.py search_index rebuild >"$LOGS/search-index.log" && step "search index built"
n=0; for _ in $APP_PORTS; do n=$((n + 1)); ctl start app "$n"; done
step "$n app servers on $(echo $APP_PORTS | tr ' ' ,)"
for i in $(seq 1 "$WORKERS"); do ctl start worker "$i"; done
ctl start nginx
step "$WORKERS workers; nginx on :$NGINX_PORT"
curl -skf -o /dev/null "$URL/" || [ "$empty" = 1 ] || { echo "topology: $URL/ does not answer 200" >&2; exit 1; }
echo "topology: ready: $URL/ (self-signed certificate; curl -k). Stop with: make topology-stop"
