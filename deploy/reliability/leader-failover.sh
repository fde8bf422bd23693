#!/usr/bin/env bash
# Leader failover of scheduler-service, measured on real processes: two instances share one PostgreSQL; the
# leader is killed with SIGKILL $KILLS times and the time until the other instance reports "leader" in
# /q/health/ready is recorded. Prints each failover and the median/max in milliseconds. A job paused through
# the first leader's API before the kills must still be paused after every instance has been killed and
# restarted (pause_survived_restarts).
#
#   deploy/reliability/leader-failover.sh            # KILLS=10 PG_PORT=15433 PORT_A=18300 PORT_B=18301
#
# Needs the PostgreSQL 15 binaries (KMARKET_PG_BIN), JDK 25 (JAVA_HOME) and curl. Builds the service if needed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PG_BIN=${KMARKET_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-15433}
PORT_A=${PORT_A:-18300}
PORT_B=${PORT_B:-18301}
KILLS=${KILLS:-10}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=$ROOT/scheduler-service/target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d /tmp/kmarket-failover.XXXXXX)

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
now_ms() { date +%s%3N; }
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

declare -A PID
cleanup() {
    for port in "${!PID[@]}"; do kill -9 "${PID[$port]}" 2>/dev/null || true; done
    as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f "$JAR" ]; then
    log "building scheduler-service"
    (cd "$ROOT" && JAVA_HOME=${JAVA%/bin/java} ./mvnw -B -q -pl scheduler-service -am package -DskipTests)
fi

[ "$(id -u)" = 0 ] && chown postgres "$WORK"
as_postgres "$PG_BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
psql_admin() { "$PG_BIN/psql" -X -q -h "$WORK" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_admin -d postgres -c "CREATE DATABASE kmarket"
psql_admin -d kmarket -v scheduler_password=failover -v ml_password=failover -v api_password=failover \
    -f "$ROOT/deploy/db/roles.sql" >/dev/null

start_instance() {
    local port=$1
    KMARKET_HTTP_PORT=$port KMARKET_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/kmarket" \
        KMARKET_DB_USERNAME=kmarket_scheduler KMARKET_DB_PASSWORD=failover KMARKET_INTERNAL_TOKEN=failover \
        KMARKET_JOBS_FIRST_START_ENABLED=false \
        "$JAVA" -jar "$JAR" >>"$WORK/instance-$port.log" 2>&1 &
    PID[$port]=$!
}
role() { curl -s --max-time 1 "http://localhost:$1/q/health/ready" | grep -o '"role": *"[a-z]*"' | sed 's/.*"\([a-z]*\)"$/\1/' || true; }
wait_until() { # timeout_ms command...
    local deadline=$(( $(now_ms) + $1 )); shift
    until "$@"; do
        [ "$(now_ms)" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}
is_role() { [ "$(role "$1")" = "$2" ]; }

start_instance "$PORT_A"
wait_until 120000 is_role "$PORT_A" leader || { log "instance $PORT_A never led"; exit 1; }
start_instance "$PORT_B"
wait_until 120000 is_role "$PORT_B" standby || { log "instance $PORT_B never came up"; exit 1; }

api() { curl -s --max-time 5 -H "X-Internal-Token: failover" "$@"; }
paused() { api "http://localhost:$1/internal/jobs/raw-payload-expiry" | grep -q '"paused": *true'; }
api -X POST "http://localhost:$PORT_A/internal/jobs/raw-payload-expiry/pause" >/dev/null
paused "$PORT_A" || { log "pause did not take"; exit 1; }

leader=$PORT_A
standby=$PORT_B
results=()
for i in $(seq 1 "$KILLS"); do
    t0=$(now_ms)
    kill -9 "${PID[$leader]}"
    wait "${PID[$leader]}" 2>/dev/null || true
    if ! wait_until 30000 is_role "$standby" leader; then
        log "kill $i: no takeover within 30 s"; exit 1
    fi
    took=$(( $(now_ms) - t0 ))
    results+=("$took")
    log "kill $i: instance $standby leads after ${took} ms"
    start_instance "$leader"
    wait_until 120000 is_role "$leader" standby || { log "restarted $leader never came up"; exit 1; }
    leaders=$(for p in "$PORT_A" "$PORT_B"; do role "$p"; done | grep -c leader || true)
    [ "$leaders" = 1 ] || { log "kill $i: $leaders leaders after restart"; exit 1; }
    tmp=$leader; leader=$standby; standby=$tmp
done

survived=true
for p in "$PORT_A" "$PORT_B"; do paused "$p" || survived=false; done
running=$(psql_admin -d kmarket -At -c "SELECT count(*) FROM ops.job_runs WHERE status = 'running'")
sorted=$(printf '%s\n' "${results[@]}" | sort -n)
median=$(printf '%s\n' "$sorted" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
max=$(printf '%s\n' "$sorted" | tail -1)
echo "failovers_ms=${results[*]}"
echo "median_ms=$median max_ms=$max kills=$KILLS runs_left_running=$running pause_survived_restarts=$survived"
