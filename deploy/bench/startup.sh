#!/usr/bin/env bash
# Startup time and RSS of each service, as operators would run it (the packaged JVM app or a native runner).
#   deploy/bench/startup.sh [runs]          JVM: <module>/target/quarkus-app/quarkus-run.jar
#   NATIVE=1 deploy/bench/startup.sh [runs] native: <module>/target/*-runner
# Needs the local platform database (./kmarket up, or at least its PostgreSQL). Each service is started alone on a
# spare port, `runs` times; the script prints, per run, Quarkus' own "started in" figure, the wall time until
# /q/health/ready answers UP, and the RSS right after; then the median of each.
set -euo pipefail
# shellcheck source=deploy/lib/kmarket.sh
. "$(dirname "$0")/../lib/kmarket.sh"
ROOT=$KMARKET_ROOT
RUNS=${1:-5}
stack_secrets
[ -n "${NATIVE:-}" ] || find_java
PORT=${BENCH_PORT:-18999}
# Ready is measured to the 20 ms.
READY_POLL_S=0.02

# The median of one column of a run file.
column_median() { local values; mapfile -t values < <(cut -d' ' -f"$1" "$2"); median "${values[@]}"; }

for entry in scheduler-service:kmarket_scheduler:$SCHEDULER_DB_PASSWORD ml-service:kmarket_ml:$ML_DB_PASSWORD \
             api-service:kmarket_api:$API_DB_PASSWORD; do
  IFS=: read -r svc user password <<<"$entry"
  if [ -n "${NATIVE:-}" ]; then
    cmd=("$(find "$ROOT/$svc/target" -maxdepth 1 -name '*-runner' | sort | head -n 1 || true)")
  else
    cmd=("$JAVA_HOME/bin/java" -Xmx512m -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar")
  fi
  runs=/tmp/bench-startup-$svc.txt
  : > "$runs"
  for ((i = 1; i <= RUNS; i++)); do
    logfile=/tmp/bench-startup-$svc.log
    start=$(date +%s%N)
    # Jobs stay quiet during the measurement: only start-up is measured.
    KMARKET_HTTP_PORT=$PORT KMARKET_DB_URL="jdbc:postgresql://127.0.0.1:$(stack_port pg)/kmarket" \
      KMARKET_DB_USERNAME=$user KMARKET_DB_PASSWORD=$password KMARKET_JOBS_ENABLED=false \
      "${cmd[@]}" >"$logfile" 2>&1 &
    pid=$!
    wait_ready "$PORT" 600000 "$pid" || { echo "$svc exited during start or never became ready:" >&2; tail -5 "$logfile" >&2; exit 1; }
    ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss_kb=$(ps -o rss= -p "$pid")
    started=$(grep -o 'started in [0-9.]*s' "$logfile" | grep -o '[0-9.]*')
    kill -TERM "$pid"; wait "$pid" || true
    echo "$started $ready_ms $((rss_kb / 1024))" >> "$runs"
    echo "$svc run $i: quarkus 'started in' ${started}s, ready after ${ready_ms} ms, RSS $((rss_kb / 1024)) MB"
  done
  echo "$svc median: started in $(column_median 1 "$runs")s, ready after $(column_median 2 "$runs") ms," \
       "RSS $(column_median 3 "$runs") MB"
done
