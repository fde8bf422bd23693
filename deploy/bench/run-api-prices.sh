#!/usr/bin/env bash
# Benchmark of api-service: one stock's one-year prices at 64 connections (wrk), against raw PostgreSQL running
# the very same SELECT (pgbench, 64 clients) in the same run; then two api-service instances against one.
# One command, from the repository root:   deploy/bench/run-api-prices.sh
# It starts the stack with ./kmarket up on its own ports and state dir (override with the usual KMARKET_* vars),
# seeds deploy/bench/seed-prices.sql, measures ROUNDS rounds of each, prints a Markdown table of every round and
# of the medians, and stops what it started. Needs wrk (apt-get install -y wrk) and pgbench (postgresql-client).
set -euo pipefail

# shellcheck source=deploy/lib/kmarket.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/kmarket.sh"
ROOT=$KMARKET_ROOT
export KMARKET_STATE_DIR=${KMARKET_STATE_DIR:-/tmp/kmarket-api}
export KMARKET_PG_PORT=${KMARKET_PG_PORT:-15435}
export KMARKET_API_PORT=${KMARKET_API_PORT:-18500}
export KMARKET_SCHEDULER_PORT=${KMARKET_SCHEDULER_PORT:-18501}
export KMARKET_ML_PORT=${KMARKET_ML_PORT:-18502}
export KMARKET_SANDBOX_PORT=${KMARKET_SANDBOX_PORT:-18509}
SECOND_API_PORT=${BENCH_SECOND_API_PORT:-18503}
DURATION=${BENCH_DURATION:-15}
# The JIT needs a while on a busy 2-core machine: throughput still rose from round to round after 15 s.
WARMUP=${BENCH_WARMUP:-45}
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=64
CODE=005930
OUT=$KMARKET_STATE_DIR/bench
mkdir -p "$OUT"

command -v wrk >/dev/null || die "wrk missing: apt-get install -y wrk"
command -v pgbench >/dev/null || die "pgbench missing: apt-get install -y postgresql-client"
find_java

second_pid=
cleanup() {
  if [ -n "$second_pid" ]; then kill "$second_pid" 2>/dev/null || true; wait "$second_pid" 2>/dev/null || true; fi
  "$ROOT/kmarket" down >/dev/null || true
}
trap cleanup EXIT

# The scheduler must not backfill its first year while the API is measured: the benchmark seeds its own prices.
export KMARKET_JOBS_FIRST_START_ENABLED=false
"$ROOT/kmarket" up
stack_secrets
psql_admin() { stack_psql -d kmarket "$@"; }
# 64 pgbench clients plus the pools of four services exceed PostgreSQL's default 100 connections: raise the
# limit of this benchmark's own cluster (its state dir) once, which needs a restart of the stack.
if [ "$(psql_admin -tAc 'SHOW max_connections')" -lt 300 ]; then
  psql_admin -c "ALTER SYSTEM SET max_connections = 300"
  "$ROOT/kmarket" down
  "$ROOT/kmarket" up
fi
psql_admin -f "$ROOT/deploy/bench/seed-prices.sql"

TO=$(psql_admin -tAc "SELECT (now() AT TIME ZONE 'Asia/Seoul')::date")
FROM=$(psql_admin -tAc "SELECT ('$TO'::date - interval '1 year')::date")
ROWS=$(psql_admin -tAc "SELECT count(*) FROM market.daily_prices WHERE code = '$CODE' AND trade_date BETWEEN '$FROM' AND '$TO'")
TOTAL_ROWS=$(psql_admin -tAc "SELECT count(*) FROM market.daily_prices")

# The statement of PriceStore.STOCK_PRICES with the values the API binds.
cat > "$OUT/prices.sql" <<SQL
SELECT trade_date, open, high, low, close, volume, trading_value, market_cap FROM market.daily_prices
 WHERE code = '$CODE' AND trade_date BETWEEN '$FROM' AND '$TO' ORDER BY trade_date;
