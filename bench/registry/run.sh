#!/usr/bin/env bash
# Registry benchmark (issue 3): against a Dengta started with ./run.sh, loads a generated city and measures
#   1. teachers CSV import rate over HTTP vs raw PostgreSQL COPY of the same rows (ratio, same run);
#   2. filtered teacher list latency (p50/p99, 32 concurrent clients, wrk) vs a trivial endpoint of the
#      same service (ratio);
#   3. statistics for the whole city.
# Writes bench/registry/out/results.md. Not a test: ./mvnw verify never runs it.
#
# Usage: bench/registry/run.sh [--schools 3000] [--teachers 200000] [--years 10]
# Environment: DENGTA_SCHOOLS_PORT / DENGTA_PG_PORT as for ./run.sh; BENCH_DURATION (wrk run, default 30s);
# BENCH_LOAD=direct loads the teachers and assignments straight into the database (load_direct.sql: the rows the
# import API would store) instead of importing them over HTTP, so the list and statistics figures do not wait for
# the import (its rate is then not measured).
# BENCH_ONLY=import: only the teachers import, its replay and the COPY comparisons (no facts, lists, statistics).
# BENCH_ASSIGNMENTS=1: import the assignments over HTTP too (still row by row: ~300 rows/s, long at 200,000);
# otherwise they are loaded directly (load_direct.sql) after the timed teachers import, for the lists and statistics.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
SERVICE=http://127.0.0.1:${DENGTA_SCHOOLS_PORT:-8081}
PG_PORT=${DENGTA_PG_PORT:-54329}
CITY=320100
DURATION=${BENCH_DURATION:-30s}
ONLY=${BENCH_ONLY:-}

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
    sleep 0.2
  done
  end=$(now)
  echo "$end - $start" | bc
}
counts() { # the job report's counts, e.g. "created 200000, updated 0, unchanged 0, rejected 0"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])).get("report") or {}; print(", ".join("%s %s" % (k, r.get(k)) for k in ("created","updated","unchanged","rejected")))' "$1"
}
timed_psql() { local start end; start=$(now); psql_schools "$@" >/dev/null; end=$(now); echo "$end - $start" | bc; }
load_direct() { # what: teachers (with their assignments) or assignments
  sed "s#@DIR@#$OUT#g" "$HERE/load_direct.sql" | psql_schools -v load_teachers="$([[ $1 == teachers ]] && echo on || echo off)" >/dev/null
}
echo "Importing schools ..."
t_schools=$(import schools "$OUT/schools.csv" 'text/csv; charset=UTF-8')
t_years=""
if [[ -z $ONLY ]]; then
  echo "Importing school-year facts ..."
  t_years=$(import school-years "$OUT/school-years.json" 'application/json')
fi
t_teachers=""
t_assignments=""
if [[ "${BENCH_LOAD:-api}" == direct ]]; then
  echo "Loading $teachers teachers and their assignments directly (BENCH_LOAD=direct) ..."
  start=$(now)
  load_direct teachers
  end=$(now)
  t_direct=$(echo "$end - $start" | bc)
