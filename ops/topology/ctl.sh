#!/usr/bin/env bash
# Start or stop one part of the topology: ops/topology/ctl.sh start|stop|kill NAME [N]
#   NAME: postgres, redis, opensearch, s3proxy, smtp, app N, worker N, nginx
# up.sh and down.sh use it, and so does the load test to inject faults (kill = SIGKILL, no clean-up).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
action="$1" name="$2" n="${3:-}"
mkdir -p "$LOGS" "$RUN"
chmod 755 "$TOPOLOGY_DIR"

pid_of() { [ -f "$RUN/$1.pid" ] && cat "$RUN/$1.pid" || true; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
wait_port() {  # port, seconds
    for _ in $(seq 1 $(($2 * 5))); do
        (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.2
    done
    echo "topology: nothing answers on port $1 after $2 s" >&2
    return 1
}
stop_pid() {  # name, signal: the process and, for gunicorn, its workers
    local pid
    pid=$(pid_of "$1")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        local children
        children=$(pgrep -P "$pid" || true)
        kill "-$2" "$pid" 2>/dev/null || true
        [ "$2" = KILL ] && [ -n "$children" ] && kill -KILL $children 2>/dev/null || true
        for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
        # gunicorn's workers leave when their master goes; wait for them so the port is free.
        for child in $children; do for _ in $(seq 1 50); do kill -0 "$child" 2>/dev/null || break; sleep 0.2; done; done
    fi
    rm -f "$RUN/$1.pid"
}

case "$action:$name" in
start:postgres)
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA"
        # Trust only on the data folder's own socket (root's administration, below); TCP needs the password.
        su postgres -c "$PG_BIN/initdb -D $PGDATA --auth-local=trust --auth-host=scram-sha-256 -U postgres --no-sync -E UTF8" \
            >"$LOGS/initdb.log"
    fi
    touch "$LOGS/postgres.log" && chown postgres "$LOGS/postgres.log"
    su postgres -c "$PG_BIN/pg_ctl -D $PGDATA -l $LOGS/postgres.log -w -t 60 \
        -o '-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=100' start" >/dev/null
    su postgres -c "psql -q -h $PGDATA -p $PG_PORT -tc \"SELECT 1 FROM pg_roles WHERE rolname='hub'\"" | grep -q 1 ||
        su postgres -c "psql -q -h $PGDATA -p $PG_PORT -c \"CREATE ROLE hub LOGIN SUPERUSER PASSWORD 'hub'\""
    su postgres -c "psql -q -h $PGDATA -p $PG_PORT -tc \"SELECT 1 FROM pg_database WHERE datname='hub'\"" | grep -q 1 ||
        su postgres -c "createdb -h $PGDATA -p $PG_PORT -O hub hub"
    ;;
stop:postgres | kill:postgres)
    [ -f "$PGDATA/postmaster.pid" ] && su postgres -c "$PG_BIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null || true ;;
restart:postgres)
    su postgres -c "$PG_BIN/pg_ctl -D $PGDATA -m fast -w -t 60 -l $LOGS/postgres.log restart" >/dev/null ;;
start:redis)
    alive redis || redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log" >/dev/null
    wait_port "$REDIS_PORT" 20 ;;
stop:redis | kill:redis) stop_pid redis "$([ "$action" = kill ] && echo KILL || echo TERM)" ;;
start:opensearch)
    CLUSTER_DIR="$TOPOLOGY_DIR/opensearch" HUB_OS_CLUSTER_NAME=hub-topology HUB_OS_HTTP_BASE="$OS_HTTP_BASE" \
        HUB_OS_TRANSPORT_BASE="$OS_TRANSPORT_BASE" HUB_OS_ADMIN_PORT="$OS_ADMIN_PORT" HUB_OS_HEAP="${HUB_OS_HEAP:-768m}" \
        "$ROOT/search/cluster/start.sh" | tail -n 1 ;;
