#!/usr/bin/env bash
# Collection engine benchmarks against the real sandbox (docs/benchmarks.md, "Collection engine against the
# sandbox"), driven through scheduler-service's POST /internal/collect on the running local stack. Wall times are
# the run's own startedAt..finishedAt (GET /internal/collect/{id}); requests and limit violations are the sandbox's
# own counters (GET /sandbox/stats, reset before each round).
#
#   deploy/bench/collect-sandbox.sh rate   # DART list.json pages at the sandbox's 20 requests/s (150 ms per answer):
#                                          # the site at 1,200/min, burst 1, CONCURRENCY in flight, against the
#                                          # same plan with max_concurrency 1 (the sequential baseline), ROUNDS each
#   deploy/bench/collect-sandbox.sh day    # one full market day (3 markets + 4 indices) at the site's configured
#                                          # KRX limit (./kmarket up: 240/min, burst 5), ROUNDS times
#   deploy/bench/collect-sandbox.sh year   # every stock of every trading day of the last year at KRX 60/min, once
#   deploy/bench/collect-sandbox.sh utilisation
#                                          # the share of its configured limit the limiter uses: KRX at the seeded
#                                          # 60/min, 2/s, burst 2 (the minute binds) and at the local 180/min, 3/s,
#                                          # burst 3 (the second binds), UTIL_DAYS (80) trading days × 3 markets
#                                          # each; baseline in the same run: the same plan at max_concurrency 1
#
# Needs the stack up with the same KMARKET_* variables (state dir, ports), curl, jq and psql; do not run
# ./kmarket up meanwhile (it resets the KRX rate it manages). Pauses every job
# while it measures (resumed on exit) and leaves each site's ops.site_config row as it found it.
# Knobs: ROUNDS (3), CONCURRENCY (8), DISCLOSURES_FROM/TO (2017-05-01..2025-12-31, ~400 pages), DAY (last trading
# day before the sandbox's today), SITE_REFRESH_S (16: KMARKET_COLLECT_SITE_REFRESH + 1).
set -euo pipefail
# shellcheck source=deploy/lib/kmarket.sh
. "$(dirname "$0")/../lib/kmarket.sh"

SCHEDULER=http://localhost:$(stack_port scheduler)
SANDBOX=http://localhost:$(stack_port sandbox)
ROUNDS=${ROUNDS:-3}
CONCURRENCY=${CONCURRENCY:-8}
DISCLOSURES_FROM=${DISCLOSURES_FROM:-2017-05-01}
DISCLOSURES_TO=${DISCLOSURES_TO:-2025-12-31}
SITE_REFRESH_S=${SITE_REFRESH_S:-16}
command -v jq >/dev/null || die "jq missing: apt-get install -y jq"
stack_secrets
TOKEN=${KMARKET_INTERNAL_TOKEN:?secrets.env has no KMARKET_INTERNAL_TOKEN}

sql() { stack_psql -d kmarket -At -F ' ' -c "$1"; }
sandbox() { curl -fsS --max-time 30 -H 'Content-Type: application/json' "$@"; }

# Jobs firing during a measurement (disclosures every 10 min, quotes every minute) would share the sites' limits.
PAUSED=()
resume_jobs() { local job; for job in "${PAUSED[@]}"; do api -X POST "$SCHEDULER/internal/jobs/$job/resume" >/dev/null; done; }
SITES_BEFORE=()
restore_sites() {
    local row code rate per_second burst concurrency
    for row in "${SITES_BEFORE[@]}"; do
        read -r code rate per_second burst concurrency <<<"$row"
        set_site "$code" "$rate" "$per_second" "$burst" "$concurrency"
    done
}
trap 'restore_sites; resume_jobs' EXIT
pause_jobs() {
    local job
    for job in $(api "$SCHEDULER/internal/jobs" | jq -r '.[] | select(.paused | not) | .name'); do
        api -X POST "$SCHEDULER/internal/jobs/$job/pause" >/dev/null
        PAUSED+=("$job")
    done
    wait_until 600000 no_job_running || die "a job still runs after 10 minutes"
}
no_job_running() { [ "$(api "$SCHEDULER/internal/jobs" | jq '[.[] | select(.running)] | length')" = 0 ]; }