else
  # the teachers import is measured creating every teacher: earlier bench teachers (and their assignments) go first
  echo "Removing the teachers of an earlier run ..."
  psql_schools -c "delete from assignment where teacher_code like 'BENCH-%'" -c "delete from teacher where staff_code like 'BENCH-%'"
  psql_schools -c "vacuum analyze teacher" -c "vacuum analyze teacher_honour"
  echo "Importing $teachers teachers (CSV over HTTP) ..."
  t_teachers=$(import teachers "$OUT/teachers.csv" 'text/csv; charset=UTF-8')
  c_teachers=$(counts "$OUT/teachers-report.json")
  echo "  $c_teachers"
  echo "Importing the same $teachers teachers again (every row unchanged) ..."
  t_replay=$(import teachers "$OUT/teachers.csv" 'text/csv; charset=UTF-8')
  c_replay=$(counts "$OUT/teachers-report.json")
  echo "  $c_replay"
  if [[ -n ${BENCH_ASSIGNMENTS:-} ]]; then
    echo "Importing $teachers assignments ..."
    t_assignments=$(import assignments "$OUT/assignments.csv" 'text/csv; charset=UTF-8')
  elif [[ -z $ONLY ]]; then
    echo "Loading the assignments directly (set BENCH_ASSIGNMENTS=1 to import them) ..."
    load_direct assignments
  fi

  echo "COPY of the same teacher rows into a scratch table (all text, no index) ..."
  cols=$(head -n 1 "$OUT/teachers.csv" | sed 's/,/ text,/g; s/$/ text/')
  psql_schools -c "drop table if exists bench_teacher_copy" -c "create table bench_teacher_copy ($cols)"
  t_copy=$(timed_psql -c "\\copy bench_teacher_copy from '$OUT/teachers.csv' with (format csv, header true)")
  psql_schools -c "drop table bench_teacher_copy"
  echo "COPY of the same teachers, as stored, into a table LIKE teacher INCLUDING ALL (its indexes and checks) ..."
  psql_schools -c "\\copy (select * from teacher where staff_code like 'BENCH-%' order by staff_code) to '$OUT/teacher-rows.csv' with (format csv)"
  psql_schools -c "drop table if exists bench_teacher_like" -c "create table bench_teacher_like (like teacher including all)"
  t_copy_like=$(timed_psql -c "\\copy bench_teacher_like from '$OUT/teacher-rows.csv' with (format csv)")
  psql_schools -c "drop table bench_teacher_like"
  rm -f "$OUT/teacher-rows.csv"
fi
load_imports=$(cut -d' ' -f1-3 /proc/loadavg)

ms() { # wrk's latency percentile p of a file, in ms
  awk -v p="$2" '$1 == p {v = $2; if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms/, "", v)}
                  else if (v ~ /s$/) {sub(/s/, "", v); v *= 1000}; printf "%.1f", v}' "$1"
}
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' "$1"; }
ratio() { printf '%.2f' "$(echo "scale=3; $1 / $2" | bc)"; }
secs() { printf '%.1f' "$1"; }

