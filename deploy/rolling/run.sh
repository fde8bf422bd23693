#!/usr/bin/env bash
# Rolling each service independently, measured on real processes against a throw-away PostgreSQL
# (deploy/reliability/lib.sh). One stack: scheduler-service (migrates market, ops), ml-service (analytics), two
# api-service instances, the prices of deploy/bench/seed-prices.sql. Then, per scenario:
#
#   api        HAProxy in front of the two api-service instances (health check /q/health/ready, retry on connection
#              failures), wrk sending GETs through it without pause; each instance is stopped with SIGTERM and
#              started again, in turn, $ROUNDS times. Every request must succeed (wrk and HAProxy's own log count).
#   scheduler  the two cheap daily jobs made to fire a minute or two from now (data-quality at T1, raw-payload-expiry
#              at T2); restart 1 right after T1's run (between jobs), restart 2 with T2 falling while it is down.
#              Per job and logical date at most one succeeded run, T2 fired once after the restart, no run left
#              running, every other job's next fire time the same before and after (GET /internal/jobs).
#   ml         ml-service stopped for $ML_GAP s while POST /api/v1/reports and GET /api/v1/reports/{id} are sent to
#              api-service every 200 ms: every answer in the gap must be a 503 problem+json with Retry-After within
#              2 s, and a 202 must come back by itself once ml-service is up (the circuit breaker's half-open trial).
#   postgres   PostgreSQL stopped (pg_ctl -m fast) for $PG_OUTAGE s while every service's /q/health/ready is polled
#              every 250 ms: each must answer 503 during the outage and 200 within 10 s after PostgreSQL is back.
#
#   deploy/rolling/run.sh [api|scheduler|ml|postgres|all]          # default all
#       # PG_PORT=5633 KMARKET_API_PORT=8280 API_B_PORT=8283 PROXY_PORT=8284 KMARKET_SCHEDULER_PORT=8281
#       # KMARKET_ML_PORT=8282 ROUNDS=3 CONNECTIONS=8 ML_GAP=10 PG_OUTAGE=10 KEEP_LOGS=1 (keep $WORK)
#       # PROXY_RETRY_ON='conn-failure empty-response' (HAProxy's retry-on; none: no retries)
#
# Needs the PostgreSQL 15 binaries, JDK 25 (JAVA_HOME), curl, wrk and haproxy (both installed with apt-get when
# missing and run as root). Builds what is missing. Prints one result line per scenario; exits non-zero when a
# check fails.
set -euo pipefail
PG_PORT=${PG_PORT:-${KMARKET_PG_PORT:-5633}}
# shellcheck source=deploy/reliability/lib.sh
. "$(dirname "$0")/../reliability/lib.sh"
INSTANCE_ENV=() # lib.sh's every-10-s paused job belongs to the failover scripts

SCENARIO=${1:-all}
case $SCENARIO in api|scheduler|ml|postgres|all) ;; *) die "usage: $0 [api|scheduler|ml|postgres|all]" ;; esac
API_A=${KMARKET_API_PORT:-8280}
API_B=${API_B_PORT:-8283}
PROXY=${PROXY_PORT:-8284}
PROXY_STATS=${PROXY_STATS_PORT:-8285}
SCHEDULER=${KMARKET_SCHEDULER_PORT:-8281}
ML=${KMARKET_ML_PORT:-8282}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-8}
ML_GAP=${ML_GAP:-10}
PG_OUTAGE=${PG_OUTAGE:-10}
PROXY_RETRY_ON=${PROXY_RETRY_ON:-conn-failure empty-response}
CODE=005930
FAILED=()

# Runs the condition (a command and its arguments) and records the check as passed or failed.
check() { # description command...
    local what=$1
    shift
    if "$@"; then log "ok: $what"; else log "FAILED: $what"; FAILED+=("$what"); fi
}
all_zero() { local value; for value in "$@"; do [ "$value" = 0 ] || return 1; done; }
# A time in ms ("never" when it did not happen) that is at most the limit.
within_ms() { [ "$1" != never ] && [ "$1" -le "$2" ]; } # ms_or_never limit_ms
# A service that turned not ready after the stop and answered no 200 while PostgreSQL was down.
refused_through_outage() { [ "$1" != never ] && [ "$2" = 0 ]; } # not_ready_after_or_never ready_answers
seoul() { TZ=Asia/Seoul date -d "@$1" "+$2"; }