set_site() { # code per_minute per_second burst max_concurrency
    sql "UPDATE ops.site_config SET rate_limit_per_minute = $2, rate_limit_per_second = $3, burst = $4,
                max_concurrency = $5, updated_at = now()
         WHERE site_code = '$1'"
}
# Sets a site's limits (live: the scheduler re-reads ops.site_config within KMARKET_COLLECT_SITE_REFRESH and
# rebuilds the site's bucket, full burst included); remembers the first values to restore them on exit.
site() { # code per_minute per_second burst max_concurrency
    local before
    before=$(sql "SELECT site_code, rate_limit_per_minute, rate_limit_per_second, burst, max_concurrency
                    FROM ops.site_config WHERE site_code = '$1'")
    [ -n "$before" ] || die "no site $1 in ops.site_config"
    [[ " ${SITES_BEFORE[*]} " == *" $1 "* ]] || SITES_BEFORE+=("$before")
    [ "$before" = "$1 $2 $3 $4 $5" ] && return
    set_site "$@"
    log "site $1: $2/min, $3/s, burst $4, concurrency $5 (waiting ${SITE_REFRESH_S}s for the scheduler to re-read it)"
    sleep "$SITE_REFRESH_S"
}

# The sandbox back to its configured state, then the given limits and chaos. Rounds read counter differences
# instead of resetting again: a reset also ends the KRX login session.
sandbox_reset() { # limits_json chaos_json
    sandbox -X POST "$SANDBOX/sandbox/reset" >/dev/null
    [ -z "$1" ] || sandbox -X POST -d "$1" "$SANDBOX/sandbox/limits" >/dev/null
    [ -z "$2" ] || sandbox -X POST -d "$2" "$SANDBOX/sandbox/chaos" >/dev/null
}
# "requests violations" of one source, and every violation of every source.
sandbox_counts() { sandbox "$SANDBOX/sandbox/stats" | jq -r --arg s "$1" '"\(.sources[$s].requests // 0) \(.violations)"'; }

# Runs a plan, waits for it; prints "wall_ms status records tasks_failed".
collect() { # plan_json
    local run view started finished status records failed
    run=$(api -X POST -H 'Content-Type: application/json' -d "$1" "$SCHEDULER/internal/collect" | jq -r .runId)
    [[ -n $run && $run != null ]] || die "the scheduler refused the plan"
    while view=$(api "$SCHEDULER/internal/collect/$run") && [ "$(jq -r .status <<<"$view")" = running ]; do
        sleep 0.5
    done
    read -r started finished status records failed \
        < <(jq -r '[.startedAt, .finishedAt, .status, .summary.recordsStored, .summary.tasksFailed] | @tsv' <<<"$view")
    echo "$(( $(date -d "$finished" +%s%3N) - $(date -d "$started" +%s%3N) )) $status $records $failed"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else printf "-" }'; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

# The trading days from..to of the sandbox's calendar, one a line.
trading_days() { curl -fsS "$SANDBOX/sandbox/truth/calendar?from=$1&to=$2&format=csv" | tail -n +2; }
sandbox_today() { sandbox "$SANDBOX/sandbox/clock" | jq -r .today; }

# One measured round: prints a Markdown table row and appends the wall time to WALLS, the ratio to RATIOS.
round() { # label source per_second burst plan_json
    local label=$1 source=$2 per_second=$3 burst=$4 plan=$5 wall status records failed r0 v0 r1 v1 floor_ms
    read -r r0 v0 < <(sandbox_counts "$source")
    read -r wall status records failed < <(collect "$plan")
    read -r r1 v1 < <(sandbox_counts "$source")
    floor_ms=$(awk -v n=$((r1 - r0)) -v b="$burst" -v r="$per_second" 'BEGIN { f = (n - b) / r; printf "%d", (f < 0 ? 0 : f) * 1000 }')
    WALLS+=("$wall")
    RATIOS+=("$(ratio "$wall" "$floor_ms")")
    echo "| $label | $status | $((r1 - r0)) | $(seconds "$floor_ms") s | $(seconds "$wall") s | ${RATIOS[-1]}× | $records" \
        "| $(awk -v r="$records" -v ms="$wall" 'BEGIN { printf "%d", r / (ms / 1000) }') | $((v1 - v0)) | $failed |"
    [ "$status" = succeeded ] || log "round '$label' ended $status"
}
header() {
    echo "| round | status | requests (sandbox) | floor (requests − burst) / rate | wall (startedAt..finishedAt) | vs floor | records stored | records/s | violations | tasks failed |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
}

rate() {
    local plan i fast=() slow=()
    plan=$(jq -nc --arg f "$DISCLOSURES_FROM" --arg t "$DISCLOSURES_TO" '{plan: "disclosures", from: $f, to: $t}')
    log "rate: disclosures $DISCLOSURES_FROM..$DISCLOSURES_TO, sandbox 20/s per client and 150 ms per answer"
    sandbox_reset '{"dartRequestsPerSecond":20}' '{"dart":{"latencyMs":150}}'
    header
    for ((i = 1; i <= ROUNDS; i++)); do
        for mode in window sequential; do
            WALLS=() RATIOS=()
            site DART 1200 20 1 "$([ $mode = window ] && echo "$CONCURRENCY" || echo 1)"
            round "$i $mode ($([ $mode = window ] && echo "concurrency $CONCURRENCY" || echo "max_concurrency 1"))" \
                dart 20 1 "$plan"
            if [ $mode = window ]; then fast+=("${WALLS[0]}"); else slow+=("${WALLS[0]}"); fi
        done
    done
    local f s
    f=$(median "${fast[@]}"); s=$(median "${slow[@]}")
    echo
    echo "median window $(seconds "$f") s, median sequential $(seconds "$s") s, speed-up $(ratio "$s" "$f")×"
}

day() {
    local date i
    date=${DAY:-$(trading_days "$(date -d "$(sandbox_today) -20 days" +%F)" "$(date -d "$(sandbox_today) -1 day" +%F)" | tail -n 1)}
    local limit
    read -r -a limit <<<"KRX $(sql "SELECT rate_limit_per_minute, burst, max_concurrency FROM ops.site_config WHERE site_code = 'KRX'")"
    log "day: dailyMarket $date at KRX ${limit[1]}/min, burst ${limit[2]}, concurrency ${limit[3]}"
    sandbox_reset '' ''
    header
    WALLS=() RATIOS=()
    for ((i = 1; i <= ROUNDS; i++)); do
        # Long enough for the bucket to fill up again: every round starts with the full burst.
        sleep 3
        round "$i" krx "$(awk -v m="${limit[1]}" 'BEGIN { print m / 60 }')" "${limit[2]}" \
            "{\"plan\":\"dailyMarket\",\"date\":\"$date\"}"
    done
    echo
    echo "median $(seconds "$(median "${WALLS[@]}")") s, median vs floor $(median "${RATIOS[@]}")×"
}

year() {
    local to from tasks days
    to=$(date -d "$(sandbox_today) -1 day" +%F)
    from=$(date -d "$to -1 year +1 day" +%F)
    days=$(trading_days "$from" "$to" | wc -l)
    tasks=$(trading_days "$from" "$to" | jq -Rsc --arg f "$from" --arg t "$to" '
        [split("\n")[] | select(length > 0) as $d | ("STK", "KSQ", "KNX")
            | {site: "KRX", dataset: "DAILY_MARKET", subject: ., from: $d, to: $d}]
        + [("1001", "2001", "1028", "2203") | {site: "KRX", dataset: "INDEX_PRICES", subject: ., from: $f, to: $t}]
        | {plan: "tasks", tasks: .}')
    site KRX 60 2 2 2
    log "year: $from..$to, $days trading days × 3 markets + 4 index ranges at KRX 60/min, 2/s, burst 2"
    sandbox_reset '' ''
    header
    WALLS=() RATIOS=()
    round "$from..$to" krx 1 2 "$tasks"
}

# Utilisation = the floor the configured limit sets ((requests − burst) / rate) over the wall time: 1 is every
# permitted call sent the moment the limit allows it. The rate is the binding one of per minute / 60 and per second.
utilisation() {
    local to from tasks limits mode per_minute per_second burst rate
    to=$(date -d "$(sandbox_today) -1 day" +%F)
    from=$(trading_days "$(date -d "$to -1 year" +%F)" "$to" | tail -n "${UTIL_DAYS:-80}" | head -n 1)
    tasks=$(trading_days "$from" "$to" | jq -Rsc '[split("\n")[] | select(length > 0) as $d | ("STK", "KSQ", "KNX")
            | {site: "KRX", dataset: "DAILY_MARKET", subject: ., from: $d, to: $d}] | {plan: "tasks", tasks: .}')
    sandbox_reset '' ''
    header
    for limits in "60 2 2" "180 3 3"; do
        read -r per_minute per_second burst <<<"$limits"
        rate=$(awk -v m="$per_minute" -v s="$per_second" 'BEGIN { r = m / 60; print (s < r ? s : r) }')
        for mode in window sequential; do
            WALLS=() RATIOS=()
            site KRX "$per_minute" "$per_second" "$burst" "$([ $mode = window ] && echo 2 || echo 1)"
            sleep 3 # a full bucket, as a first start finds it
            round "$per_minute/min $per_second/s burst $burst, $mode" krx "$rate" "$burst" "$tasks"
            echo "utilisation $(awk -v r="${RATIOS[0]}" 'BEGIN { printf "%.4f", 1 / r }')" >&2
        done
    done
}

case "${1:-}" in
    rate | day | year | utilisation) pause_jobs; "$1" ;;
    *) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
