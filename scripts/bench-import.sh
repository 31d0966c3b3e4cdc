#!/usr/bin/env bash
# Imports 100,000 companies with a contact each from an XLSX file into a fresh SQLite file and a
# fresh PostgreSQL database (targets: ≤ 10 s and ≤ 20 s, ≤ 300 MB peak), each holding a small
# demo department (its admin imports). Usage: bench-import.sh CLI OUT_DIR.
set -euo pipefail
cli="$1"
out="$2"
rows=100000
cargo build --release -p voronka-import --example make_clients
maker=target/release/examples/make_clients
[ -n "${CARGO_TARGET_DIR:-}" ] && maker="$CARGO_TARGET_DIR/release/examples/make_clients"
file="$out/clients-$rows.xlsx"
[ -f "$file" ] || "$maker" "$file" "$rows"

pg_admin="${VORONKA_TEST_PG:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
pg_db=voronka_bench_import
pg_url="${pg_admin%/*}/${pg_db}"
sqlite_file="$out/bench-import.db"

for backend in sqlite postgres; do
  if [ "$backend" = sqlite ]; then
    rm -f "$sqlite_file" "$sqlite_file-wal" "$sqlite_file-shm"
    url="sqlite:$sqlite_file"
  else
    psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" -c "CREATE DATABASE $pg_db"
    url="$pg_url"
  fi
  "$cli" --db "$url" demo --seed 3 --scale 10 --today 2026-11-01 >/dev/null
  echo "== importing $rows companies with a contact each into $backend (target: ≤ $([ "$backend" = sqlite ] && echo 10 || echo 20) s, ≤ 300 MB)"
  /usr/bin/time -f "%e s, %M KB peak" "$cli" --db "$url" import "$file" --kind companies 2>&1 | tail -4 \
    | tee "$out/bench-import-$backend.txt"
done