stop:opensearch | kill:opensearch) CLUSTER_DIR="$TOPOLOGY_DIR/opensearch" "$ROOT/search/cluster/stop.sh" >/dev/null ;;
stop:opensearch-node) curl -sf "http://127.0.0.1:$OS_ADMIN_PORT/stop-node/$n" ;;
start:opensearch-node) curl -sf "http://127.0.0.1:$OS_ADMIN_PORT/start-node/$n" ;;
start:s3proxy)
    if ! S3PROXY_DIR="$TOPOLOGY_DIR/s3proxy" S3PROXY_PORT="$S3_PORT" "$ROOT/.ci/s3proxy.sh" >/dev/null; then exit 1; fi
    (cd "$ROOT" && app_env && "$PY" - <<'PY'
import boto3, os
from hub.storage import s3_options
for name in ("MEDIA_STORAGE_URL", "PRIVATE_STORAGE_URL"):
    options = s3_options(os.environ[name])
    client = boto3.client("s3", endpoint_url=options["endpoint_url"], region_name="us-east-1")
    if options["bucket_name"] not in [b["Name"] for b in client.list_buckets()["Buckets"]]:
        client.create_bucket(Bucket=options["bucket_name"])
PY
    ) ;;
stop:s3proxy | kill:s3proxy) S3PROXY_DIR="$TOPOLOGY_DIR/s3proxy" S3PROXY_PORT="$S3_PORT" "$ROOT/.ci/s3proxy.sh" stop ;;
start:smtp)
    if ! alive smtp; then
        nohup "$PY" "$ROOT/ops/topology/smtp_recorder.py" --port "$SMTP_PORT" --dir "$MAILDIR" \
            --delay "${SMTP_DELAY:-0.05}" >>"$LOGS/smtp.log" 2>&1 &
        echo $! >"$RUN/smtp.pid"
    fi
    wait_port "$SMTP_PORT" 20 ;;
stop:smtp | kill:smtp) stop_pid smtp "$([ "$action" = kill ] && echo KILL || echo TERM)" ;;
start:app)
    port=$(echo $APP_PORTS | cut -d' ' -f"$n")
    cd "$ROOT" && app_env
    if ! alive "app-$n"; then
        nohup "$ROOT/.venv/bin/gunicorn" hub.wsgi -w "$APP_WORKERS" -b "127.0.0.1:$port" --timeout 60 \
            --graceful-timeout 10 --log-level warning >>"$LOGS/app-$n.log" 2>&1 &
        echo $! >"$RUN/app-$n.pid"
    fi
    wait_port "$port" 60 ;;
stop:app | kill:app) stop_pid "app-$n" "$([ "$action" = kill ] && echo KILL || echo TERM)" ;;
start:worker)
    cd "$ROOT" && app_env
    if ! alive "worker-$n"; then
        nohup "$PY" manage.py run_worker >>"$LOGS/worker-$n.log" 2>&1 &
        echo $! >"$RUN/worker-$n.pid"
    fi ;;
stop:worker | kill:worker) stop_pid "worker-$n" "$([ "$action" = kill ] && echo KILL || echo TERM)" ;;
start:nginx)
    mkdir -p "$TOPOLOGY_DIR/nginx"
    if [ ! -f "$TOPOLOGY_DIR/nginx/cert.pem" ]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
            -keyout "$TOPOLOGY_DIR/nginx/key.pem" -out "$TOPOLOGY_DIR/nginx/cert.pem" 2>/dev/null
    fi
    upstreams=""
    for port in $APP_PORTS; do
        upstreams+="        server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
    done
    sed -e "s#@DIR@#$TOPOLOGY_DIR#g" -e "s#@NGINX_PORT@#$NGINX_PORT#g" "$ROOT/ops/topology/nginx.conf.in" |
        awk -v up="$upstreams" '{ if ($0 == "@UPSTREAMS@") printf "%s", up; else print }' >"$TOPOLOGY_DIR/nginx/nginx.conf"
    alive nginx || nginx -c "$TOPOLOGY_DIR/nginx/nginx.conf" -p "$TOPOLOGY_DIR/nginx" -e "$LOGS/nginx-error.log"
    wait_port "$NGINX_PORT" 20 ;;
stop:nginx | kill:nginx) stop_pid nginx TERM ;;
*) echo "usage: $0 start|stop|kill postgres|redis|opensearch|s3proxy|smtp|nginx|app N|worker N|opensearch-node N" >&2; exit 2 ;;
esac
