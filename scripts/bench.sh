#!/usr/bin/env bash
# Builds demo databases of SCALE deals on SQLite and PostgreSQL (once; reused while they exist)
# and runs `voronka-cli bench` on each, then the XLSX export of 100,000 rows and ABC/XYZ's
# streamed export from each database. Figures go to OUT_DIR/bench-*.txt and the terminal.
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
  # Vacuumed, so the report indexes are read without visiting the table (index-only scans).
  psql "$pg_url" -qc "VACUUM ANALYZE"
fi

echo "== SQLite, $scale deals"
"$cli" --db "sqlite:$sqlite_file" bench | tee "$out/bench-sqlite.txt"
echo "== PostgreSQL, $scale deals"
"$cli" --db "$pg_url" bench | tee "$out/bench-postgres.txt"
# The same, signed in as the head's and a manager's own logins, under row-level security.
scripts/bench-team.sh "$cli" "$pg_url" "$out"

echo "== XLSX export of 100,000 payment-plan rows (targets: ≤ 1.5 s, ≤ 100 MB peak)"
cargo build --release -p voronka-xlsx --example bench_export
export_bin=target/release/examples/bench_export
[ -n "${CARGO_TARGET_DIR:-}" ] && export_bin="$CARGO_TARGET_DIR/release/examples/bench_export"
/usr/bin/time -f "%e s, %M KB peak" "$export_bin" 100000 "$out/bench_export.xlsx" 2>&1 | tee "$out/bench-xlsx.txt"

# The one report whose rows grow with the database, exported end to end from each backend: its
# clients stream from the database into the file.
for backend in sqlite postgres; do
  url="sqlite:$sqlite_file"
  [ "$backend" = postgres ] && url="$pg_url"
  echo "== ABC/XYZ of 2026-05-05 to 2026-10-31 exported from $backend"
  /usr/bin/time -f "%e s, %M KB peak" "$cli" --db "$url" report abc-xyz --from 2026-05-05 --to 2026-10-31 \
    --at 2026-11-01T12:00:00Z --xlsx "$out/abc-xyz-$backend.xlsx" 2>&1 | tee "$out/bench-abc-xyz-$backend.txt"
done

# Importing a department's client list from Excel.
scripts/bench-import.sh "$cli" "$out"
