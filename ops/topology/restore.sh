#!/usr/bin/env bash
# Restore a backup (ops/topology/backup.sh) into the running topology, replacing its database and objects.
#   ops/topology/restore.sh FOLDER
# App servers and workers are stopped while the database is replaced, then the search index is rebuilt
# from it and they start again.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/env.sh"
backup="$1"
[ -f "$backup/hub.dump" ] || { echo "restore: no $backup/hub.dump" >&2; exit 2; }
for pidfile in "$RUN"/worker-*.pid "$RUN"/app-*.pid; do
    [ -f "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid)
    "$HERE/ctl.sh" stop "${name%-*}" "${name##*-}"
done
# Through the topology's own socket folder, never a TCP port something else may hold.
[ -f "$PGDATA/postmaster.pid" ] || { echo "restore: the topology's PostgreSQL is not running" >&2; exit 2; }
su postgres -c "dropdb -h '$PGDATA' -p $PG_PORT --if-exists hub && createdb -h '$PGDATA' -p $PG_PORT -O hub hub"
cd "$ROOT" && app_env
pg_restore --no-owner --role=hub --exit-on-error --dbname "$DATABASE_URL" "$backup/hub.dump"
"$PY" "$HERE/buckets.py" load "$backup/buckets"
"$PY" manage.py migrate --noinput -v 0   # a backup from an older release: bring it up to this one
"$PY" manage.py search_index rebuild >"$LOGS/search-index.log"
n=0; for _ in $APP_PORTS; do n=$((n + 1)); "$HERE/ctl.sh" start app "$n"; done
for i in $(seq 1 "$WORKERS"); do "$HERE/ctl.sh" start worker "$i"; done
echo "restore: database and objects restored from $backup; search index rebuilt; app servers and workers started"
