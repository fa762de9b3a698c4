#!/usr/bin/env bash
# Targets benchmark (issue 5): against a Dengta started with ./run.sh (with high gateway rate limits:
# DENGTA_RATE_READS=100000000 DENGTA_RATE_WRITES=100000000 DENGTA_RATE_IMPORTS=100000 ./run.sh; and,
# for a recompute timing the feed poller cannot pre-empt, DENGTA_PROGRESS_FEED_POLL=off), measures:
#   1. GET /targets/v1/plans/bench-01/progress (200 targets over 20 regions, 5 years of observations),
#      through the gateway, wrk with 32 concurrent clients, upstreams warm: p50/p99, req/s, for the default
#      answer (each target without its chart points), ?include=points (the full answer, as before),
#      ?fields=summary (roll-ups only) and a revalidation with If-None-Match (304);
#   2. POST /targets/v1/recompute over BENCH_PLANS plans x 200 targets after a feed (a 2025 value for each
#      of the 200 series, so every target's actuals change), then again with nothing changed.
# Data: generate.py (20 benchmark districts 320150..320169 of Nanjing, 10 region-level indicators).
# Writes bench/targets/out/results.md. Not a test: ./mvnw verify never runs it.
#
# Environment: DENGTA_GATEWAY_PORT (8080), DENGTA_TARGETS_PORT (8083), BENCH_DURATION (20s),
# BENCH_PLANS (50: 10,000 targets), BENCH_CACHE_WAIT (65 s: longer than targets-service's 60 s read cache).
# Smoke scale: BENCH_PLANS=2 BENCH_DURATION=5s BENCH_CACHE_WAIT=1 bench/targets/run.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
GW=http://127.0.0.1:${DENGTA_GATEWAY_PORT:-8080}
TARGETS=http://127.0.0.1:${DENGTA_TARGETS_PORT:-8083}
DURATION=${BENCH_DURATION:-20s}
PLANS=${BENCH_PLANS:-50}
CACHE_WAIT=${BENCH_CACHE_WAIT:-65}