SQL

# A second instance, started as ./kmarket starts the first, on its own port.
read -r -a java_opts <<<"${KMARKET_JAVA_OPTS:--Xmx512m}"
KMARKET_HTTP_PORT=$SECOND_API_PORT KMARKET_DB_URL="jdbc:postgresql://127.0.0.1:$KMARKET_PG_PORT/kmarket" \
  KMARKET_DB_USERNAME=kmarket_api KMARKET_DB_PASSWORD="$API_DB_PASSWORD" \
  "$JAVA_HOME/bin/java" "${java_opts[@]}" \
  -jar "$ROOT/api-service/target/quarkus-app/quarkus-run.jar" >"$OUT/api-second.log" 2>&1 &
second_pid=$!
wait_ready "$SECOND_API_PORT" 600000 "$second_pid" || die "second api-service died or never became ready: $OUT/api-second.log"

URL1="http://localhost:$KMARKET_API_PORT/api/v1/stocks/$CODE/prices?from=$FROM&to=$TO"
URL2="http://localhost:$SECOND_API_PORT/api/v1/stocks/$CODE/prices?from=$FROM&to=$TO"

# Both instances must answer byte for byte alike, ETag included: nothing instance-local shapes an answer.
curl -fsS -D "$OUT/h1" -o "$OUT/b1" "$URL1"
curl -fsS -D "$OUT/h2" -o "$OUT/b2" "$URL2"
cmp -s "$OUT/b1" "$OUT/b2" || { echo "the two instances answered different bodies" >&2; exit 1; }
[ "$(grep -i '^etag' "$OUT/h1")" = "$(grep -i '^etag' "$OUT/h2")" ] || { echo "ETags differ" >&2; exit 1; }
IDENTICAL="yes (body $(wc -c <"$OUT/b1") bytes and ETag identical)"

# Latency to milliseconds from wrk's "99%  12.34ms" (us, ms or s).
wrk_p99() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' "$1"; }
wrk_rps() { awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
run_wrk() { wrk -t2 -c"$2" -d"${DURATION}s" --latency "$1" >"$3"; }

run_pgbench() {
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && PGPASSWORD="$API_DB_PASSWORD" pgbench -n -h 127.0.0.1 -p "$KMARKET_PG_PORT" -U kmarket_api \
    -c "$CONNECTIONS" -j 2 -M prepared -T "$DURATION" -l -f prices.sql kmarket >"$1" 2>&1)
  awk '/^tps/ { printf "%.0f", $3 }' "$1" >"$1.tps"
  # Per-transaction logs: the third column is the latency in microseconds.
  cat "$OUT"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int(NR * 0.99)] / 1000 }' >"$1.p99"
}

# CPU time, in clock ticks, of the servers: a process's own, and for the postmaster also that of its exited
# children (pgbench's backends end with the run). On a shared machine throughput depends on what the neighbours
# do; CPU per request does not, and says what two dedicated cores could serve.
HZ=$(getconf CLK_TCK)
API_PID=$(cat "$KMARKET_STATE_DIR/run/api-service.pid")
proc_ticks() { awk -v c="${2:-}" '{ t = $14 + $15; if (c != "") t += $16 + $17; print t }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local pm total
  pm=$(head -1 "$KMARKET_STATE_DIR/pgdata/postmaster.pid")
  total=$(proc_ticks "$pm" children)
  for child in $(ps --ppid "$pm" -o pid=); do total=$((total + $(proc_ticks "$child"))); done
  echo "$total"
}
api_ticks() { local total=0; for pid in "$@"; do total=$((total + $(proc_ticks "$pid"))); done; echo "$total"; }
# CPU milliseconds per request from two tick counts and a request count.
cpu_ms() { awk -v t="$1" -v n="$2" -v hz="$HZ" 'BEGIN { printf "%.3f", t * 1000 / hz / n }'; }
wrk_requests() { awk '/requests in/ { print $1 }' "$1"; }

