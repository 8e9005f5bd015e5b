#!/usr/bin/env bash
# Back up the topology: the database (pg_dump, custom format) and both buckets, into one folder.
#   ops/topology/backup.sh [FOLDER]   (default $TOPOLOGY_DIR/../hub-topology-backup; prints the folder)
# The search index is not backed up: it is rebuilt from the database (search_index rebuild) on restore.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/env.sh"
backup="${1:-$TOPOLOGY_DIR-backup}"
# Only ever replace an earlier backup of this script's (its marker file): never whatever folder was named.
if [ -e "$backup" ] && [ -n "$(ls -A "$backup" 2>/dev/null)" ] && [ ! -f "$backup/.hub-topology-backup" ]; then
    echo "backup: $backup exists and is not a topology backup; name a new or empty folder" >&2
    exit 2
fi
rm -rf "$backup" && mkdir -p "$backup" && touch "$backup/.hub-topology-backup"
cd "$ROOT" && app_env
pg_dump --format=custom --no-owner --file "$backup/hub.dump" "$DATABASE_URL"
"$PY" "$HERE/buckets.py" dump "$backup/buckets" >&2
echo "backup: database $(du -h "$backup/hub.dump" | cut -f1), $(find "$backup/buckets" -type f | wc -l) objects" >&2
echo "$backup"