if [[ -z $ONLY ]]; then
# --- list and statistics ------------------------------------------------------------------------
echo "Latency under 32 concurrent clients ($DURATION each, after a 5 s warm-up) ..."
# the issue's filtered list (admin: no scope filter), a district analyst's honour filter sorted by name (scope
# through employing school or current assignment, EXISTS on honours), and the trivial endpoint of the same service
lists=(
  "list-issue|$TOKEN_ADMIN|/schools/v1/teachers?region=$CITY&degree=master&limit=50"
  "list-analyst|$TOKEN_ANALYST|/schools/v1/teachers?honour=key-teacher&sort=name&limit=50"
)
declare -A path_of
for entry in "${lists[@]}" "trivial|$TOKEN_ADMIN|/schools/v1/regions/320113"; do
  IFS='|' read -r name token path <<<"$entry"
  path_of[$name]=$path
  url="$SERVICE$path"
  # a wrong answer is not a latency: every measured URL must answer 200 first
  code=$(curl -sS -o "$OUT/$name.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
  [[ "$code" == 200 ]] || { echo "$url answered $code" >&2; cat "$OUT/$name.json" >&2; exit 1; }
  wrk -t2 -c32 -d5s --timeout 10s -H "Authorization: Bearer $token" "$url" > /dev/null
  wrk -t2 -c32 -d"$DURATION" --timeout 10s --latency -H "Authorization: Bearer $token" "$url" > "$OUT/wrk-$name.txt"
done
echo "City statistics ($CITY, 2024Sep; 1 warm-up call, then 5) ..."
stats_url="$SERVICE/schools/v1/statistics?region=$CITY&schoolYear=2024Sep"
curl -fsS -o "$OUT/statistics.json" "${auth[@]}" "$stats_url"
stats=()
for _ in 1 2 3 4 5; do
  stats+=("$(curl -fsS -o /dev/null -w '%{time_total}' "${auth[@]}" "$stats_url")")
done
stats_median=$(printf '%s\n' "${stats[@]}" | sort -n | sed -n 3p)
load=$(cut -d' ' -f1-3 /proc/loadavg)
fi

if [[ -n "$t_teachers" ]]; then
  rate=$(echo "scale=0; $teachers / $t_teachers" | bc)
  replay_rate=$(echo "scale=0; $teachers / $t_replay" | bc)
  copy_rate=$(echo "scale=0; $teachers / $t_copy" | bc)
  copy_like_rate=$(echo "scale=0; $teachers / $t_copy_like" | bc)
  import_rows="| teachers import (CSV, HTTP, job; $c_teachers) | $(secs "$t_teachers") s = $rate rows/s |
| the same file again ($c_replay) | $(secs "$t_replay") s = $replay_rate rows/s |
| assignments import (CSV, HTTP) | ${t_assignments:-not measured (BENCH_ASSIGNMENTS unset)} |
| raw COPY of the teacher rows into a scratch table (text columns, no index) | $(secs "$t_copy") s = $copy_rate rows/s |
| raw COPY of the same teachers, as stored, into a table LIKE teacher INCLUDING ALL | $(secs "$t_copy_like") s = $copy_like_rate rows/s |
| import / COPY (scratch) | $(echo "scale=3; $rate / $copy_rate" | bc) (goal >= 0.30) |
| import / COPY (LIKE teacher) | $(echo "scale=3; $rate / $copy_like_rate" | bc) (goal >= 0.30) |"
else
  import_rows="| teachers + assignments loaded directly (BENCH_LOAD=direct; import not measured) | $(secs "$t_direct") s |"
fi
list_rows=""
analysis_rows=""
if [[ -z $ONLY ]]; then
  for name in list-issue list-analyst; do
    f="$OUT/wrk-$name.txt"
    list_rows+="| \`${path_of[$name]}\` ($([[ $name == list-issue ]] && echo admin || echo 'analyst of 320113')), 32 clients | p50 $(ms "$f" 50%) ms, p99 **$(ms "$f" 99%) ms**, $(rps "$f") req/s $(errors "$f")| p50 $(ratio "$(ms "$f" 50%)" "$(ms "$OUT/wrk-trivial.txt" 50%)")x, p99 $(ratio "$(ms "$f" 99%)" "$(ms "$OUT/wrk-trivial.txt" 99%)")x, throughput $(ratio "$(rps "$f")" "$(rps "$OUT/wrk-trivial.txt")")x |
"
  done
  analysis_rows="${list_rows}| trivial endpoint (GET a region), 32 clients | p50 $(ms "$OUT/wrk-trivial.txt" 50%) ms, p99 $(ms "$OUT/wrk-trivial.txt" 99%) ms, $(rps "$OUT/wrk-trivial.txt") req/s | 1x |
| city statistics ($CITY, 2024Sep), 5 calls | median **$(secs "$stats_median") s** ($(for t in "${stats[@]}"; do secs "$t"; echo -n ' '; done)s) (goal < 2 s) | |"
fi
cat > "$OUT/results.md" <<MD
Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); $(java -version 2>&1 | head -n 1); PostgreSQL $("$PSQL" --version | awk '{print $3}'); load average after the imports: $load_imports; at the end: $(cut -d' ' -f1-3 /proc/loadavg)
Data: $(( $(wc -l < "$OUT/schools.csv") - 1 )) schools, $teachers teachers, school-year facts $(grep -o '"schoolYear"' "$OUT/school-years.json" | wc -l)

| measure | figure | vs trivial endpoint |
|---|---|---|
| schools import (CSV, HTTP) | $(secs "$t_schools") s | |
| school-year facts import (JSON, HTTP) | ${t_years:+$(secs "$t_years") s} | |
$(sed 's/$/ |/' <<<"$import_rows")
${analysis_rows}

Goals: import >= 0.30 of COPY; lists p99 < 50 ms at 32 clients; city statistics < 2 s.
MD
cat "$OUT/results.md"
