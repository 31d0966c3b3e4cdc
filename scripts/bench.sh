#!/usr/bin/env bash
# Builds demo databases of SCALE deals on SQLite and PostgreSQL (once; reused while they exist)
# and runs `voronka-cli bench` on each. Figures go to OUT_DIR/bench-*.txt and the terminal.
set -euo pipefail
scale="${1:-300000}"
out="${2:-target/bench}"
mkdir -p "$out"
cargo build --release -p voronka-cli
cli=target/release/voronka-cli
[ -n "${CARGO_TARGET_DIR:-}" ] && cli="$CARGO_TARGET_DIR/release/voronka-cli"

pg_admin="${VORONKA_TEST_PG:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
pg_db="voronka_bench_${scale}"
pg_url="${pg_admin%/*}/${pg_db}"
sqlite_file="$out/bench-${scale}.db"
today=2026-11-01

if [ ! -f "$sqlite_file.done" ]; then
  rm -f "$sqlite_file" "$sqlite_file-wal" "$sqlite_file-shm"
  echo "== loading $scale deals into SQLite"
  /usr/bin/time -f "%e s, %M KB peak" "$cli" --db "sqlite:$sqlite_file" demo --seed 7 --scale "$scale" --today "$today"
  touch "$sqlite_file.done"
fi
# A database counts as loaded when it holds all the deals (an interrupted load does not).
if [ "$(psql "$pg_url" -qtAc "SELECT COUNT(*) FROM deals" 2>/dev/null || true)" != "$scale" ]; then
  psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" -c "CREATE DATABASE $pg_db"
  echo "== loading $scale deals into PostgreSQL"
  /usr/bin/time -f "%e s, %M KB peak" "$cli" --db "$pg_url" demo --seed 7 --scale "$scale" --today "$today"
  psql "$pg_url" -qc "ANALYZE"
fi

echo "== SQLite, $scale deals"
"$cli" --db "sqlite:$sqlite_file" bench | tee "$out/bench-sqlite.txt"
echo "== PostgreSQL, $scale deals"
"$cli" --db "$pg_url" bench | tee "$out/bench-postgres.txt"
