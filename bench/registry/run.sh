#!/usr/bin/env bash
# Registry benchmark (issue 3): against a Dengta started with ./run.sh, loads a generated city and measures
#   1. teachers CSV import rate over HTTP vs raw PostgreSQL COPY of the same rows (ratio, same run);
#   2. filtered teacher list latency (p50/p99, 32 concurrent clients, wrk) vs a trivial endpoint of the
#      same service (ratio);
#   3. statistics for the whole city.
# Writes bench/registry/out/results.md. Not a test: ./mvnw verify never runs it.
#
# Usage: bench/registry/run.sh [--schools 3000] [--teachers 200000] [--years 10]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
SERVICE=http://127.0.0.1:${DENGTA_SCHOOLS_PORT:-8081}
PG_PORT=${DENGTA_PG_PORT:-54329}
CITY=320100
DURATION=${BENCH_DURATION:-30s}

[[ -f "$ROOT/.local/tokens.env" ]] || { echo "start Dengta first: ./run.sh" >&2; exit 1; }
# shellcheck disable=SC1091
source "$ROOT/.local/tokens.env"
curl -fsS "$SERVICE/q/health/ready" >/dev/null || { echo "schools-service is not ready at $SERVICE" >&2; exit 1; }
for tool in wrk bc; do
  if ! command -v "$tool" >/dev/null; then
    [[ $(id -u) -eq 0 ]] || { echo "install $tool (apt-get install $tool)" >&2; exit 1; }
    apt-get install -y -qq "$tool" >/dev/null
  fi
done
PSQL="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql"
psql_schools() { PGPASSWORD=dengta "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U dengta -d schools -qtAX "$@"; }
now() { date +%s.%N; }
auth=(-H "Authorization: Bearer $TOKEN_ADMIN")

mkdir -p "$OUT"
echo "Generating the city ..."
python3 "$HERE/generate_city.py" "$OUT" "$@"
teachers=$(( $(wc -l < "$OUT/teachers.csv") - 1 ))

echo "Creating the city's districts ..."
for d in 320102 320104 320105 320106 320111 320114 320115 320116 320117 320118; do
  curl -fsS -o /dev/null -X PUT "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"name\":\"基准区 $d\",\"level\":\"district\",\"parent\":\"320100\"}" "$SERVICE/schools/v1/regions/$d" || true
done

import() { # kind file content-type -> prints seconds
  local start end
  start=$(now)
  # as a job (files over 10 MB always are): the time includes the upload, the load and the polling
  curl -fsS -D "$OUT/$1-headers.txt" -o "$OUT/$1-report.json" -X POST "${auth[@]}" \
    -H "Content-Type: $3" -H "Prefer: respond-async" --data-binary @"$2" "$SERVICE/schools/v1/imports/$1?mode=best-effort"
  local job
  job=$(grep -i '^location:' "$OUT/$1-headers.txt" | tr -d '\r' | sed 's#.*/schools/v1/#/schools/v1/#')
  while :; do
    curl -fsS -o "$OUT/$1-report.json" "${auth[@]}" "$SERVICE$job"
    grep -q '"status":"completed"\|"status":"failed"' "$OUT/$1-report.json" && break
    sleep 1
  done
  end=$(now)
  echo "$end - $start" | bc
}
echo "Importing schools ..."
t_schools=$(import schools "$OUT/schools.csv" 'text/csv; charset=UTF-8')
echo "Importing school-year facts ..."
t_years=$(import school-years "$OUT/school-years.json" 'application/json')
echo "Importing $teachers teachers (CSV over HTTP) ..."
t_teachers=$(import teachers "$OUT/teachers.csv" 'text/csv; charset=UTF-8')
echo "Importing $teachers assignments ..."
t_assignments=$(import assignments "$OUT/assignments.csv" 'text/csv; charset=UTF-8')

echo "COPY of the same teacher rows into a scratch table ..."
cols=$(head -n 1 "$OUT/teachers.csv" | sed 's/,/ text,/g; s/$/ text/')
psql_schools -c "drop table if exists bench_teacher_copy" -c "create table bench_teacher_copy ($cols)"
start=$(now)
psql_schools -c "\\copy bench_teacher_copy from '$OUT/teachers.csv' with (format csv, header true)"
end=$(now)
t_copy=$(echo "$end - $start" | bc)
psql_schools -c "drop table bench_teacher_copy"

echo "Latency under 32 concurrent clients ($DURATION each) ..."
list_url="$SERVICE/schools/v1/teachers?region=$CITY&degree=master&limit=50"
trivial_url="$SERVICE/schools/v1/regions/320113"
wrk -t2 -c32 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN_ADMIN" "$list_url" > "$OUT/wrk-list.txt"
wrk -t2 -c32 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN_ADMIN" "$trivial_url" > "$OUT/wrk-trivial.txt"
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }

echo "City statistics ..."
stats=()
for _ in 1 2 3 4 5; do
  stats+=("$(curl -fsS -o /dev/null -w '%{time_total}' "${auth[@]}" "$SERVICE/schools/v1/statistics?region=$CITY&schoolYear=2024Sep" || echo NA)")
done

rate=$(echo "scale=0; $teachers / $t_teachers" | bc)
copy_rate=$(echo "scale=0; $teachers / $t_copy" | bc)
cat > "$OUT/results.md" <<MD
Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); $(java -version 2>&1 | head -n 1); PostgreSQL $("$PSQL" --version | awk '{print $3}')
Data: $(( $(wc -l < "$OUT/schools.csv") - 1 )) schools, $teachers teachers, school-year facts $(grep -o '"schoolYear"' "$OUT/school-years.json" | wc -l)

| measure | figure |
|---|---|
| schools import (CSV, HTTP) | ${t_schools}s |
| school-year facts import (JSON, HTTP) | ${t_years}s |
| teachers import (CSV, HTTP) | ${t_teachers}s = $rate rows/s |
| assignments import (CSV, HTTP) | ${t_assignments}s |
| raw COPY of the teacher rows | ${t_copy}s = $copy_rate rows/s |
| import / COPY | $(echo "scale=3; $rate / $copy_rate" | bc) |
| filtered teacher list, 32 clients | p50 $(pct "$OUT/wrk-list.txt" 50%), p99 $(pct "$OUT/wrk-list.txt" 99%), $(rps "$OUT/wrk-list.txt") req/s |
| trivial endpoint (GET a region), 32 clients | p50 $(pct "$OUT/wrk-trivial.txt" 50%), p99 $(pct "$OUT/wrk-trivial.txt" 99%), $(rps "$OUT/wrk-trivial.txt") req/s |
| city statistics ($CITY, 2024Sep), 5 calls | ${stats[*]} s |
MD
cat "$OUT/results.md"
