#!/usr/bin/env bash
# Runs Dengta locally: a PostgreSQL cluster under .local/ (kept between runs), the three services and
# the gateway, with a development token issuer, and the demo data. Ctrl-C stops everything it started.
# ./run.sh --tour also walks through the demo story (demo/tour.py) once everything is up.
#
# Environment (all optional): DENGTA_PG_PORT (54329), DENGTA_GATEWAY_PORT (8080), DENGTA_SCHOOLS_PORT
# (8081), DENGTA_INDICATORS_PORT (8082), DENGTA_TARGETS_PORT (8083), PG_BIN (folder of initdb/pg_ctl),
# JAVA_HOME.
set -euo pipefail

TOUR=false
case "${1:-}" in
  --tour) TOUR=true ;;
  "") ;;
  *) echo "usage: ./run.sh [--tour]   (--tour: walk through the demo story once everything is up)" >&2; exit 2 ;;
esac

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LOCAL="$ROOT/.local"
PGDATA="$LOCAL/postgres"
LOGS="$LOCAL/logs"
ISSUER_DIR="$LOCAL/dev-issuer"
LOCK="$LOCAL/run.pid"
PG_PORT=${DENGTA_PG_PORT:-54329}
GATEWAY_PORT=${DENGTA_GATEWAY_PORT:-8080}
SCHOOLS_PORT=${DENGTA_SCHOOLS_PORT:-8081}
INDICATORS_PORT=${DENGTA_INDICATORS_PORT:-8082}
TARGETS_PORT=${DENGTA_TARGETS_PORT:-8083}
DB_USER=dengta
DB_PASSWORD=dengta
ISSUER=dengta-local-dev
SERVICES=(schools-service indicators-service targets-service gateway)

say() { printf '%s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

mkdir -p "$LOCAL" "$LOGS"

# --- one instance at a time -----------------------------------------------------------------------
if [[ -f "$LOCK" ]] && kill -0 "$(cat "$LOCK")" 2>/dev/null; then
  die "Dengta is already running (run.sh pid $(cat "$LOCK")). Stop it with Ctrl-C in its terminal, or: kill $(cat "$LOCK")"
fi
for port in "$PG_PORT" "$GATEWAY_PORT" "$SCHOOLS_PORT" "$INDICATORS_PORT" "$TARGETS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is already in use by another program; free it or choose other ports (see the top of run.sh)"
  fi
done
echo $$ > "$LOCK"

# --- prerequisites ---------------------------------------------------------------------------------
command -v java >/dev/null || [[ -n "${JAVA_HOME:-}" ]] || die "no Java found: install JDK 17 or newer"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v openssl >/dev/null || die "openssl is needed for the development token issuer (apt-get install openssl)"
command -v curl >/dev/null || die "curl is needed to wait for the services (apt-get install curl)"

find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; return; fi
}
PG_BIN=$(find_pg_bin)
[[ -n "$PG_BIN" && -x "$PG_BIN/pg_ctl" ]] || die "PostgreSQL server binaries not found: install PostgreSQL 15+ (Debian: apt-get install postgresql) or set PG_BIN"

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres OS user.
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user (it comes with the postgresql package)"
  mkdir -p "$PGDATA"
  chown postgres "$PGDATA"
  runuser -u postgres -- test -w "$PGDATA" || die "the postgres OS user cannot write $PGDATA: run from a folder every user can traverse, or as a normal user"
fi

# --- stop everything on exit ---------------------------------------------------------------------
PIDS=()
cleanup() {
  trap - INT TERM EXIT
  say ""
  say "Stopping Dengta..."
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -f "$PGDATA/postmaster.pid" ]]; then as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true; fi
  rm -f "$LOCK"
  say "Stopped."
}
trap cleanup INT TERM EXIT

# --- build what is missing -----------------------------------------------------------------------
needs_build=false
for svc in "${SERVICES[@]}"; do
  jar="$ROOT/$svc/target/quarkus-app/quarkus-run.jar"
  if [[ ! -f "$jar" ]] || [[ -n $(find "$ROOT/$svc/src/main" "$ROOT/commons/src/main" "$ROOT/pom.xml" "$ROOT/$svc/pom.xml" -newer "$jar" -type f -print -quit) ]]; then
    needs_build=true
  fi
done
if $needs_build; then
  say "Building (./mvnw install, tests skipped), output in .local/logs/build.log ..."
  (cd "$ROOT" && ./mvnw -B -Dmaven.test.skip=true install > "$LOGS/build.log" 2>&1) || { tail -n 40 "$LOGS/build.log"; die "the build failed; see .local/logs/build.log"; }
fi