echo "warming up both instances" >&2
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$URL1" >"$OUT/warm1"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$URL2" >"$OUT/warm2"

rows=()
cpu_rows=()
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round/$ROUNDS" >&2
  pg0=$(pg_ticks)
  run_pgbench "$OUT/pg.$round"
  pgcpu=$(cpu_ms $(($(pg_ticks) - pg0)) "$(awk '/actually processed/ { print $NF }' "$OUT/pg.$round")")
  pg0=$(pg_ticks); api0=$(api_ticks "$API_PID")
  run_wrk "$URL1" "$CONNECTIONS" "$OUT/one.$round"
  n=$(wrk_requests "$OUT/one.$round")
  onepg=$(cpu_ms $(($(pg_ticks) - pg0)) "$n"); oneapi=$(cpu_ms $(($(api_ticks "$API_PID") - api0)) "$n")
  run_wrk "$URL1" $((CONNECTIONS / 2)) "$OUT/two-a.$round" & a=$!
  run_wrk "$URL2" $((CONNECTIONS / 2)) "$OUT/two-b.$round"
  wait "$a"
  cpu_rows+=("$round $pgcpu $oneapi $onepg")
  pg=$(cat "$OUT/pg.$round.tps"); pg99=$(cat "$OUT/pg.$round.p99")
  one=$(wrk_rps "$OUT/one.$round"); one99=$(wrk_p99 "$OUT/one.$round")
  two=$(( $(wrk_rps "$OUT/two-a.$round") + $(wrk_rps "$OUT/two-b.$round") ))
  two99=$(printf '%s\n%s\n' "$(wrk_p99 "$OUT/two-a.$round")" "$(wrk_p99 "$OUT/two-b.$round")" | sort -g | tail -1)
  rows+=("$round $pg $pg99 $one $one99 $two $two99")
done

# The median of a column of the rounds.
col() { local values; mapfile -t values < <(printf '%s\n' "${rows[@]}" | awk -v i="$1" '{ print $i }'); median "${values[@]}"; }

{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(uname -m)), load average $(cut -d' ' -f1-3 /proc/loadavg);"
  echo "${WARMUP}s warm-up per instance, ${DURATION}s per measurement, $ROUNDS rounds."
  echo "Query: $ROWS rows (one stock, $FROM..$TO) out of $TOTAL_ROWS in market.daily_prices; JSON answer $(wc -c <"$OUT/b1") bytes."
  echo "Two instances answer identically: $IDENTICAL."
  echo
  echo "| round | pgbench tps | pgbench p99 ms | 1 api req/s | 1 api p99 ms | 2 api req/s | 2 api p99 ms | api/pg | 2 api/1 api |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for r in "${rows[@]}"; do
    echo "$r" | awk '{ printf "| %s | %s | %s | %s | %s | %s | %s | %.2f | %.2f |\n", $1, $2, $3, $4, $5, $6, $7, $4 / $2, $6 / $4 }'
  done
  pg=$(col 2); one=$(col 4); two=$(col 6)
  echo "| **median** | $pg | $(col 3) | $one | $(col 5) | $two | $(col 7) | $(awk -v a="$one" -v b="$pg" 'BEGIN { printf "%.2f", a / b }') | $(awk -v a="$two" -v b="$one" 'BEGIN { printf "%.2f", a / b }') |"
  echo
  echo "Server CPU per request (ms): PostgreSQL alone under pgbench; api-service JVM and PostgreSQL under wrk (1 instance)."
  echo
  echo "| round | pg per query (pgbench) | api JVM per request | pg per request (api) | api+pg / pg |"
  echo "|---|---|---|---|---|"
  for r in "${cpu_rows[@]}"; do
    echo "$r" | awk '{ printf "| %s | %s | %s | %s | %.1f |\n", $1, $2, $3, $4, ($3 + $4) / $2 }'
  done
} | tee "$OUT/result.md"
