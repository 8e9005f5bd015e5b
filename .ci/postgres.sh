#!/usr/bin/env bash
# Start PostgreSQL from Debian's packages on 127.0.0.1:5432 with a "hub" role that may create
# test databases. Prints the DATABASE_URL to use. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q -h 127.0.0.1" && break
    sleep 1
done
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='hub'\"" | grep -q 1 ||
    su postgres -c "psql -q -c \"CREATE ROLE hub LOGIN SUPERUSER PASSWORD 'hub'\""
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='hub'\"" | grep -q 1 ||
    su postgres -c "createdb -O hub hub"
echo "postgres://hub:hub@127.0.0.1:5432/hub"