# ---- the stack -------------------------------------------------------------------------------------------------

# Interval jobs (disclosures, quotes) would run many times per logical date and call the real sites: off here.
SCHEDULER_JAVA_OPTS=(-Dkmarket.jobs.job.disclosures.enabled=false -Dkmarket.jobs.job.quotes.enabled=false
    -Dkmarket.jobs.job.data-quality.calendar=every-day)
start_scheduler() { # extra VAR=value...
    start_app scheduler-service "$SCHEDULER" kmarket_scheduler KMARKET_JOBS_FIRST_START_ENABLED=false \
        KMARKET_ML_URL="http://127.0.0.1:$ML" "$@" -- "${SCHEDULER_JAVA_OPTS[@]}"
}
start_api() { start_app api-service "$1" kmarket_api KMARKET_ML_URL="http://127.0.0.1:$ML"; }
await_ready() { wait_until "${2:-180000}" ready "$1" || die "the service on port $1 never became ready"; }

ensure_built scheduler-service ml-service api-service
start_postgres
start_scheduler
await_ready "$SCHEDULER"
start_app ml-service "$ML" kmarket_ml
await_ready "$ML"
log "seeding prices (deploy/bench/seed-prices.sql)"
psql_admin -d kmarket -f "$ROOT/deploy/bench/seed-prices.sql" >/dev/null
start_api "$API_A"
start_api "$API_B"
await_ready "$API_A"
await_ready "$API_B"
TO=$(sql "SELECT max(trade_date) FROM market.daily_prices WHERE code = '$CODE'")
FROM=$(date -d "$TO -1 year" +%F)
PRICES="/api/v1/stocks/$CODE/prices?from=$FROM&to=$TO"
log "stack ready: api $API_A $API_B, scheduler $SCHEDULER, ml $ML, PostgreSQL $PG_PORT (work dir $WORK)"

# ---- api: two instances behind HAProxy under load --------------------------------------------------------------

# The status HAProxy gives a server ("UP", "DOWN", "UP 1/2" while rising...), from its CSV statistics.
proxy_status() { curl -fs --max-time 1 "http://127.0.0.1:$PROXY_STATS/stats;csv" | awk -F, -v s="$1" '$1 == "api" && $2 == s { print $18 }'; }
proxy_up() { [ "$(proxy_status "$1")" = UP ]; }
not() { ! "$@"; }

