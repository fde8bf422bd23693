#!/usr/bin/env bash
# Startup time and RSS of each service, as operators would run it (the packaged JVM app or a native runner).
#   deploy/bench/startup.sh [runs]          JVM: <module>/target/quarkus-app/quarkus-run.jar
#   NATIVE=1 deploy/bench/startup.sh [runs] native: <module>/target/*-runner
# Needs the local platform database (./kmarket up, or at least its PostgreSQL). Each service is started alone on a
# spare port, `runs` times; the script prints, per run, Quarkus' own "started in" figure, the wall time until
# /q/health/ready answers UP, and the RSS right after; then the median of each.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-5}
STATE=${KMARKET_STATE_DIR:-$ROOT/.kmarket}
set -a; . "$STATE/secrets.env"; set +a
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
PORT=${BENCH_PORT:-18999}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for entry in scheduler-service:kmarket_scheduler:$SCHEDULER_DB_PASSWORD ml-service:kmarket_ml:$ML_DB_PASSWORD \
             api-service:kmarket_api:$API_DB_PASSWORD; do
  IFS=: read -r svc user password <<<"$entry"
  if [ -n "${NATIVE:-}" ]; then cmd=("$(ls "$ROOT/$svc"/target/*-runner)"); else cmd=("$JAVA" -Xmx512m -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar"); fi
  : > /tmp/bench-startup-$svc.txt
  for ((i = 1; i <= RUNS; i++)); do
    log=/tmp/bench-startup-$svc.log
    start=$(date +%s%N)
    # Jobs stay quiet during the measurement: only start-up is measured.
    KMARKET_HTTP_PORT=$PORT KMARKET_DB_URL="jdbc:postgresql://127.0.0.1:${KMARKET_PG_PORT:-5433}/kmarket" \
      KMARKET_DB_USERNAME=$user KMARKET_DB_PASSWORD=$password KMARKET_JOBS_ENABLED=false \
      "${cmd[@]}" >"$log" 2>&1 &
    pid=$!
    until curl -fsS "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; do
      kill -0 $pid 2>/dev/null || { echo "$svc exited during start:" >&2; tail -5 "$log" >&2; exit 1; }
      sleep 0.02
    done
    ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss_kb=$(ps -o rss= -p $pid)
    started=$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*')
    kill -TERM $pid; wait $pid || true
    echo "$started $ready_ms $((rss_kb / 1024))" >> /tmp/bench-startup-$svc.txt
    echo "$svc run $i: quarkus 'started in' ${started}s, ready after ${ready_ms} ms, RSS $((rss_kb / 1024)) MB"
  done
  echo "$svc median: started in $(cut -d' ' -f1 /tmp/bench-startup-$svc.txt | median)s," \
       "ready after $(cut -d' ' -f2 /tmp/bench-startup-$svc.txt | median) ms, RSS $(cut -d' ' -f3 /tmp/bench-startup-$svc.txt | median) MB"
done
