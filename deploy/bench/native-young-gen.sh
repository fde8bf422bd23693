#!/usr/bin/env bash
# What the native executables' bounded young generation costs ml-service's heaviest work. One native ml-service
# runner, started alone per round with each given young-generation size (`-Xmn`, overriding the size built into the
# executable), computes the indicators of every seeded stock over one year; the script prints per round the RSS right
# after start, the wall time of the run (POST until its status is final) and the peak RSS during it, then medians.
#   deploy/bench/native-young-gen.sh [rounds] [sizes...]     e.g. deploy/bench/native-young-gen.sh 3 16m 2g
# Needs the local stack's PostgreSQL (./kmarket up with the services stopped); seeds deploy/bench/seed-prices.sql.
set -euo pipefail
# shellcheck source=deploy/lib/kmarket.sh
. "$(dirname "$0")/../lib/kmarket.sh"
ROOT=$KMARKET_ROOT
ROUNDS=${1:-3}
shift || true
SIZES=("${@:-16m 2g}")
read -r -a SIZES <<<"${SIZES[*]}"
PORT=${BENCH_PORT:-18997}
ensure_postgres_binaries
stack_secrets
TOKEN=$KMARKET_INTERNAL_TOKEN
RUNNER=$(find "$ROOT/ml-service/target" -maxdepth 1 -name '*-runner' | head -n 1)
[ -x "$RUNNER" ] || die "no ml-service native runner: deploy/native/build.sh ml-service"
stack_psql -d kmarket -f "$ROOT/deploy/bench/seed-prices.sql"
TO=$(stack_psql -d kmarket -tAc "SELECT max(trade_date) FROM market.daily_prices WHERE source = 'BENCH'")
FROM=$(stack_psql -d kmarket -tAc "SELECT ('$TO'::date - 365)")

declare -A start_rss run_ms peak_rss
for ((round = 1; round <= ROUNDS; round++)); do
  for size in "${SIZES[@]}"; do
    KMARKET_HTTP_PORT=$PORT KMARKET_DB_URL="jdbc:postgresql://127.0.0.1:$(stack_port pg)/kmarket" \
      KMARKET_DB_USERNAME=kmarket_ml KMARKET_DB_PASSWORD=$ML_DB_PASSWORD \
      "$RUNNER" "-Xmn$size" >/tmp/bench-young-gen.log 2>&1 &
    pid=$!
    wait_ready "$PORT" 60000 "$pid" || die "ml-service did not start: $(tail -3 /tmp/bench-young-gen.log)"
    rss0=$(( $(ps -o rss= -p "$pid") / 1024 ))
    begin=$(now_ms)
    id=$(api -X POST -H 'Content-Type: application/json' -d "{\"from\":\"$FROM\",\"to\":\"$TO\"}" \
           "http://localhost:$PORT/internal/indicators/compute" | sed -n 's/.*"runId":"\([^"]*\)".*/\1/p')
    peak=$rss0
    while :; do
      status=$(api "http://localhost:$PORT/internal/runs/$id" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')
      rss=$(( $(ps -o rss= -p "$pid") / 1024 )); (( rss > peak )) && peak=$rss
      [ "$status" = running ] || break
      sleep 0.2
    done
    ms=$(( $(now_ms) - begin ))
    [ "$status" = succeeded ] || die "run $id ended $status"
    kill -TERM "$pid"; wait "$pid" || true
    echo "round $round -Xmn$size: RSS after start $rss0 MB, one year of indicators $ms ms, peak RSS $peak MB"
    start_rss[$size]+="$rss0 "; run_ms[$size]+="$ms "; peak_rss[$size]+="$peak "
  done
done
for size in "${SIZES[@]}"; do
  # shellcheck disable=SC2086 # word splitting of the collected figures is wanted
  echo "-Xmn$size median: RSS after start $(median ${start_rss[$size]}) MB, run $(median ${run_ms[$size]}) ms," \
       "peak RSS $(median ${peak_rss[$size]}) MB"
done