scenario_api() {
    need haproxy haproxy
    need wrk wrk
    # Checks every 500 ms; two failures take a server out, two successes bring it back. A check may take 3 s: on
    # this shared machine a loaded instance once answered a 500 ms check too late while its peer was restarting,
    # and HAProxy had no server left (2 s of 503 <NOSRV>). Idempotent requests that could not reach a server
    # (refused, reset, closed without an answer) are retried on the other one (PROXY_RETRY_ON=none: never).
    cat >"$WORK/haproxy.cfg" <<EOF
global
    maxconn 512
    log stdout format raw local0
defaults
    mode http
    log global
    option dontlognull
    log-format "%Ts.%ms %ST %s %rc %Ta %f %{+Q}r"
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    retries 3
    option redispatch 1
    retry-on $PROXY_RETRY_ON
    timeout check 3s
frontend api_in
    bind 127.0.0.1:$PROXY
    default_backend api
backend api
    balance roundrobin
    option httpchk GET /q/health/ready
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    server a 127.0.0.1:$API_A check
    server b 127.0.0.1:$API_B check
frontend stats
    bind 127.0.0.1:$PROXY_STATS
    stats enable
    stats uri /stats
EOF
    haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
    PID[$PROXY]=$!
    if ! wait_until 20000 proxy_up a || ! wait_until 20000 proxy_up b; then die "HAProxy does not see both instances up"; fi

    wrk -t2 -c"$CONNECTIONS" -d1h --latency "http://127.0.0.1:$PROXY$PRICES" >"$WORK/wrk.txt" 2>&1 &
    PID[wrk]=$!
    sleep 10
    local round port server t0 down_ms rejoin_ms restarts=()
    for round in $(seq 1 "$ROUNDS"); do
        for port in "$API_A" "$API_B"; do
            server=$([ "$port" = "$API_A" ] && echo a || echo b)
            t0=$(now_ms)
            stop_app "$port"
            down_ms=$STOP_MS
            start_api "$port"
            wait_until 30000 not proxy_up "$server" || die "HAProxy never took $server out"
            wait_until 180000 proxy_up "$server" || die "HAProxy never took $server back"
            rejoin_ms=$(( $(now_ms) - t0 ))
            restarts+=("$server:stop=${down_ms}ms,back_in_proxy=${rejoin_ms}ms")
            log "round $round: $server stopped in $down_ms ms, back in HAProxy $rejoin_ms ms after SIGTERM"
            sleep 5
        done
    done
    kill -INT "${PID[wrk]}"
    wait "${PID[wrk]}" || true
    unset "PID[wrk]"
    local requests non2xx socket_errors proxied proxied_failed retried
    requests=$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")
    non2xx=$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk.txt")
    socket_errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$WORK/wrk.txt")
    # HAProxy's log: one line per request, "<time> <status> <server> <retries> <total ms> <frontend> <request>".
    proxied=$(awk '$1 ~ /^[0-9]+\.[0-9]+$/ && $6 == "api_in"' "$WORK/haproxy.log" | wc -l)
    proxied_failed=$(awk '$1 ~ /^[0-9]+\.[0-9]+$/ && $6 == "api_in" && $2 !~ /^2/' "$WORK/haproxy.log" | wc -l)
    retried=$(awk '$1 ~ /^[0-9]+\.[0-9]+$/ && $6 == "api_in" && $4 != "0"' "$WORK/haproxy.log" | wc -l)
    grep -E 'Latency|requests in|Requests/sec|Non-2xx|Socket' "$WORK/wrk.txt" >&2 || true
    echo "api: restarts=${#restarts[@]} ${restarts[*]}"
    echo "api: wrk_requests=$requests wrk_non2xx=${non2xx:-0} wrk_socket_errors=${socket_errors:-0}" \
        "proxy_requests=$proxied proxy_non2xx=$proxied_failed proxy_retried=$retried"
    check "api: 0 failed requests while rolling" all_zero "${non2xx:-0}" "${socket_errors:-0}" "$proxied_failed"
    kill "${PID[$PROXY]}"; wait "${PID[$PROXY]}" 2>/dev/null || true; unset "PID[$PROXY]"
}

# ---- scheduler: restarts between jobs --------------------------------------------------------------------------

next_fire_times() { api "http://localhost:$SCHEDULER/internal/jobs" | jq -r '.[] | "\(.name) \(.nextFireTime)"' | sort; }
succeeded_today() { # job
    [ "$(sql "SELECT count(*) FROM ops.job_runs WHERE job_name = '$1' AND status = 'succeeded'
               AND logical_date = '$(seoul "$T1" %F)'")" -ge 1 ]
}
nothing_running() { [ "$(sql "SELECT count(*) FROM ops.job_runs WHERE status = 'running'")" = 0 ]; }
is_leader() { is_role "$SCHEDULER" leader; }

