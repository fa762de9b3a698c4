#!/usr/bin/env bash
# Gateway benchmark (issue 6): against a Dengta started with ./run.sh (start the gateway with high rate
# limits, or the reads limit answers 429: DENGTA_RATE_READS=100000000 DENGTA_RATE_WRITES=100000000 ./run.sh),
# measures with wrk, 32 concurrent clients, BENCH_DURATION each:
#   1. gateway overhead: the same school list direct to schools-service and through the gateway,
#      alternating twice (direct, gateway, direct, gateway): throughput, p50, p99;
#   2. the region dashboard (GET /dashboard/v1/regions/320113?year=2024) with warm services: its parts are
#      kept by the gateway per caller scope for dengta.dashboard.cache.ttl (30 s), so with one token this is the
#      warm-cache figure; the summary gives the cache's hits and misses during the run and each part's age.
# Writes bench/gateway/out/results.md. Not a test: ./mvnw verify never runs it.
#
# Environment: DENGTA_GATEWAY_PORT (8080), DENGTA_SCHOOLS_PORT (8081), BENCH_DURATION (20s),
# BENCH_CONNECTIONS (32).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
GW=http://127.0.0.1:${DENGTA_GATEWAY_PORT:-8080}
SCHOOLS=http://127.0.0.1:${DENGTA_SCHOOLS_PORT:-8081}
DURATION=${BENCH_DURATION:-20s}
CONN=${BENCH_CONNECTIONS:-32}

[[ -f "$ROOT/.local/tokens.env" ]] || { echo "start Dengta first: ./run.sh" >&2; exit 1; }
# shellcheck disable=SC1091
source "$ROOT/.local/tokens.env"
for url in "$GW" "$SCHOOLS"; do
  curl -fsS "$url/q/health/ready" >/dev/null || { echo "not ready: $url" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$OUT"

path='/schools/v1/schools?region=320113&limit=20'
dash='/dashboard/v1/regions/320113?year=2024'
auth="Authorization: Bearer $TOKEN_ANALYST"
# the same answer both ways, and no 429 from the gateway's rate limit
for url in "$SCHOOLS$path" "$GW$path" "$GW$dash"; do
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H "$auth" "$url")
  [[ $code == 200 ]] || { echo "GET $url answered $code" >&2; exit 1; }
done

run() { # label url
  # wrk drops its connections at the end of a run; the gateway resets the calls those callers left in flight.
  # A pause lets that settle, so one run's end does not fail the next run's first requests (see the report:
  # a read on a service connection closed under it is a 502 and counts towards the route's breaker).
  sleep 1
  wrk -t$(( CONN < 2 ? 1 : 2 )) -c"$CONN" -d"$DURATION" --latency -H "$auth" "$2" > "$OUT/wrk-$1.txt"
  if grep -q 'Non-2xx' "$OUT/wrk-$1.txt"; then echo "$1: non-2xx answers (rate limit?)" >&2; grep 'Non-2xx' "$OUT/wrk-$1.txt" >&2; fi
}
pct() { awk -v p="$2" '$1 == p {print $2}' "$OUT/wrk-$1.txt"; }
rps() { awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$1.txt"; }
non2xx() { awk '/Non-2xx/ {print $5}' "$OUT/wrk-$1.txt"; }
ms() { # wrk duration (850.00us, 1.20ms, 1.02s) -> milliseconds
  awk -v d="$1" 'BEGIN { n = d + 0; if (d ~ /us$/) n /= 1000; else if (d ~ /ms$/) n += 0; else if (d ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# the gateway's dashboard cache counters (Prometheus text), to report hits and misses of the dashboard runs
cache_gets() { # result
  curl -fsS "$GW/q/metrics" | awk -v r="$1" '/^cache_gets_total\{/ && /cache="dashboard-parts"/ && $0 ~ "result=\"" r "\"" {s += $2} END {printf "%d", s}'
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Warm-up (5 s each way) ..."
wrk -t2 -c"$CONN" -d5s -H "$auth" "$SCHOOLS$path" >/dev/null
wrk -t2 -c"$CONN" -d5s -H "$auth" "$GW$path" >/dev/null
for round in 1 2; do
  echo "Round $round: direct, then gateway ($DURATION each, $CONN clients) ..."
  run "direct-$round" "$SCHOOLS$path"
  run "gateway-$round" "$GW$path"
done
# one client: the gateway's own cost per request, without the queueing of 32 clients on 2 cores
echo "One client: direct, then gateway ($DURATION each) ..."
CONN=1 run direct-c1 "$SCHOOLS$path"
CONN=1 run gateway-c1 "$GW$path"
echo "Dashboard (warm-up 5 s, then $DURATION) ..."
wrk -t2 -c"$CONN" -d5s -H "$auth" "$GW$dash" >/dev/null
hits0=$(cache_gets hit); misses0=$(cache_gets miss)
run dashboard "$GW$dash"
CONN=1 run dashboard-c1 "$GW$dash"
hits=$(( $(cache_gets hit) - hits0 )); misses=$(( $(cache_gets miss) - misses0 ))
ages=$(curl -fsS -H "$auth" "$GW$dash" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(", ".join("%s %s (age %ss)" % (k, v.get("status"), v.get("age")) for k, v in d.items() if isinstance(v, dict)))')
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); $(java -version 2>&1 | head -n 1)"
  echo "Load average (1, 5, 15 min): $load_start at start, $load_end at the end"
  echo
  echo "Runs: $CONN clients except *-c1 (one client)."
  echo
  echo "| run | req/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|"
  for r in direct-1 gateway-1 direct-2 gateway-2 direct-c1 gateway-c1 dashboard dashboard-c1; do
    echo "| $r | $(rps "$r") | $(pct "$r" 50%) | $(pct "$r" 99%) | $(non2xx "$r") |"
  done
  echo
  for round in 1 2 c1; do
    d50=$(ms "$(pct "direct-$round" 50%)"); g50=$(ms "$(pct "gateway-$round" 50%)")
    d99=$(ms "$(pct "direct-$round" 99%)"); g99=$(ms "$(pct "gateway-$round" 99%)")
    echo "Round $round: p50 added $(awk -v a="$g50" -v b="$d50" 'BEGIN{printf "%.2f", a-b}') ms, p99 added $(awk -v a="$g99" -v b="$d99" 'BEGIN{printf "%.2f", a-b}') ms, gateway/direct throughput $(awk -v a="$(rps "gateway-$round")" -v b="$(rps "direct-$round")" 'BEGIN{printf "%.2f", a/b}')"
  done
  echo
  echo "Dashboard parts from the gateway's cache during the dashboard runs: $hits hits, $misses misses (a miss reads the services)."
  echo "Dashboard parts after the runs: $ages"
} > "$OUT/results.md"
cat "$OUT/results.md"
