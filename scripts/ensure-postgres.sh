#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 for user `postgres`: installs it from
# Debian's packages when missing, starts a stopped cluster, and, on a fresh install whose local
# TCP login needs a password, gives `postgres` the password `postgres` (the test URL carries it;
# servers with trust auth ignore it).
set -euo pipefail

url="${VORONKA_TEST_PG:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi; }
answers() { psql "$url" -qtAc 'SELECT 1' >/dev/null 2>&1; }

if answers; then exit 0; fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "installing PostgreSQL"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi

version=$(ls /etc/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $4}' | grep -q online; then
  echo "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || as_root pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done

if ! answers; then
  as_postgres "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
fi
if ! answers; then
  echo "PostgreSQL runs but $url does not let us in; set VORONKA_TEST_PG to a URL that does" >&2
  exit 1
fi
