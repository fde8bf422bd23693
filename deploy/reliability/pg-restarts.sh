#!/usr/bin/env bash
# PostgreSQL restarted under the whole platform, $RESTARTS times in a row (docs/reliability.md, "Services after a
# PostgreSQL restart"). The sandbox, scheduler-service, ml-service and api-service run against one throw-away
# cluster. Before each restart every service's connection pool is filled by concurrent requests (what a busy
# instance keeps idle); then PostgreSQL is stopped (pg_ctl -m fast, as a restart does), its routes are asked once
# while it is down, and it is started again. From the moment it accepts connections, each service's
# /q/health/ready is polled until UP, and the scheduler until it holds its leader lock again. Writes a markdown table (per
# service: the time to ready after each restart, median, max) and the answers seen while PostgreSQL was down to
# $OUT/pg-restarts.md, and prints it.
#
#   deploy/reliability/pg-restarts.sh     # RESTARTS=10 PG_PORT=5720 SCHEDULER_PORT=8720 ML_PORT=8721 API_PORT=8722
#                                         # SANDBOX_PORT=8723 OUT=/tmp/kmarket-pg-restarts
#
# Needs the PostgreSQL 15 binaries (KMARKET_PG_BIN), JDK 25 (JAVA_HOME) and curl. Builds the services if needed.
set -euo pipefail
PG_PORT=${PG_PORT:-5720}
# shellcheck source=deploy/reliability/lib.sh
. "$(dirname "$0")/lib.sh"

RESTARTS=${RESTARTS:-10}
SCHEDULER=${SCHEDULER_PORT:-8720}
ML=${ML_PORT:-8721}
API=${API_PORT:-8722}
SANDBOX_PORT=${SANDBOX_PORT:-8723}
OUT=${OUT:-/tmp/kmarket-pg-restarts}
SANDBOX=http://localhost:$SANDBOX_PORT
# Give up on a service after this long (the promise is 10 s; a miss is recorded, not fatal).
GIVE_UP_MS=60000
NO_SUCH_RUN=00000000-0000-0000-0000-00000000d0d0
mkdir -p "$OUT"

ensure_built scheduler-service ml-service api-service deploy/sandbox
start_postgres

start_sandbox "$SANDBOX_PORT"

# As ./kmarket up: every source at the sandbox, with random credentials (it accepts any); no first-start backfill (it would
# only slow the machine down; what is measured is the return of the pools and of the leader).
mapfile -t SOURCES < <(sandbox_sources "$SANDBOX")
start_app scheduler-service "$SCHEDULER" kmarket_scheduler KMARKET_JOBS_FIRST_START_ENABLED=false \
    KMARKET_ML_URL="http://127.0.0.1:$ML" "${SOURCES[@]}"
# The scheduler owns market and ops, ml-service reads market: one after the other, as ./kmarket up starts them.
wait_until 180000 is_role "$SCHEDULER" leader || die "scheduler-service never led"
start_app ml-service "$ML" kmarket_ml
wait_until 180000 ready "$ML" || die "ml-service never became ready"
start_app api-service "$API" kmarket_api KMARKET_ML_URL="http://127.0.0.1:$ML"
wait_until 180000 ready "$API" || die "api-service never became ready"
log "platform up: scheduler $SCHEDULER, ml $ML, api $API, sandbox $SANDBOX_PORT, PostgreSQL $PG_PORT"

# 40 concurrent requests per service: more than a pool's 20 connections, so each pool ends up full and idle.
fill_pools() {
    {
        for _ in $(seq 40); do
            echo "http://localhost:$API/api/v1/stocks"
            echo "http://localhost:$ML/internal/runs/$NO_SUCH_RUN"
            echo "http://localhost:$SCHEDULER/internal/jobs/runs?limit=5"
        done
    } | xargs -P 40 -n 1 curl -s -o /dev/null --max-time 10 -H "X-Internal-Token: $TOKEN" || true
}

# "status retry-after content-type" of one request, e.g. "503 5 application/problem+json".
answer() { # curl arguments...
    curl -s -o /dev/null -D - --max-time 10 -H "X-Internal-Token: $TOKEN" "$@" | tr -d '\r' | awk '
        NR == 1 { status = $2 } tolower($1) == "retry-after:" { retry = $2 } tolower($1) == "content-type:" { type = $2; sub(/;$/, "", type) }
        END { printf "%s %s %s", status, (retry == "" ? "-" : retry), (type == "" ? "-" : type) }'
}

