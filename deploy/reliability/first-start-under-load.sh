#!/usr/bin/env bash
# First starts on a new database while another process saturates the cores (docs/reliability.md, "First start
# under load"). Each round: a fresh state dir, `stress-ng --cpu N` started first, `./kmarket up`, then polling the
# public API until every first-start backfill is done. Per round it prints: the time until the first price of 005930
# is visible and which date that was (newest-first: the latest trading day), the time until every backfill is done,
# the sandbox's violation counter, the dates not complete per dataset over the window (GET /api/v1/ops/completeness)
# up to the last day the first start collected, the heals still pending and the runs that failed and were healed, and
# the floor the configured limits set: KRX requests / the KRX per-minute limit (ops.site_config).
#
#   deploy/reliability/first-start-under-load.sh     # ROUNDS=3, STRESS_CPUS=2, TIMEOUT_S=3600, OUT=/tmp/first-start-under-load
# Needs curl, jq, stress-ng (apt-get install -y jq stress-ng). Own ports and state dirs: a running ./kmarket up is left alone.
set -euo pipefail
# shellcheck source=deploy/lib/kmarket.sh
. "$(dirname "$0")/../lib/kmarket.sh"
ROOT=$KMARKET_ROOT
ROUNDS=${ROUNDS:-3}
STRESS_CPUS=${STRESS_CPUS:-2}
TIMEOUT_S=${TIMEOUT_S:-3600}
OUT=${OUT:-/tmp/first-start-under-load}
command -v jq >/dev/null || die "jq missing: apt-get install -y jq"
command -v stress-ng >/dev/null || die "stress-ng missing: apt-get install -y stress-ng"
export KMARKET_PG_PORT=${KMARKET_PG_PORT:-5633} KMARKET_SANDBOX_PORT=${KMARKET_SANDBOX_PORT:-8289}
export KMARKET_SCHEDULER_PORT=${KMARKET_SCHEDULER_PORT:-8281} KMARKET_ML_PORT=${KMARKET_ML_PORT:-8282}
export KMARKET_API_PORT=${KMARKET_API_PORT:-8280}
API=http://localhost:$KMARKET_API_PORT/api/v1
SANDBOX=http://localhost:$KMARKET_SANDBOX_PORT
mkdir -p "$OUT"
STRESS=
cleanup() { [ -z "$STRESS" ] || kill "$STRESS" 2>/dev/null || true; "$ROOT/kmarket" down >/dev/null 2>&1 || true; }
trap cleanup EXIT

newest_price() { curl -fsS "$API/stocks/005930/prices" 2>/dev/null | jq -r '[.prices[].date] | max // empty'; }
backfills_done() {
    local body; body=$(curl -fsS "$API/ops/backfills" 2>/dev/null) || return 1
    [ "$(jq 'length' <<<"$body")" -gt 0 ] &&
        [ "$(jq '[.[] | select(.status == "pending" or .status == "running")] | length' <<<"$body")" = 0 ]
}
sql() { stack_psql -d kmarket -tA -c "$1"; }
seconds_since() { echo "scale=1; ($(now_ms) - $1) / 1000" | bc; }

for round in $(seq 1 "$ROUNDS"); do
    export KMARKET_STATE_DIR=$OUT/state-$round
    "$ROOT/kmarket" down >/dev/null 2>&1 || true
    rm -rf "$KMARKET_STATE_DIR"
    stress-ng --cpu "$STRESS_CPUS" --timeout "${TIMEOUT_S}s" --quiet & STRESS=$!
    started=$(now_ms)
    "$ROOT/kmarket" up >"$OUT/up-$round.log" 2>&1 || die "round $round: ./kmarket up failed: $OUT/up-$round.log"
    ready=$(seconds_since "$started")
    until first=$(newest_price) && [ -n "$first" ]; do
        [ $(( $(now_ms) - started )) -lt $(( TIMEOUT_S * 1000 )) ] || die "round $round: no price visible"
        sleep 1
    done
    visible=$(seconds_since "$started")
    until backfills_done && [ "$(sql "SELECT count(*) FROM ops.job_heals WHERE status = 'pending'")" = 0 ]; do
        [ $(( $(now_ms) - started )) -lt $(( TIMEOUT_S * 1000 )) ] || die "round $round: backfills not done"
        sleep 5
    done
    done_s=$(seconds_since "$started")
    today=$(curl -fsS "$SANDBOX/sandbox/clock" | jq -r .today)
    curl -fsS "$SANDBOX/sandbox/stats" >"$OUT/stats-$round.json"
    last=$(date -d "$today -1 day" +%F)
    curl -fsS "$API/ops/completeness?from=$(date -d "$last -1 year" +%F)&to=$last" >"$OUT/completeness-$round.json"
    kill "$STRESS"; STRESS=
    krx=$(jq '.sources.krx.requests' "$OUT/stats-$round.json")
    per_minute=$(sql "SELECT rate_limit_per_minute FROM ops.site_config WHERE site_code = 'KRX'")
    sql "SELECT job_name, logical_date, status, failures FROM ops.job_heals ORDER BY 2, 1" >"$OUT/heals-$round.txt"
    printf 'round %s: ready %s s; first price %s visible at %s s (newest stored at the end: %s); backfills done and nothing left to heal %s s (floor %s s: %s KRX requests at %s/min); violations %s; heals %s (pending %s); failed runs %s; dates not complete of %s: %s\n' \
        "$round" "$ready" "$first" "$visible" "$(newest_price)" "$done_s" \
        "$(echo "scale=0; $krx * 60 / $per_minute" | bc)" "$krx" "$per_minute" \
        "$(jq '.violations' "$OUT/stats-$round.json")" \
        "$(sql "SELECT count(*) FROM ops.job_heals")" "$(sql "SELECT count(*) FROM ops.job_heals WHERE status = 'pending'")" \
        "$(sql "SELECT count(*) FROM ops.job_runs WHERE status = 'failed'")" \
        "$(jq -c 'group_by(.dataset) | map({(.[0].dataset): length}) | add // {}' "$OUT/completeness-$round.json")" \
        "$(jq -c '[.[] | select(.status != "complete")] | group_by(.dataset) | map({(.[0].dataset): length}) | add // {}' "$OUT/completeness-$round.json")" \
        | tee -a "$OUT/summary.txt"
    "$ROOT/kmarket" down >/dev/null 2>&1 || true
done
