#!/usr/bin/env bash
# Start the machine's PostgreSQL 15 cluster if possible and make sure the `cop` role exists
# (allowed to create test databases). Exit 1 when no PostgreSQL can be started here.
set -u
command -v pg_ctlcluster >/dev/null || exit 1
if ! pg_lsclusters 2>/dev/null | grep -q "15 *main.*online"; then
  pg_ctlcluster 15 main start >/dev/null 2>&1 || exit 1
fi
for _ in $(seq 1 20); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 || exit 1
run_psql() { if [ "$(id -u)" = 0 ]; then su postgres -c "psql -qtAc \"$1\""; else psql -qtAc "$1" postgres; fi; }
if [ "$(run_psql "SELECT 1 FROM pg_roles WHERE rolname='cop'")" != "1" ]; then
  run_psql "CREATE ROLE cop LOGIN PASSWORD 'cop' CREATEDB SUPERUSER" >/dev/null || exit 1
fi
if [ "$(run_psql "SELECT 1 FROM pg_database WHERE datname='cop'")" != "1" ]; then
  run_psql "CREATE DATABASE cop OWNER cop" >/dev/null || exit 1
fi
exit 0