[[ -f "$ROOT/.local/tokens.env" ]] || { echo "start Dengta first: ./run.sh" >&2; exit 1; }
# shellcheck disable=SC1091
source "$ROOT/.local/tokens.env"
for url in "$GW" "$TARGETS"; do
  curl -fsS "$url/q/health/ready" >/dev/null || { echo "not ready: $url" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
auth="Authorization: Bearer $TOKEN_ADMIN"
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
counts() { { grep -oE '"(rows|created|updated|unchanged|rejected|unverified|targets|statusChanges|unavailable)":[0-9]+' || true; } | tr -d '"' | tr '\n' ' '; }

mkdir -p "$OUT"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Generating $PLANS plans of 200 targets ..."
python3 "$HERE/generate.py" "$OUT/data" "$PLANS" "$(date +%s)"

echo "Creating the 20 benchmark districts ..."
while read -r code; do
  curl -fsS -o /dev/null -X PUT -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"name\":\"基准区 $code\",\"level\":\"district\",\"parent\":\"320100\"}" "$GW/schools/v1/regions/$code"
done < "$OUT/data/regions.txt"

echo "Importing observations (20 regions x 10 indicators x 2020-2024) ..."
report=$(curl -fsS -X POST -H "$auth" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary @"$OUT/data/observations.csv" "$GW/indicators/v1/imports?mode=best-effort")
echo "  $(printf '%s' "$report" | counts)"

put_plan() { # code -> summary
  curl -fsS --max-time 600 -X PUT -H "$auth" -H 'Content-Type: application/json' \
    --data-binary @"$OUT/data/plans/$1.json" "$GW/targets/v1/plans/$1/bundle" | counts
}
echo "Plan bench-01 (bundle of 200 targets) ..."
start=$(now); s=$(put_plan bench-01); t_bundle=$(since "$start"); echo "  $s in ${t_bundle}s"
curl -fsS -o /dev/null --max-time 600 -X POST -H "$auth" "$TARGETS/targets/v1/recompute?plan=bench-01"

progress="$GW/targets/v1/plans/bench-01/progress"
code=$(curl -sS -o "$OUT/progress-bench-01.json" -w '%{http_code}' -H "$auth" "$progress")
[[ $code == 200 ]] || { echo "GET $progress answered $code" >&2; exit 1; }
etag=$(curl -fsS -D - -o /dev/null -H "$auth" "$progress" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
[[ -n $etag ]] || { echo "GET $progress has no ETag" >&2; exit 1; }
size() { curl -fsS -o /dev/null -w '%{size_download}' -H "$auth" "$1"; }
declare -A bytes
bytes[default]=$(size "$progress"); bytes[points]=$(size "$progress?include=points"); bytes[summary]=$(size "$progress?fields=summary")
bytes[revalidate]=0
# wrk_run name url [extra header]: warm-up 5 s, then the timed run at 32 clients
wrk_run() {
  local name=$1 url=$2; shift 2
  wrk -t2 -c32 -d5s -H "$auth" "$@" "$url" >/dev/null
  wrk -t2 -c32 -d"$DURATION" --latency -H "$auth" "$@" "$url" > "$OUT/wrk-progress-$name.txt"
}
echo "Plan progress, $DURATION at 32 clients each: default, include=points, fields=summary, If-None-Match ..."
# the JIT first: 10 s of each variant before any is timed, or whichever runs first pays for the warm-up
for variant in "" "?include=points" "?fields=summary"; do
  wrk -t2 -c32 -d10s -H "$auth" "$progress$variant" >/dev/null
done
wrk_run default "$progress"
wrk_run points "$progress?include=points"
wrk_run summary "$progress?fields=summary"
wrk_run revalidate "$progress" -H "If-None-Match: $etag"
single=()
for _ in 1 2 3 4 5; do single+=("$(curl -fsS -o /dev/null -w '%{time_total}' -H "$auth" "$progress")"); done
reval_code=$(curl -sS -o /dev/null -w '%{http_code}' -H "$auth" -H "If-None-Match: $etag" "$progress")

echo "Plans bench-02..bench-$(printf '%02d' "$PLANS") ..."
start=$(now)
for p in $(seq 2 "$PLANS"); do put_plan "bench-$(printf '%02d' "$p")" >/dev/null; done
t_plans=$(since "$start")
echo "  in ${t_plans}s"
echo "First recompute of every target ..."
start=$(now); r0=$(curl -fsS --max-time 3600 -X POST -H "$auth" "$TARGETS/targets/v1/recompute" | counts); t_r0=$(since "$start")
echo "  $r0 in ${t_r0}s"

echo "The feed: 2025 observations for the 200 series ..."
report=$(curl -fsS -X POST -H "$auth" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary @"$OUT/data/feed.csv" "$GW/indicators/v1/imports?mode=best-effort")
echo "  $(printf '%s' "$report" | counts)"
# targets-service caches what it reads from indicators-service for 60 s: wait it out, or the recompute
# still sees the values before the feed (the feed poller, when on, recomputes on its own).
echo "Waiting ${CACHE_WAIT}s for targets-service's read cache to expire ..."
sleep "$CACHE_WAIT"
echo "Recompute after the feed ..."
start=$(now); r1=$(curl -fsS --max-time 3600 -X POST -H "$auth" "$TARGETS/targets/v1/recompute" | counts); t_r1=$(since "$start")
echo "  $r1 in ${t_r1}s"
echo "Recompute again, nothing changed ..."
start=$(now); r2=$(curl -fsS --max-time 3600 -X POST -H "$auth" "$TARGETS/targets/v1/recompute" | counts); t_r2=$(since "$start")
echo "  $r2 in ${t_r2}s"
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
targets_total=$((PLANS * 200))
cat > "$OUT/results.md" <<MD
Date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); $(java -version 2>&1 | head -n 1)
Load average (1, 5, 15 min): $load_start at start, $load_end at the end

| measure | figure |
|---|---|
| bundle PUT of plan bench-01 (200 targets, via gateway) | ${t_bundle}s |
$(for v in default points summary revalidate; do
  f="$OUT/wrk-progress-$v.txt"
  non2xx=$(awk '/Non-2xx/ {print $5}' "$f")
  echo "| plan progress bench-01 ($v: ${bytes[$v]} bytes), 32 clients, $DURATION, via gateway | p50 $(pct "$f" 50%), p99 $(pct "$f" 99%), $(awk '/Requests\/sec/ {print $2}' "$f") req/s${non2xx:+, $non2xx non-2xx or 3xx} |"
done)
| plan progress bench-01 (default), 5 single calls | ${single[*]} s |
| revalidation with If-None-Match | HTTP $reval_code |
| bundles bench-02..$PLANS ($((PLANS - 1)) x 200 targets) | ${t_plans}s |
| first recompute, $targets_total bench targets | ${t_r0}s ($r0) |
| recompute after the feed (and the cache wait), $targets_total bench targets | ${t_r1}s ($r1) |
| recompute, nothing changed | ${t_r2}s ($r2) |
MD
cat "$OUT/results.md"