# --- PostgreSQL --------------------------------------------------------------------------------------
if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
  say "Creating a PostgreSQL cluster in .local/postgres ..."
  pwfile=$(mktemp)
  printf '%s' "$DB_PASSWORD" > "$pwfile"
  chmod 644 "$pwfile"
  as_pg "$PG_BIN/initdb" -D "$PGDATA" -U "$DB_USER" --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C >"$LOGS/initdb.log" 2>&1 \
    || { rm -f "$pwfile"; cat "$LOGS/initdb.log"; die "initdb failed"; }
  rm -f "$pwfile"
fi
if [[ $(id -u) -eq 0 ]]; then touch "$LOGS/postgres.log"; chown postgres "$LOGS/postgres.log"; fi
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 \
  -o "-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1" start >/dev/null \
  || { tail -n 20 "$LOGS/postgres.log"; die "PostgreSQL did not start"; }

psql_admin() { PGPASSWORD=$DB_PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d postgres -qtAX "$@"; }
for db in schools indicators targets; do
  if [[ -z $(psql_admin -c "select 1 from pg_database where datname = '$db'") ]]; then
    psql_admin -c "create database $db" >/dev/null
  fi
done

# --- development token issuer ------------------------------------------------------------------------
mkdir -p "$ISSUER_DIR"
chmod 700 "$ISSUER_DIR"
if [[ ! -f "$ISSUER_DIR/private.pem" ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$ISSUER_DIR/private.pem" 2>/dev/null
  openssl pkey -in "$ISSUER_DIR/private.pem" -pubout -out "$ISSUER_DIR/public.pem"
fi
DEV_PUBLIC_KEY=$(grep -v -- '-----' "$ISSUER_DIR/public.pem" | tr -d '\n')

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# token SUBJECT CLIENT ROLES_JSON [REGION_JSON] [SCHOOL_JSON]: an RS256 JWT valid for 12 hours
token() {
  local now exp header payload signature
  now=$(date +%s); exp=$((now + 43200))
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$ISSUER" | b64url)
  payload=$(printf '{"iss":"%s","sub":"%s","preferred_username":"%s","azp":"%s","groups":%s%s%s,"iat":%d,"exp":%d}' \
    "$ISSUER" "$1" "$1" "$2" "$3" "${4:+,\"region\":$4}" "${5:+,\"school\":$5}" "$now" "$exp" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$ISSUER_DIR/private.pem" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
TOKEN_ADMIN=$(token admin dengta-console '["platform-admin"]')
TOKEN_ANALYST=$(token qixia-analyst dengta-console '["bureau-analyst"]' '["320113"]')
TOKEN_CLERK=$(token qixia-clerk dengta-console '["school-clerk"]' '' '["3201130001"]')
TOKEN_FEED=$(token nanjing-city-feed nanjing-city-feed '["data-feed"]' '["320100"]')
TOKEN_VIEWER=$(token qixia-viewer dengta-console '["viewer"]' '["320113"]')
TOKEN_BINHU=$(token binhu-analyst dengta-console '["bureau-analyst"]' '["320211"]')
TOKEN_CATALOG=$(token catalog-admin dengta-console '["catalog-admin"]')
# targets-service's own token: recomputation and its poll of indicators-service's change feed read every region
TOKEN_TARGETS_SERVICE=$(token targets-service targets-service '["platform-admin"]')
cat > "$LOCAL/tokens.env" <<EOF
# Development tokens printed by ./run.sh (valid 12 hours, trusted only by the local profile)
TOKEN_ADMIN=$TOKEN_ADMIN
TOKEN_ANALYST=$TOKEN_ANALYST
TOKEN_CLERK=$TOKEN_CLERK
TOKEN_FEED=$TOKEN_FEED
TOKEN_VIEWER=$TOKEN_VIEWER
TOKEN_BINHU=$TOKEN_BINHU
TOKEN_CATALOG=$TOKEN_CATALOG
EOF

# --- services ------------------------------------------------------------------------------------------
export DENGTA_DEV_PUBLIC_KEY="$DEV_PUBLIC_KEY"
export DENGTA_DB_USER="$DB_USER" DENGTA_DB_PASSWORD="$DB_PASSWORD"
export DENGTA_SCHOOLS_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/schools"
export DENGTA_INDICATORS_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/indicators"
export DENGTA_TARGETS_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/targets"
export DENGTA_SCHOOLS_URL="http://127.0.0.1:$SCHOOLS_PORT"
export DENGTA_INDICATORS_URL="http://127.0.0.1:$INDICATORS_PORT"
export DENGTA_TARGETS_URL="http://127.0.0.1:$TARGETS_PORT"
export DENGTA_TARGETS_SERVICE_TOKEN="$TOKEN_TARGETS_SERVICE"

port_of() {
  case $1 in
    schools-service) echo "$SCHOOLS_PORT" ;; indicators-service) echo "$INDICATORS_PORT" ;;
    targets-service) echo "$TARGETS_PORT" ;; gateway) echo "$GATEWAY_PORT" ;;
  esac
}
for svc in "${SERVICES[@]}"; do
  "$JAVA" -Dquarkus.profile=local -Dquarkus.http.port="$(port_of "$svc")" \
    -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" > "$LOGS/$svc.log" 2>&1 &
  PIDS+=("$!")
