#!/usr/bin/env bash
# Observation import benchmark (issue 4, "Scale"): against a Dengta started with ./run.sh, in one run
#   1. generates ROWS observations (50 indicators; Jiangsu's regions and generated schools; 10 years) as CSV,
#      the same rows as JSON, and the same rows in the observation table's columns (import_gen.py);
#   2. imports the CSV over HTTP through the gateway as a province data feed (a job: 202, then polled);
#   3. replays the same CSV (every row unchanged: nothing written);
#   4. imports the JSON over HTTP (after removing the CSV's rows);
#   5. loads the same rows with raw PostgreSQL COPY into the same observation table (same indexes);
# and prints rows/s and the ratios import/COPY (goal >= 0.5) and first load/replay (goal >= 2).
# Before each load the benchmark's own rows (source synthetic-bench) are deleted and the table vacuumed, so
# every load starts from the table as it was (demo data, if any, stays); they are deleted again at the end.
# The journal (change feed, audit trail) of the benchmark's writes stays, as for any write.
# Writes bench/indicators/out/import/results.md. Not a test: ./mvnw verify never runs it.
#
# Usage: bench/indicators/import.sh [--rows 1000000]      (ports: the DENGTA_*_PORT variables of run.sh)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out/import"
GATEWAY=http://127.0.0.1:${DENGTA_GATEWAY_PORT:-8080}
PG_PORT=${DENGTA_PG_PORT:-54329}
ROWS=1000000
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    *) echo "usage: bench/indicators/import.sh [--rows 1000000]" >&2; exit 2 ;;
  esac
done

KEY="$ROOT/.local/dev-issuer/private.pem"
[[ -f "$KEY" ]] || { echo "start Dengta first: ./run.sh (the benchmark signs its feed token with its development issuer)" >&2; exit 1; }
curl -fsS "$GATEWAY/q/health/ready" >/dev/null || { echo "the gateway is not ready at $GATEWAY" >&2; exit 1; }
command -v bc >/dev/null || { [[ $(id -u) -eq 0 ]] && apt-get install -y -qq bc >/dev/null; } || { echo "install bc" >&2; exit 1; }
PSQL="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql"
[[ -x "$PSQL" ]] || PSQL=psql
psql_ind() { PGPASSWORD=dengta "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U dengta -d indicators -qtAX "$@"; }
now() { date +%s.%N; }

# a data feed for the whole province (region 320000), signed like run.sh's demo tokens (valid 2 hours)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() {
  local iat exp header payload
  iat=$(date +%s); exp=$((iat + 7200))
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"dengta-local-dev"}' | b64url)
  payload=$(printf '{"iss":"dengta-local-dev","sub":"bench-import-feed","preferred_username":"bench-import-feed","azp":"bench-import-feed","groups":["data-feed"],"region":["320000"],"iat":%d,"exp":%d}' \
    "$iat" "$exp" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEY" | b64url)"
}
TOKEN=$(token)

mkdir -p "$OUT"
echo '*' > "$OUT/.gitignore" # generated files and results: the figures go to docs/performance.md
echo "Generating $ROWS observations ..."
python3 "$HERE/import_gen.py" "$OUT" "$ROOT/indicators-service/src/main/resources/reference-data/indicators.csv" \
  "$ROOT/schools-service/src/main/resources/reference-data/regions.csv" --rows "$ROWS"

empty() { # removes the benchmark's rows, so the next load starts from the table as it was
  psql_ind -c "delete from observation where source = 'synthetic-bench'" -c "vacuum analyze observation"
}

import() { # name file content-type -> prints seconds (upload, load and polling: the client's view)
  local start end job status
  start=$(now)
  curl -fsS -D "$OUT/$1-headers.txt" -o "$OUT/$1-job.json" -X POST -H "Authorization: Bearer $TOKEN" \
    -H "Content-Type: $3" -H "Prefer: respond-async" --data-binary @"$2" "$GATEWAY/indicators/v1/imports"
  job=$(grep -i '^location:' "$OUT/$1-headers.txt" | tr -d '\r' | sed 's#.*/indicators/v1/#/indicators/v1/#')
  while :; do
    curl -fsS -o "$OUT/$1-report.json" -H "Authorization: Bearer $TOKEN" "$GATEWAY$job"
    status=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$OUT/$1-report.json")
    [[ $status == completed || $status == failed ]] && break
    sleep 0.25
  done
  end=$(now)
  python3 - "$OUT/$1-report.json" "$ROWS" >&2 <<'PY'
import json, sys
job = json.load(open(sys.argv[1])); r = job.get("report") or {}
print(f"  {job['status']}: {r.get('status')} created {r.get('created')} updated {r.get('updated')} "
      f"unchanged {r.get('unchanged')} rejected {r.get('rejected')} {job.get('error') or ''}")
if job["status"] != "completed" or r.get("status") != "applied" or r.get("rows") != int(sys.argv[2]) or r.get("rejected"):
    print("  the import did not apply every row: see " + sys.argv[1]); sys.exit(1)
PY
  echo "$end - $start" | bc
}

echo "Removing earlier benchmark rows ..."
empty
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "Importing the CSV over HTTP ..."
t_csv=$(import csv "$OUT/observations.csv" 'text/csv; charset=UTF-8')
echo "Replaying the same CSV ..."
t_replay=$(import replay "$OUT/observations.csv" 'text/csv; charset=UTF-8')
grep -q "\"unchanged\":$ROWS" "$OUT/replay-report.json" || { echo "the replay changed rows: $OUT/replay-report.json" >&2; exit 1; }

empty
echo "Importing the JSON over HTTP ..."
t_json=$(import json "$OUT/observations.json" 'application/json')

empty
echo "COPY of the same rows into the observation table ..."
start=$(now)
psql_ind -c "\\copy observation (indicator_code, unit_code, unit_type, region_code, period_code, period_type, period_start, period_end, stage, value, numerator, denominator, status, source, comment, version, created_at, updated_at) from '$OUT/observations.copy.csv' with (format csv, force_not_null (stage))"
end=$(now)
t_copy=$(echo "$end - $start" | bc)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Removing the benchmark rows ..."
empty

rate() { echo "scale=0; $ROWS / $1" | bc; }
ratio() { echo "scale=2; $1 / $2" | bc; }
cat > "$OUT/results.md" <<MD
Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); $(java -version 2>&1 | head -n 1); PostgreSQL $("$PSQL" --version | awk '{print $3}')
Load average before / after: $load_before / $load_after
Data: $ROWS observations (50 indicators, Jiangsu regions and generated schools, 10 years), CSV $(du -m "$OUT/observations.csv" | cut -f1) MB, JSON $(du -m "$OUT/observations.json" | cut -f1) MB

| load | seconds | rows/s | vs COPY |
|---|---|---|---|
| CSV import over HTTP (gateway, job, atomic) | $t_csv | $(rate "$t_csv") | $(ratio "$t_copy" "$t_csv") |
| replay of the same CSV (all unchanged) | $t_replay | $(rate "$t_replay") | $(ratio "$t_copy" "$t_replay") |
| JSON import over HTTP (gateway, job, atomic) | $t_json | $(rate "$t_json") | $(ratio "$t_copy" "$t_json") |
| raw COPY of the same rows (psql \\copy) | $t_copy | $(rate "$t_copy") | 1 |

CSV import / COPY: $(ratio "$t_copy" "$t_csv") (goal >= 0.5); JSON import / COPY: $(ratio "$t_copy" "$t_json") (goal >= 0.5);
replay speed-up over the first CSV load: $(ratio "$t_csv" "$t_replay") (goal >= 2)
MD
cat "$OUT/results.md"
