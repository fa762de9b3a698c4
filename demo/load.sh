#!/usr/bin/env bash
# Loads Dengta's demo data through the services' own APIs (the import endpoints integrators use), via the
# gateway. Called by ./run.sh on first start; safe to run again (imports are upserts: a replay says unchanged).
#
#   demo/load.sh GATEWAY_URL TOKEN_ADMIN [OUT_DIR]
#
# OUT_DIR (default .local/demo) receives the files demo/generate.py writes (deterministic).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GW=${1:?gateway URL}
TOKEN=${2:?admin token}
OUT=${3:-$ROOT/.local/demo}
AUTH="Authorization: Bearer $TOKEN"

say() { printf '%s\n' "$*"; }
counts() { { grep -oE '"(rows|created|updated|unchanged|rejected)":[0-9]+' || true; } | tr -d '"' | tr '\n' ' '; }

# import SERVICE_PATH FILE CONTENT_TYPE LABEL [async]: one streamed import, best-effort, report summarised.
# Large files go as jobs (Prefer: respond-async, 202 + Location), polled until the job completes.
import() {
  local report headers location
  if [[ "${5:-}" == async ]]; then
    headers=$(curl -sS -D - -o /dev/null -X POST -H "$AUTH" -H "Content-Type: $3" -H 'Prefer: respond-async' \
      --data-binary @"$2" "$GW$1" || true)
    location=$(printf '%s' "$headers" | tr -d '\r' | sed -n 's/^[Ll]ocation: *//p' | sed 's#^https\?://[^/]*##')
    report=""
    for _ in $(seq 1 600); do
      [[ -n "$location" ]] || break
      report=$(curl -sS -H "$AUTH" "$GW$location" || true)
      case $report in *'"status":"completed"'*|*'"status":"failed"'*) break ;; esac
      sleep 1
    done
  else
    report=$(curl -sS -X POST -H "$AUTH" -H "Content-Type: $3" --data-binary @"$2" "$GW$1" || true)
  fi
  local summary
  summary=$(printf '%s' "$report" | counts)
  say "  $4: ${summary:-no report: ${report:0:300}}"
}

command -v python3 >/dev/null || { say "demo/load.sh: python3 is needed to generate the demo data"; exit 1; }
python3 "$ROOT/demo/generate.py" "$OUT"

say "Registry (schools-service) ..."
for kind in schools teachers assignments school-years; do
  import "/schools/v1/imports/$kind?mode=best-effort" "$ROOT/schools-service/src/main/resources/samples/$kind.csv" \
    'text/csv; charset=UTF-8' "sample $kind"
done
for kind in schools school-years teachers assignments; do
  import "/schools/v1/imports/$kind?mode=best-effort" "$OUT/$kind.csv" 'text/csv; charset=UTF-8' "demo $kind" async
done
created=0
while IFS= read -r line; do
  code=$(printf '%s' "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')
  body=$(printf '%s' "$line" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["body"], ensure_ascii=False))')
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT -H "$AUTH" -H 'Content-Type: application/json' \
    --data-binary "$body" "$GW/schools/v1/construction-projects/$code" || true)
  case $status in 200|201) created=$((created + 1)) ;; *) say "  project $code: HTTP $status" ;; esac
done < "$OUT/projects.jsonl"
say "  construction projects: $created written"

say "Observations (indicators-service) ..."
import "/indicators/v1/imports?mode=best-effort" "$ROOT/indicators-service/src/main/resources/samples/observations.csv" \
  'text/csv; charset=UTF-8' "sample observations"
import "/indicators/v1/imports?mode=best-effort" "$OUT/observations.csv" 'text/csv; charset=UTF-8' \
  "benchmark group 2020-2024"
import "/indicators/v1/imports?mode=best-effort" "$OUT/plan-observations.csv" 'text/csv; charset=UTF-8' \
  "plan indicators"

say "Benchmark groups (indicators-service) ..."
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "$AUTH" -H 'Content-Type: application/json; charset=UTF-8' \
  -H 'Idempotency-Key: demo-benchmark-group-seed-000' \
  --data-binary @"$ROOT/indicators-service/src/main/resources/samples/benchmark-groups.json" "$GW/indicators/v1/benchmark-groups" || true)
say "  seed 000 group (Qixia; Longgang lighthouse; Xinwu, Taicang catch-up): HTTP $status (409: already there)"

say "Plans of the seed documents (targets-service) ..."
for f in "$ROOT"/targets-service/src/main/resources/samples/plans/*.json; do
  code=$(basename "$f" .json)
  report=$(curl -sS -X PUT -H "$AUTH" -H 'Content-Type: application/json' --data-binary @"$f" \
    "$GW/targets/v1/plans/$code/bundle" || true)
  summary=$(printf '%s' "$report" | { grep -oE '"(created|updated|unchanged|unverified)":[0-9]+' || true; } | tr -d '"' | tr '\n' ' ')
  say "  plan $code: ${summary:-${report:0:300}}"
done

say "Progress reports on some of Binhu's milestones, reviewed by its bureau ..."
# report PLAN TARGET PERIOD DONE COMMENT: a report submitted and accepted (Idempotency-Key: a re-run adds none)
report() {
  local id rid
  id=$(curl -sS -H "$AUTH" "$GW/targets/v1/plans/$1/targets/$2" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id",""))' || true)
  [[ -n "$id" ]] || { say "  $1/$2: no such target"; return; }
  rid=$(curl -sS -X POST -H "$AUTH" -H 'Content-Type: application/json' -H "Idempotency-Key: demo-report-$1-$2-$3" \
    --data-binary "{\"period\":\"$3\",\"done\":$4,\"comment\":\"$5\",\"evidenceUrl\":\"https://example.org/demo/$2\"}" \
    "$GW/targets/v1/targets/$id/reports" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id",""))' || true)
  [[ -n "$rid" ]] || { say "  $1/$2: report refused"; return; }
  curl -sS -o /dev/null -X POST -H "$AUTH" -H 'Content-Type: application/json' -H "Idempotency-Key: demo-review-$rid" \
    --data-binary '{"decision":"accepted","comment":"demo"}' "$GW/targets/v1/reports/$rid/review" || true
  say "  $1/$2: reported $([[ $4 == true ]] && echo done || echo 'under way') for $3"
}
report binhu-14th-five-year family-centre 2023 true "区家庭教育指导中心已挂牌运行 (synthetic-demo)"
report binhu-14th-five-year think-tank 2022 true "教育发展智库已组建 (synthetic-demo)"
report binhu-14th-five-year big-data-platform 2024 false "教育大数据平台一期建设中 (synthetic-demo)"
report binhu-14th-five-year study-travel-base 2024 false "研学实践基地选址完成 (synthetic-demo)"

say "Registry statistics published to indicators-service ..."
for region in 320113 320211; do
  for year in 2020 2021 2022 2023 2024; do
    report=$(curl -sS -X POST -H "$AUTH" "$GW/schools/v1/statistics/publish?region=$region&schoolYear=${year}Sep" || true)
    summary=$(printf '%s' "$report" | counts)
    say "  $region ${year}Sep: ${summary:-no report: ${report:0:200}}"
  done
done

say "Progress of every target recomputed (targets-service) ..."
report=$(curl -sS -X POST -H "$AUTH" "$GW/targets/v1/recompute" || true)
say "  ${report:0:300}"