done

say "Starting services (logs in .local/logs/) ..."
for i in "${!SERVICES[@]}"; do
  svc=${SERVICES[$i]}; port=$(port_of "$svc")
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then tail -n 30 "$LOGS/$svc.log"; die "$svc stopped while starting; see .local/logs/$svc.log"; fi
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 || die "$svc did not become ready; see .local/logs/$svc.log"
  say "  $svc ready on http://127.0.0.1:$port"
done

# --- demo data (synthetic, labelled synthetic-demo), through the same import APIs integrators use --------
# Loaded on first start, and again whenever the demo generator or loader changed (imports are upserts).
DEMO_STAMP="$LOCAL/demo-loaded"
demo_version=$(cat "$ROOT/demo/generate.py" "$ROOT/demo/load.sh" | cksum | cut -d' ' -f1)
if [[ "${DENGTA_SKIP_DEMO:-}" != 1 && "$(cat "$DEMO_STAMP" 2>/dev/null)" != "$demo_version" ]]; then
  say "Loading demo data (once; log in .local/logs/demo.log) ..."
  if "$ROOT/demo/load.sh" "http://127.0.0.1:$GATEWAY_PORT" "$TOKEN_ADMIN" "$LOCAL/demo" > "$LOGS/demo.log" 2>&1; then
    echo "$demo_version" > "$DEMO_STAMP"
    sed 's/^/  /' "$LOGS/demo.log"
  else
    tail -n 20 "$LOGS/demo.log"; say "  (demo data incomplete; the services keep running)"
  fi
fi

cat <<EOF

Dengta is running.

  Gateway (use this):  http://127.0.0.1:$GATEWAY_PORT
  Swagger UI:          http://127.0.0.1:$SCHOOLS_PORT/q/swagger-ui   (schools-service)
                       http://127.0.0.1:$INDICATORS_PORT/q/swagger-ui   (indicators-service)
                       http://127.0.0.1:$TARGETS_PORT/q/swagger-ui   (targets-service)
  Health:              http://127.0.0.1:$GATEWAY_PORT/q/health/ready
  PostgreSQL:          127.0.0.1:$PG_PORT (user $DB_USER, password $DB_PASSWORD; databases schools, indicators, targets)

Tokens for the demo personas (valid 12 hours; also in .local/tokens.env):

  platform admin                         TOKEN_ADMIN=$TOKEN_ADMIN

  Qixia bureau analyst (region 320113)   TOKEN_ANALYST=$TOKEN_ANALYST

  Qixia school clerk (school 3201130001) TOKEN_CLERK=$TOKEN_CLERK

  Nanjing city data feed (region 320100) TOKEN_FEED=$TOKEN_FEED

  viewer (region 320113)                 TOKEN_VIEWER=$TOKEN_VIEWER

  Binhu bureau analyst (region 320211)   TOKEN_BINHU=$TOKEN_BINHU

  catalog admin                          TOKEN_CATALOG=$TOKEN_CATALOG

Try:

  source .local/tokens.env
  curl -s -H "Authorization: Bearer \$TOKEN_ANALYST" 'http://127.0.0.1:$GATEWAY_PORT/schools/v1/regions?parent=320100'
  curl -s -H "Authorization: Bearer \$TOKEN_ANALYST" http://127.0.0.1:$GATEWAY_PORT/schools/v1/regions/320113
  curl -s -H "Authorization: Bearer \$TOKEN_ANALYST" 'http://127.0.0.1:$GATEWAY_PORT/schools/v1/schools?region=320113&stage=primary'
  curl -s -H "Authorization: Bearer \$TOKEN_CLERK" http://127.0.0.1:$GATEWAY_PORT/schools/v1/schools/3201130001
  curl -s -H "Authorization: Bearer \$TOKEN_FEED" 'http://127.0.0.1:$GATEWAY_PORT/schools/v1/changes?after=0&limit=5'

Press Ctrl-C to stop.
EOF

if $TOUR; then python3 "$ROOT/demo/tour.py" "http://127.0.0.1:$GATEWAY_PORT" || true; fi

wait
