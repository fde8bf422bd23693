#!/usr/bin/env bash
# What adjust=split costs next to adjust=none: one stock-year of /api/v1/stocks/{code}/prices from a running
# api-service, both modes in the same run, in interleaved rounds (none then split, then split then none, ...) so
# that whatever the neighbours do on a shared machine falls on both alike. Prints a Markdown table of every round
# and of the medians, with the ratio split/none of the time per request (goal: at most 1.2).
#   deploy/bench/prices-adjust.sh [code] [year]          (default 005930 and last year)
# The api-service must run with its representation cache off (KMARKET_API_REPRESENTATION_CACHE_TTL=PT0S):
# otherwise nearly every request is answered from the cache and the ratio says nothing about the answer's cost.
# Settings: BENCH_API_URL (default http://localhost:$KMARKET_API_PORT, else :8080), BENCH_API_PID (the JVM's pid,
# for CPU per request; default the pid file of the stack in $KMARKET_STATE_DIR), BENCH_DURATION (s, default 10),
# BENCH_WARMUP (s per mode, default 20), BENCH_ROUNDS (default 5), BENCH_CONNECTIONS (default 16).
# Needs wrk (apt-get install -y wrk), curl and jq.
set -euo pipefail

# shellcheck source=deploy/lib/kmarket.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/kmarket.sh"

CODE=${1:-005930}
YEAR=${2:-$(($(date -u +%Y) - 1))}
API=${BENCH_API_URL:-http://localhost:$(stack_port api)}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-20}
ROUNDS=${BENCH_ROUNDS:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/prices-adjust.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

for tool in wrk curl jq; do command -v "$tool" >/dev/null || die "$tool missing: apt-get install -y $tool"; done
PID=${BENCH_API_PID:-}
if [ -z "$PID" ] && [ -f "$(stack_state)/run/api-service.pid" ]; then PID=$(cat "$(stack_state)/run/api-service.pid"); fi
if [ -n "$PID" ] && ! kill -0 "$PID" 2>/dev/null; then PID=; fi

url() { echo "$API/api/v1/stocks/$CODE/prices?from=$YEAR-01-01&to=$YEAR-12-31&adjust=$1"; }

# Both answers must be what the benchmark claims to compare: the same trading days, the adjusted one with its
# factors. The count of days whose factor is not 1 says whether the year lies before one of the stock's actions.
curl -fsS -o "$OUT/none.json" "$(url none)" || die "adjust=none failed: is api-service running at $API?"
curl -fsS -o "$OUT/split.json" "$(url split)" || die "adjust=split failed (503: the scheduler has no factor tables yet)"
DAYS=$(jq '.prices | length' "$OUT/none.json")
[ "$DAYS" -gt 0 ] || die "$CODE has no prices in $YEAR"
[ "$(jq '.prices | length' "$OUT/split.json")" = "$DAYS" ] || die "the two answers have different days"
ADJUSTED_DAYS=$(jq '[.prices[] | select(.adjustmentFactor != 1)] | length' "$OUT/split.json")

# Milliseconds from wrk's latency column ("812.00us", "1.20ms", "1.01s").
wrk_ms() {
    awk -v p="$2" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' "$1"
}
wrk_rps() { awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
wrk_requests() { awk '/requests in/ { print $1 }' "$1"; }
HZ=$(getconf CLK_TCK)
api_ticks() { if [ -n "$PID" ]; then awk '{ print $14 + $15 }' "/proc/$PID/stat"; else echo 0; fi; }

# One measurement of a mode: its figures appended to $OUT/<mode>.rows as "rps p50 p99 cpu_ms".
measure() {
    local mode=$1 round=$2 before cpu
    before=$(api_ticks)
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$(url "$mode")" >"$OUT/$mode.$round"
    grep -q 'Non-2xx' "$OUT/$mode.$round" && die "adjust=$mode answered errors under load: $(cat "$OUT/$mode.$round")"
    cpu=$(awk -v t="$(($(api_ticks) - before))" -v n="$(wrk_requests "$OUT/$mode.$round")" -v hz="$HZ" \
        'BEGIN { printf "%.3f", t * 1000 / hz / n }')
    echo "$(wrk_rps "$OUT/$mode.$round") $(wrk_ms "$OUT/$mode.$round" 50%) $(wrk_ms "$OUT/$mode.$round" 99%) $cpu" \
        >>"$OUT/$mode.rows"
}

log "warming up: ${WARMUP}s per mode"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$(url none)" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$(url split)" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
    log "round $round/$ROUNDS"
    if [ $((round % 2)) -eq 1 ]; then measure none "$round"; measure split "$round"
    else measure split "$round"; measure none "$round"; fi
done

# Column $2 of the rows of mode $1, one value a line.
column() { awk -v i="$2" '{ print $i }' "$OUT/$1.rows"; }
med() { local values; mapfile -t values < <(column "$1" "$2"); median "${values[@]}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }

{
    echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg);"
    echo "$API, stock $CODE, $YEAR: $DAYS trading days ($ADJUSTED_DAYS with a factor other than 1); answers"
    echo "$(wc -c <"$OUT/none.json") bytes (none) and $(wc -c <"$OUT/split.json") bytes (split) of JSON."
    echo "wrk: $CONNECTIONS connections, ${DURATION}s per measurement, $ROUNDS interleaved rounds after ${WARMUP}s of warm-up per mode."
    echo
    echo "| round | none req/s | none p50 ms | none p99 ms | none CPU ms/req | split req/s | split p50 ms | split p99 ms | split CPU ms/req | split/none time per request | split/none CPU |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    paste -d' ' "$OUT/none.rows" "$OUT/split.rows" | awk '{
        printf "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %.2f | %s |\n", NR, $1, $2, $3, $4, $5, $6, $7, $8,
            $1 / $5, ($4 > 0 ? sprintf("%.2f", $8 / $4) : "-") }'
    n_rps=$(med none 1); s_rps=$(med split 1); n_cpu=$(med none 4); s_cpu=$(med split 4)
    echo "| **median** | $n_rps | $(med none 2) | $(med none 3) | $n_cpu | $s_rps | $(med split 2) | $(med split 3) | $s_cpu | **$(ratio "$n_rps" "$s_rps")** | $(ratio "$s_cpu" "$n_cpu") |"
    echo
    echo "split/none time per request = none req/s ÷ split req/s (goal ≤ 1.2); CPU = the api-service JVM's own CPU per request$([ -n "$PID" ] || echo " (not measured: no BENCH_API_PID)")."
} | tee "$OUT/result.md"