# What callers get while PostgreSQL is down: each route of the list, one line "name: answer".
DOWN_ROUTES=(
    "api GET /api/v1/stocks|http://localhost:$API/api/v1/stocks"
    "api GET /api/v1/stocks/005930/prices|http://localhost:$API/api/v1/stocks/005930/prices"
    "api POST /api/v1/reports (forwarded to ml-service)|-X POST -H Content-Type:application/json -d {\"code\":\"005930\"} http://localhost:$API/api/v1/reports"
    "ml GET /internal/runs/{id}|http://localhost:$ML/internal/runs/$NO_SUCH_RUN"
    "ml POST /internal/reports|-X POST -H Content-Type:application/json -d {\"code\":\"005930\"} http://localhost:$ML/internal/reports"
    "scheduler GET /internal/jobs|http://localhost:$SCHEDULER/internal/jobs"
    "scheduler GET /internal/jobs/runs|http://localhost:$SCHEDULER/internal/jobs/runs"
    "api /q/health/ready|http://localhost:$API/q/health/ready"
    "ml /q/health/ready|http://localhost:$ML/q/health/ready"
    "scheduler /q/health/ready|http://localhost:$SCHEDULER/q/health/ready"
)
declare -A DOWN_SEEN
ask_while_down() {
    local entry name args
    for entry in "${DOWN_ROUTES[@]}"; do
        name=${entry%%|*}
        read -r -a args <<<"${entry#*|}"
        DOWN_SEEN[$name]="${DOWN_SEEN[$name]:-} $(answer "${args[@]}" | tr ' ' '/')"
    done
}

# The scheduler says it leads and PostgreSQL agrees: the restart ended every session, so a granted advisory lock on
# the leader key is one taken again since (the role alone may still be the one from before the restart).
LOCK_KEY=4242001
leading_again() {
    is_role "$SCHEDULER" leader && [ "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
        AND classid = 0 AND objid = $LOCK_KEY" 2>/dev/null)" = 1 ]
}

declare -A TIMES
for i in $(seq 1 "$RESTARTS"); do
    fill_pools
    pg_down
    ask_while_down
    pg_up
    t0=$(now_ms)
    declare -A at=()
    while [ ${#at[@]} -lt 4 ] && [ $(( $(now_ms) - t0 )) -lt $GIVE_UP_MS ]; do
        for port in "$SCHEDULER" "$ML" "$API"; do
            [ -n "${at[$port]:-}" ] || ! ready "$port" || at[$port]=$(( $(now_ms) - t0 ))
        done
        [ -n "${at[leader]:-}" ] || ! leading_again || at[leader]=$(( $(now_ms) - t0 ))
        sleep 0.1
    done
    for key in "$SCHEDULER" "$ML" "$API" leader; do
        TIMES[$key]="${TIMES[$key]:-} ${at[$key]:-$GIVE_UP_MS}"
    done
    log "restart $i: ready after scheduler ${at[$SCHEDULER]:-never} ms, ml ${at[$ML]:-never} ms," \
        "api ${at[$API]:-never} ms; scheduler leads after ${at[leader]:-never} ms"
    unset at
done

running=$(sql "SELECT count(*) FROM ops.job_runs WHERE status = 'running'")
row() { # label key
    local -a values
    local listed
    read -r -a values <<<"${TIMES[$2]}"
    read -r median max <<<"$(median_max "${values[@]}")"
    printf -v listed '%s, ' "${values[@]}"
    printf '| %s | %s | %s | %s |\n' "$1" "${listed%, }" "$median" "$max"
}
{
    echo "PostgreSQL restarted $RESTARTS times ($(date -u +%FT%TZ)); milliseconds from PostgreSQL accepting connections"
    echo "again (pg_ctl start -w returned) until /q/health/ready answered 200, polled every 0.1 s ($GIVE_UP_MS = never):"
    echo
    echo "| service | after each restart (ms) | median | max |"
    echo "|---|---|---|---|"
    row "scheduler-service ready" "$SCHEDULER"
    row "scheduler-service leading again" leader
    row "ml-service ready" "$ML"
    row "api-service ready" "$API"
    echo
    echo "Answers while PostgreSQL was down (status/Retry-After/Content-Type, each distinct answer once):"
    echo
    echo "| route | answers |"
    echo "|---|---|"
    for entry in "${DOWN_ROUTES[@]}"; do
        name=${entry%%|*}
        printf '| %s | %s |\n' "$name" "$(tr ' ' '\n' <<<"${DOWN_SEEN[$name]}" | sed '/^$/d' | sort | uniq -c \
            | awk '{printf "%s%s (%s×)", (NR > 1 ? ", " : ""), $2, $1}')"
    done
    echo
    echo "Job runs left 'running' at the end: $running"
} | tee "$OUT/pg-restarts.md"
