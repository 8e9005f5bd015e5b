# Sourced by the topology scripts: where everything lives and which ports it uses. Every port and folder
# differs from the test services' (.ci/run: PostgreSQL 5432, Redis 6390, OpenSearch 9201-9203, S3Proxy 9400),
# so the topology and the test suite can run on one machine at once.
TOPOLOGY_DIR="${TOPOLOGY_DIR:-/tmp/hub-topology}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_PORT="${TOPOLOGY_PG_PORT:-5442}"
REDIS_PORT="${TOPOLOGY_REDIS_PORT:-6393}"
OS_HTTP_BASE="${TOPOLOGY_OS_HTTP_BASE:-9210}"          # nodes on 9211-9213
OS_TRANSPORT_BASE="${TOPOLOGY_OS_TRANSPORT_BASE:-9310}" # 9311-9313
OS_ADMIN_PORT="${TOPOLOGY_OS_ADMIN_PORT:-9298}"
S3_PORT="${TOPOLOGY_S3_PORT:-9410}"
NGINX_PORT="${TOPOLOGY_NGINX_PORT:-8090}"
APP_PORTS="${TOPOLOGY_APP_PORTS:-8091 8092}"           # one gunicorn server per port
APP_WORKERS="${TOPOLOGY_APP_WORKERS:-2}"                # gunicorn sync workers per server
WORKERS="${TOPOLOGY_WORKERS:-2}"                        # manage.py run_worker processes
SMTP_PORT="${TOPOLOGY_SMTP_PORT:-8025}"
PY="$ROOT/.venv/bin/python"
LOGS="$TOPOLOGY_DIR/logs"
RUN="$TOPOLOGY_DIR/run"      # pid files
PGDATA="$TOPOLOGY_DIR/postgres"
MAILDIR="$TOPOLOGY_DIR/mail"  # the SMTP recorder's messages, one .eml file each
PG_BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)/bin"
URL="https://127.0.0.1:$NGINX_PORT"

# The app servers' and workers' environment: production settings, every service of the topology.
app_env() {
    export DJANGO_SETTINGS_MODULE=hub.settings.production
    export SECRET_KEY="topology-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH"
    export ALLOWED_HOSTS="127.0.0.1,localhost"
    export BASE_URL="$URL"
    export CSRF_TRUSTED_ORIGINS="$URL"
    # nginx terminates TLS and adds the client's address; in front of it the load generator plays the CDN
    # that gives each simulated visitor an address of its own (two trusted proxies), so per-address rate
    # limits see many visitors, as in production, not one.
    export BEHIND_TLS_PROXY=1 TRUSTED_PROXY_COUNT=2 SECURE_HSTS_SECONDS=0 SECURE_HSTS_PRELOAD=0
    export DATABASE_URL="postgres://hub:hub@127.0.0.1:$PG_PORT/hub"
    export CACHE_URL="redis://127.0.0.1:$REDIS_PORT/0"
    export AWS_ACCESS_KEY_ID=hub-test-key AWS_SECRET_ACCESS_KEY=hub-test-secret
    export MEDIA_STORAGE_URL="s3://hub-media?endpoint=http://127.0.0.1:$S3_PORT&region=us-east-1"
    export PRIVATE_STORAGE_URL="s3://hub-private?endpoint=http://127.0.0.1:$S3_PORT&region=us-east-1"
    export SEARCH_URL="http://127.0.0.1:$((OS_HTTP_BASE + 1)),http://127.0.0.1:$((OS_HTTP_BASE + 2)),http://127.0.0.1:$((OS_HTTP_BASE + 3))"
    export SEARCH_INDEX_PREFIX=hub-topology
    export EMAIL_URL="smtp://127.0.0.1:$SMTP_PORT"
    export STATIC_ROOT="$TOPOLOGY_DIR/static"
    export WORKER_SCHEDULE_INTERVAL="${WORKER_SCHEDULE_INTERVAL:-10}"
    export LOG_LEVEL="${LOG_LEVEL:-WARNING}"
}