scenario_scheduler() {
    need jq jq
    # Daily crons (in the jobs' zone) a little ahead: T1 while the first instance runs, T2 inside restart 2.
    T1=$(( $(date +%s) + ${SCHEDULER_T1_AHEAD:-100} ))
    T2=$(( T1 + ${SCHEDULER_T2_AFTER:-110} ))
    stop_app "$SCHEDULER"
    start_scheduler "KMARKET_JOBS_JOB_DATA_QUALITY_CRON=$(seoul "$T1" '%-S %-M %-H') * * ?" \
        "KMARKET_JOBS_JOB_RAW_PAYLOAD_EXPIRY_CRON=$(seoul "$T2" '%-S %-M %-H') * * ?"
    SCHEDULER_ENV=("KMARKET_JOBS_JOB_DATA_QUALITY_CRON=$(seoul "$T1" '%-S %-M %-H') * * ?"
        "KMARKET_JOBS_JOB_RAW_PAYLOAD_EXPIRY_CRON=$(seoul "$T2" '%-S %-M %-H') * * ?")
    wait_until 120000 is_leader || die "the scheduler never led"
    local runs_before
    runs_before=$(sql "SELECT coalesce(max(id), 0) FROM ops.job_runs")
    [ "$(date +%s)" -lt "$T1" ] || die "the scheduler came up after T1: raise SCHEDULER_T1_AHEAD"
    log "data-quality fires at $(seoul "$T1" %T), raw-payload-expiry at $(seoul "$T2" %T) (Asia/Seoul)"
    wait_until $(( (T1 - $(date +%s) + 60) * 1000 )) succeeded_today data-quality || die "data-quality never ran at T1"
    wait_until 60000 nothing_running || die "a run is still running after T1"
    next_fire_times >"$WORK/next-before.txt"

    # Restart 1, between jobs: nothing is due while it is down.
    stop_app "$SCHEDULER"
    local stop1=$STOP_MS t0
    t0=$(now_ms)
    start_scheduler "${SCHEDULER_ENV[@]}"
    wait_until 120000 is_leader || die "the scheduler never led after restart 1"
    local back1=$(( $(now_ms) - t0 ))
    log "restart 1: stopped in $stop1 ms, leader again $back1 ms after the start"

    # Restart 2: down from T2 - 5 s until T2 + 2 s, so raw-payload-expiry's fire time passes while nobody runs.
    [ "$(date +%s)" -lt $(( T2 - 5 )) ] || die "restart 1 ended after T2 - 5 s: raise SCHEDULER_T2_AFTER"
    sleep $(( T2 - 5 - $(date +%s) ))
    wait_until 30000 nothing_running || die "a run is running just before restart 2"
    stop_app "$SCHEDULER"
    local stop2=$STOP_MS
    sleep $(( T2 + 2 - $(date +%s) ))
    t0=$(now_ms)
    start_scheduler "${SCHEDULER_ENV[@]}"
    wait_until 120000 is_leader || die "the scheduler never led after restart 2"
    local back2=$(( $(now_ms) - t0 ))
    wait_until 60000 succeeded_today raw-payload-expiry || true
    local fired_after_ms=$(( $(now_ms) - t0 ))
    sleep 12 # two more ticks: a duplicate would show now
    wait_until 60000 nothing_running || true
    next_fire_times >"$WORK/next-after.txt"

    local dq rp dup running changed trig
    dq=$(sql "SELECT count(*) FROM ops.job_runs WHERE id > $runs_before AND job_name = 'data-quality'")
    rp=$(sql "SELECT count(*) FROM ops.job_runs WHERE id > $runs_before AND job_name = 'raw-payload-expiry'")
    trig=$(sql "SELECT string_agg(status || '(' || trigger || ')', ',' ORDER BY id) FROM ops.job_runs
                 WHERE id > $runs_before AND job_name = 'raw-payload-expiry'")
    dup=$(sql "SELECT count(*) FROM (SELECT 1 FROM ops.job_runs WHERE status = 'succeeded'
                GROUP BY job_name, logical_date HAVING count(*) > 1) d")
    running=$(sql "SELECT count(*) FROM ops.job_runs WHERE status = 'running'")
    # Every job but the one that fired in the gap must still be due when it was due before.
    changed=$(diff <(grep -v '^raw-payload-expiry ' "$WORK/next-before.txt") \
        <(grep -v '^raw-payload-expiry ' "$WORK/next-after.txt") | grep -c '^[<>]' || true)
    local rp_next
    rp_next=$(awk '$1 == "raw-payload-expiry" { print $2 }' "$WORK/next-after.txt")
    echo "scheduler: restart1 stop=${stop1}ms leader_again=${back1}ms; restart2 stop=${stop2}ms leader_again=${back2}ms" \
        "t2_run_succeeded_after_start=${fired_after_ms}ms"
    echo "scheduler: data_quality_runs=$dq raw_payload_expiry_runs=$rp($trig) job_dates_with_duplicate_success=$dup" \
        "runs_left_running=$running next_fire_times_changed=$changed raw_payload_expiry_next=$rp_next"
    check "scheduler: T1 job ran once across both restarts" test "$dq" = 1
    check "scheduler: T2 job, due while down, ran once after restart 2" test "$rp ${trig%%(*}" = "1 succeeded"
    check "scheduler: no job and logical date with two succeeded runs" test "$dup" = 0
    check "scheduler: no run left running" test "$running" = 0
    check "scheduler: other jobs' next fire times unchanged" test "$changed" = 0
    check "scheduler: T2 job next due tomorrow" test "${rp_next:0:10}" = "$(seoul $(( T2 + 86400 )) %F)"
}

# ---- ml: stopped while api-service forwards reports ------------------------------------------------------------

# One probe per 200 ms, alternating POST and GET by id: "<start ms> <method> <status> <seconds> <type> <retry-after>".
probe_reports() { # id output
    local n=0
    while :; do
        n=$((n + 1))
        if [ $((n % 2)) = 1 ]; then
            printf '%s POST ' "$(now_ms)"
            curl -s -o /dev/null --max-time 10 -X POST -H 'Content-Type: application/json' \
                -d "{\"code\":\"$CODE\",\"asOf\":\"$TO\"}" \
                -w '%{http_code} %{time_total} %{content_type} %header{retry-after}\n' \
                "http://localhost:$API_A/api/v1/reports" || true
        else
            printf '%s GET ' "$(now_ms)"
            curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total} %{content_type} %header{retry-after}\n' \
                "http://localhost:$API_A/api/v1/reports/$1" || true
        fi
        sleep 0.2
    done >"$2"
}

