#!/usr/bin/env bash
# Restore drill: for each Dengta database, take a pg_dump (custom format), restore it into a fresh database on
# the same server, and check that every table has the same number of rows as the source and that the Flyway
# version is the same. The restored copies are dropped afterwards (KEEP=1 keeps them). Exits non-zero when a
# count differs or a step fails.
#
#   PGHOST=pg PGPORT=5432 PGUSER=dengta PGPASSWORD=... deploy/scripts/restore-drill.sh [database ...]
#
# Databases default to: schools indicators targets. The user needs CREATEDB (the owner of the databases has it
# in ./run.sh and with CloudNativePG's initdb owner; otherwise run it as a superuser). PG_BIN names the folder of
# pg_dump/pg_restore/psql (their major version must be at least the server's); DUMP_DIR keeps the dumps
# (default: a temporary folder, removed). Against ./run.sh: PGHOST=127.0.0.1 PGPORT=54329 PGUSER=dengta
# PGPASSWORD=dengta. Counts are exact: run it on a quiet database, a replica or a staging copy; if the source
# changes while the drill runs, it says so instead of comparing.
set -euo pipefail

find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/pg_dump" ]]; then echo "$dir"; return; fi
  dirname "$(command -v pg_dump)"
}
PG_BIN=$(find_pg_bin)
for tool in pg_dump pg_restore psql; do
  [[ -x "$PG_BIN/$tool" ]] || { echo "restore-drill: $tool not found (set PG_BIN)" >&2; exit 2; }
done
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-dengta}

DATABASES=("$@")
[[ ${#DATABASES[@]} -gt 0 ]] || DATABASES=(schools indicators targets)
WORK=${DUMP_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
SUFFIX="restore_drill_$(date +%Y%m%d%H%M%S)"
COPIES=()

cleanup() {
  if [[ "${KEEP:-0}" != 1 ]]; then
    for copy in "${COPIES[@]}"; do
      "$PG_BIN/psql" -qtAX -d postgres -c "drop database if exists \"$copy\" with (force)" >/dev/null 2>&1 || true
    done
  fi
  if [[ -z "${DUMP_DIR:-}" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

sql() { "$PG_BIN/psql" -qtAX -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# "schema.table count" for every table outside the system schemas, sorted
counts() {
  local db=$1 tables t
  tables=$(sql "$db" "select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
                      where schemaname not in ('pg_catalog', 'information_schema') order by 1")
  for t in $tables; do
    printf '%s %s\n' "$t" "$(sql "$db" "select count(*) from $t")"
  done
}

flyway_version() {
  sql "$1" "select coalesce(max(version::text), '-') from (select version from flyway_schema_history
            where success and version is not null order by installed_rank desc limit 1) v" 2>/dev/null || echo "-"
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

failed=0
printf '%-12s %7s %10s %10s %8s %8s %9s  %s\n' database tables rows dump_MB dump_s restore_s version result
for db in "${DATABASES[@]}"; do
  copy="${db}_${SUFFIX}"
  before=$(counts "$db")
  t0=$(now)
  "$PG_BIN/pg_dump" --format=custom --no-owner --file="$WORK/$db.dump" "$db"
  t1=$(now)
  after=$(counts "$db")
  sql postgres "create database \"$copy\"" >/dev/null
  COPIES+=("$copy")
  t2=$(now)
  "$PG_BIN/pg_restore" --no-owner --exit-on-error --dbname="$copy" "$WORK/$db.dump"
  t3=$(now)
  restored=$(counts "$copy")
  tables=$(printf '%s\n' "$restored" | grep -c . || true)
  rows=$(printf '%s\n' "$restored" | awk '{ s += $2 } END { print s + 0 }')
  size=$(awk -v b="$(stat -c %s "$WORK/$db.dump")" 'BEGIN { printf "%.1f", b / 1048576 }')
  version_source=$(flyway_version "$db")
  version_copy=$(flyway_version "$copy")
  if [[ "$before" != "$after" ]]; then
    result="SOURCE CHANGED during the dump: rerun on a quiet database"
    failed=1
  elif [[ "$restored" != "$before" ]]; then
    result="MISMATCH: $(diff <(printf '%s\n' "$before") <(printf '%s\n' "$restored") | grep '^[<>]' | head -n 5 | tr '\n' ' ')"
    failed=1
  elif [[ "$version_source" != "$version_copy" ]]; then
    result="FLYWAY VERSION differs: $version_source vs $version_copy"
    failed=1
  else
    result="ok"
  fi
  printf '%-12s %7s %10s %10s %8s %8s %9s  %s\n' "$db" "$tables" "$rows" "$size" "$(elapsed "$t0" "$t1")" \
    "$(elapsed "$t2" "$t3")" "$version_copy" "$result"
done
exit $failed
