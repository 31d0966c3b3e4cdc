#!/usr/bin/env bash
# Row-level security's cost: `voronka-cli bench` on the PostgreSQL bench database signed in as
# its head's own login and as a manager's, then the two side by side against the targets of
# team mode. Usage: bench-team.sh CLI PG_URL OUT_DIR.
#
# The logins are made once with `team add-user --email` (the database's owner acting for its
# admin). Their connection cards are kept in OUT_DIR: these are the throwaway bench database's
# logins, never a teammate's.
set -euo pipefail
cli="$1"
pg_url="$2"
out="$3"
base="${pg_url%/*}"
db="${pg_url##*/}"
hostport="${base#*@}"

# A field of a connection card (`team add-user --json` prints one per line).
field() { sed -n "s/^ *\"$1\": \"\(.*\)\",\{0,1\}$/\1/p" "$2"; }

login_url() {
  local role="$1" card="$out/login-$role.json"
  if [ ! -s "$card" ] || [ -z "$(psql "$pg_url" -qtAc "SELECT 1 FROM pg_roles WHERE rolname = '$(field login "$card")'")" ]; then
    local email
    email=$(psql "$pg_url" -qtAc "SELECT email FROM users WHERE role = '$role' AND active = 1
      AND login IS NULL AND deleted_at IS NULL ORDER BY id LIMIT 1")
    [ -n "$email" ] || { echo "no $role without a login in $db" >&2; exit 1; }
    (umask 077; "$cli" --db "$pg_url" team add-user --email "$email" --json >"$card")
  fi
  echo "postgres://$(field login "$card"):$(field password "$card")@$hostport/$db"
}

for role in head manager; do
  echo "== PostgreSQL as the $role's own login"
  "$cli" --db "$(login_url "$role")" bench | tee "$out/bench-postgres-$role.txt"
done

# Both runs side by side. The day's operations (p95): a manager's within 1.3x of the head's and
# within the bench's own targets; each report (best of its runs): a manager's within 300 ms.
echo "== a manager's figures against the head's"
awk '
  BEGIN { target["quick search"] = 50; target["deal list page (owner + stage)"] = 10; target["company card"] = 10 }
  FNR == 1 { file++ }
  /^(quick search|deal list page|company card)/ {
    name = substr($0, 1, 32); sub(/ +$/, "", name); split(substr($0, 33), f, " ")
    v[file, name] = f[2]; if (file == 1) order[++n] = name; next
  }
  /^reports over/ { span = $3; next }
  span != "" && NF >= 6 && $2 ~ /^[0-9.]+$/ {
    name = $1 " (from " span ")"; v[file, name] = $2; if (file == 1) order[++n] = name
  }
  END {
    printf "%-40s %10s %10s %7s  %-22s verdict\n", "operation", "head ms", "manager", "ratio", "target"
    for (i = 1; i <= n; i++) {
      k = order[i]; h = v[1, k]; m = v[2, k]; r = (h > 0) ? m / h : 0
      if (k in target) {
        goal = sprintf("<= 1.3x, <= %d ms", target[k]); ok = (r <= 1.3 && m <= target[k])
      } else {
        goal = "<= 300 ms"; ok = (m <= 300)
      }
      printf "%-40s %10.2f %10.2f %7.2f  %-22s %s\n", k, h, m, r, goal, ok ? "ok" : "OVER"
    }
  }' "$out/bench-postgres-head.txt" "$out/bench-postgres-manager.txt" | tee "$out/bench-postgres-rls.txt"