scenario_ml() {
    local id
    id=$(curl -fs -X POST -H 'Content-Type: application/json' -d "{\"code\":\"$CODE\",\"asOf\":\"$TO\"}" \
        "http://localhost:$API_A/api/v1/reports" | jq -r .id) || die "POST /api/v1/reports failed before the test"
    probe_reports "$id" "$WORK/ml-probes.txt" &
    PID[probe]=$!
    sleep 3
    local t_stop t_back t_ready
    t_stop=$(now_ms)
    stop_app "$ML"
    sleep "$ML_GAP"
    t_back=$(now_ms)
    start_app ml-service "$ML" kmarket_ml
    await_ready "$ML"
    t_ready=$(now_ms)
    first_accepted() { awk -v t="$t_ready" '$1 >= t && $2 == "POST" && $3 == 202' "$WORK/ml-probes.txt" | grep -q .; }
    wait_until 60000 first_accepted || true
    sleep 2
    kill "${PID[probe]}"; wait "${PID[probe]}" 2>/dev/null || true; unset "PID[probe]"

    # The gap: probes started after ml-service exited and before it was ready again.
    local stopped_at=$((t_stop + STOP_MS))
    read -r gap good bad slowest <<<"$(awk -v a="$stopped_at" -v b="$t_ready" '
        $1 >= a && $1 < b { n++; if ($3 == 503 && $5 ~ /problem\+json/ && $6 ~ /^[0-9]+$/ && $4 < 2) g++; else x++;
                            if ($4 > m) m = $4 }
        END { print n + 0, g + 0, x + 0, m + 0 }' "$WORK/ml-probes.txt")"
    local during_stop recovered
    during_stop=$(awk -v a="$t_stop" -v b="$stopped_at" '$1 >= a && $1 < b { printf "%s ", $3 }' "$WORK/ml-probes.txt" | tr ' ' '\n' | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')
    recovered=$(awk -v t="$t_ready" '$1 >= t && $2 == "POST" && $3 == 202 { print $1 - t; exit }' "$WORK/ml-probes.txt")
    local statuses
    statuses=$(awk '{ print $3 }' "$WORK/ml-probes.txt" | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')
    echo "ml: ml_shutdown=${STOP_MS}ms down=$((t_ready - stopped_at))ms probes_in_gap=$gap 503_problem_retry_after_under_2s=$good" \
        "other=$bad slowest_in_gap=${slowest}s; during ml's own shutdown: ${during_stop:-none}"
    echo "ml: ml_ready_after_start=$((t_ready - t_back))ms first_202_after_ready=${recovered:-never}ms; all probes: $statuses"
    check "ml: every answer in the gap a 503 problem+json with Retry-After within 2 s" test "$(( gap > 0 && bad == 0 ))" = 1
    check "ml: 202 again without intervention" test -n "$recovered"
}

# ---- postgres: restarted under every service -------------------------------------------------------------------

# A probe every 250 ms, each in the background: with PostgreSQL down a readiness answer can take seconds (the
# check waits for a connection), and one probe after the other would measure to the second only. Lines:
# "<answered at ms> <status> <asked at ms>"; a probe is judged by when it was answered.
poll_ready() { # port output
    while :; do
        (t=$(now_ms); code=$(curl -s -o /dev/null --max-time 3 -w '%{http_code}' "http://localhost:$1/q/health/ready" || true)
         printf '%s %s %s\n' "$(now_ms)" "$code" "$t" >>"$2") &
        sleep 0.25
    done
}

scenario_postgres() {
    local port name t_stop t_down t_start t_up services=("api-a:$API_A" "api-b:$API_B" "scheduler:$SCHEDULER" "ml:$ML")
    local entry
    for entry in "${services[@]}"; do
        poll_ready "${entry#*:}" "$WORK/ready-${entry%%:*}.txt" &
        PID[poll-${entry%%:*}]=$!
    done
    sleep 2
    t_stop=$(now_ms)
    pg_down
    t_down=$(now_ms)
    sleep "$PG_OUTAGE"
    t_start=$(now_ms)
    pg_up
    t_up=$(now_ms)
    all_ready() { local e; for e in "${services[@]}"; do ready "${e#*:}" || return 1; done; }
    wait_until 120000 all_ready || true
    sleep 1
    for entry in "${services[@]}"; do
        kill "${PID[poll-${entry%%:*}]}"; wait "${PID[poll-${entry%%:*}]}" 2>/dev/null || true; unset "PID[poll-${entry%%:*}]"
    done
    sleep 3 # the last probes end
    for entry in "${services[@]}"; do sort -n -o "$WORK/ready-${entry%%:*}.txt" "$WORK/ready-${entry%%:*}.txt"; done
    echo "postgres: pg_ctl stop took $((t_down - t_stop)) ms, start invoked $((t_start - t_down)) ms later," \
        "pg_ctl start took $((t_up - t_start)) ms"
    local line
    for entry in "${services[@]}"; do
        name=${entry%%:*}
        # not_ready_after: first non-200 answered after the stop began; ok_in_outage: 200s answered while down
        # (from a second after the stop returned until the start was invoked: PostgreSQL accepts connections
        # before pg_ctl start returns); ready_after: first 200 answered after the start was invoked.
        read -r not_ready ok_in_outage probes_in_outage ready_after <<<"$(awk -v s="$t_stop" -v d="$t_down" -v u="$t_start" '
            $1 >= s && $2 != 200 && nr == "" { nr = $1 - s }
            $1 >= d + 1000 && $1 < u { n++; if ($2 == 200) ok++ }
            $1 >= u && $2 == 200 && ra == "" { ra = $1 - u }
            END { print (nr == "" ? "never" : nr), ok + 0, n + 0, (ra == "" ? "never" : ra) }' "$WORK/ready-$name.txt")"
        line="postgres: $name not_ready_after_stop=${not_ready}ms ready_probes_during_outage=$ok_in_outage/$probes_in_outage"
        echo "$line ready_after_pg_start=${ready_after}ms"
        check "postgres: $name not ready during the outage" refused_through_outage "$not_ready" "$ok_in_outage"
        check "postgres: $name ready within 10 s of PostgreSQL's return" within_ms "$ready_after" 10000
    done
    echo "postgres: scheduler role afterwards: $(role "$SCHEDULER")"
}

case $SCENARIO in
    api) scenario_api ;;
    scheduler) scenario_scheduler ;;
    ml) scenario_ml ;;
    postgres) scenario_postgres ;;
    all) scenario_api; scenario_scheduler; scenario_ml; scenario_postgres ;;
esac

if [ ${#FAILED[@]} != 0 ]; then
    printf 'FAILED: %s\n' "${FAILED[@]}"
    exit 1
fi
echo "OK"
