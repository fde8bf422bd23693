#!/usr/bin/env bash
# Failure matrix on the whole platform as real processes (platform.sh): each part — scheduler leader, scheduler
# standby, ml-service, api-service, PostgreSQL — is in turn
#   kill     SIGKILLed, and started again at once (as a supervisor would; PostgreSQL: crash recovery),
#   freeze   SIGSTOPped for FAULT_S (30) s, then SIGCONT (PostgreSQL: the postmaster and every child),
#   cutoff   cut off from PostgreSQL for FAULT_S s: its backends (by application_name) are terminated every
#            0.5 s, so each new connection dies at once (PostgreSQL: every service's backends),
# while a small load of public API reads runs (one client, back to back, --max-time 3 s: a stock's prices, an
# index's prices, a stock, a report through ml-service) and a daily-collection is in progress (KRX at 20/min,
# burst 1: a run of ~30 s). Per (part, fault) it records: the load's status codes from the fault's start until
# healthy again, the time from the fault's end until every readiness is UP with exactly one leader, the time
# until the date collected during the fault has a succeeded run, and rows missing / extra / duplicated /
# differing against the sandbox's truth for that date, and for the leader the rows it wrote after the other
# instance took over. Prints a Markdown table, one row per (part, fault), with the command for the row.
#
#   deploy/reliability/failure-matrix.sh          # PARTS="leader standby ml api postgres" FAULTS="kill freeze cutoff"
#   PARTS=leader FAULTS=freeze deploy/reliability/failure-matrix.sh   # one row
#
# Ports as in platform.sh (PG_PORT=5730, 8730-8734). Needs the PostgreSQL 15 binaries, JDK 25, curl. Exits
# non-zero if a row lost, doubled or changed rows, or did not heal.
set -euo pipefail
# shellcheck source=deploy/reliability/platform.sh
. "$(dirname "$0")/platform.sh"
API=http://localhost:$API_PORT/api/v1

PARTS=${PARTS:-leader standby ml api postgres}
FAULTS=${FAULTS:-kill freeze cutoff}
FAULT_S=${FAULT_S:-30}
HEAL_TIMEOUT_S=${HEAL_TIMEOUT_S:-300}

ready_all() {
    ready "$PORT_A" && ready "$PORT_B" && ready "$ML_PORT" && ready "$API_PORT" \
        && [ "$(leaders_among "$PORT_A" "$PORT_B")" = 1 ]
}

# One client reading the public API back to back; "epoch_ms status route" per request into $WORK/load.txt. The
# prices' start date varies so that the representation cache does not answer every request.
load_loop() { # report_id
    local i=0 code from
    while :; do
        i=$((i + 1))
        from=$(date -d "2025-01-01 +$((i % 200)) days" +%F)
        for route in "stocks/005930/prices?from=$from" "indices/1001/prices?from=$from" "stocks/005930" "reports/$1"; do
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$API/$route" || true)
            echo "$(now_ms) $code ${route%%\?*}" >>"$WORK/load.txt"
        done
    done
}
# Status counts of the load between two instants: "200×812 503×40".
load_seen() { # from_ms to_ms
    awk -v a="$1" -v b="$2" '$1 >= a && $1 <= b {n[$2]++} END {for (c in n) printf "%s×%d ", c, n[c]}' "$WORK/load.txt" \
        | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/^ *//; s/ *$//'
}

# Ports (for kill/freeze) or application_names (cutoff) of a part, resolved when the row starts.
part_port() {
    case $1 in
        leader) leader_port ;;
        standby) other_scheduler "$(leader_port)" ;;
        ml) echo "$ML_PORT" ;;
        api) echo "$API_PORT" ;;
        postgres) echo "$PG_PORT" ;;
    esac
}
app_name_of() { case $1 in "$PORT_A"|"$PORT_B") echo "scheduler-$1" ;; "$ML_PORT") echo "ml-$1" ;; "$API_PORT") echo "api-$1" ;; esac; }

cut_off() { # application_name pattern (LIKE)
    sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name LIKE '$1'" >/dev/null || true
}

# Waits out the fault, cutting off if asked; sets TAKEOVER_AT (server clock) when the other scheduler led first.
hold_fault() { # seconds cut_pattern_or_empty watched_leader_or_empty
    local deadline=$(( $(now_ms) + $1 * 1000 ))
    TAKEOVER_AT=
    while [ "$(now_ms)" -lt "$deadline" ]; do
        [ -z "$2" ] || cut_off "$2"
        if [ -n "$3" ] && [ -z "$TAKEOVER_AT" ] && is_role "$(other_scheduler "$3")" leader; then
            TAKEOVER_AT=$(db_now 2>/dev/null || true)
        fi
        sleep 0.5
    done
}

# SIGKILL to the postmaster and every child at once (a crashed container), then a start: crash recovery.
restart_postgres() {
    local pids
    mapfile -t pids < <(pg_pids)
    kill -9 "${pids[@]}"
    wait_until 10000 all_gone "${pids[@]}" || die "PostgreSQL processes survived SIGKILL"
    pg_up
}
all_gone() { local p; for p in "$@"; do ! kill -0 "$p" 2>/dev/null || return 1; done; }

ROWS=()
FAILED=0
row() { # part fault date
    local part=$1 fault=$2 date=$3 port t_start t_end t_ready ready_ms run_ms leader seen old_writes=-
    local delivered answers pids
    leader=$(leader_port)
    [ "$leader" != none ] || die "no leader before $part/$fault"
    read -r delivered answers <<<"$(deliver_trigger "$date" "$leader" 120000)"
    [ "$delivered" != none ] || die "$part/$fault: the trigger for $date was never accepted ($answers)"
    wait_until 120000 running_with_done "$date" 1 || log "$part/$fault: $date not running yet"
    port=$(part_port "$part")
    log "$part/$fault on $port while $date is collected"
    t_start=$(now_ms)
    case $part/$fault in
        postgres/kill) restart_postgres ;;
        postgres/freeze)
            mapfile -t pids < <(pg_pids)
            kill -STOP "${pids[@]}"
            hold_fault "$FAULT_S" "" ""
            kill -CONT "${pids[@]}" ;;
        postgres/cutoff) hold_fault "$FAULT_S" "%-%" "$leader" ;;
        */kill) crash_instance "$port"; start_part "$port" ;;
        */freeze)
            kill -STOP "${PID[$port]}"
            hold_fault "$FAULT_S" "" "$([ "$part" = leader ] && echo "$port")"
            kill -CONT "${PID[$port]}" ;;
        */cutoff) hold_fault "$FAULT_S" "$(app_name_of "$port")" "$([ "$part" = leader ] && echo "$port")" ;;
    esac
    t_end=$(now_ms)
    if wait_until $((HEAL_TIMEOUT_S * 1000)) ready_all; then ready_ms=$(( $(now_ms) - t_end )); else ready_ms=never; FAILED=1; fi
    if wait_until $((HEAL_TIMEOUT_S * 1000)) succeeded "$date"; then run_ms=$(( $(now_ms) - t_start )); else run_ms=never; FAILED=1; fi
    t_ready=$(now_ms)
    if [ "$part" = leader ] && [ "$fault" != kill ] && [ -n "$TAKEOVER_AT" ]; then
        sleep 5
        old_writes=$(writes_after "scheduler-$port" "$TAKEOVER_AT")
    fi
    seen=$(load_seen "$t_start" "$t_ready")
    ROWS+=("$part|$fault|$date|$seen|$ready_ms|$run_ms|$old_writes")
    log "$part/$fault: users saw $seen; ready ${ready_ms} ms after the fault; run succeeded ${run_ms} ms after its start"
}

start_platform
krx_rate "${KRX_PER_MINUTE:-20}" 1 1
count=0
for part in $PARTS; do for fault in $FAULTS; do count=$((count + 1)); done; done
mapfile -t dates < <(last_trading_days $((count + 1)))
# Data for the load to read, and a report for its ml-service route.
deliver_trigger "${dates[0]}" "$(leader_port)" 60000 >/dev/null
wait_until 300000 succeeded "${dates[0]}" || die "the first collection did not succeed"
report=$(curl -s -X POST -H 'Content-Type: application/json' -d "{\"code\":\"005930\",\"asOf\":\"${dates[0]}\"}" \
    "$API/reports" | grep -o '"id" *: *"[0-9a-f-]*"' | grep -o '[0-9a-f-]\{36\}' || true)
: "${report:=00000000-0000-0000-0000-000000000000}"
: >"$WORK/load.txt"
load_loop "$report" &
BG+=($!)
sleep 5
k=0
for part in $PARTS; do
    for fault in $FAULTS; do
        k=$((k + 1))
        row "$part" "$fault" "${dates[$k]}"
    done
done
kill "${BG[@]}" 2>/dev/null || true
truth_report "${dates[@]:1}" >/dev/null

echo
echo "| part | fault | users saw (status × requests, fault start → healthy) | ready again after the fault | collection run succeeded after the fault's start | rows missing / extra / duplicated / differing (prices + indices) | rows the deposed leader wrote after the takeover | reproduce |"
echo "|---|---|---|---:|---:|---|---|---|"
for r in "${ROWS[@]}"; do
    IFS='|' read -r part fault date seen ready_ms run_ms old_writes <<<"$r"
    read -r _ _ _ missing extra dup diff _ _ _ idx_missing idx_diff _ <<<"$(grep "^$date " "$WORK/truth.txt")"
    [ "$missing$extra$dup$diff$idx_missing$idx_diff" = 000000 ] || FAILED=1
    # shellcheck disable=SC2016 # the backticks are Markdown code around the command, not a substitution
    printf '| %s | %s | %s | %s | %s | %s / %s / %s / %s (%s) | %s | `PARTS=%s FAULTS=%s deploy/reliability/failure-matrix.sh` |\n' \
        "$part" "$fault" "$seen" "$( [ "$ready_ms" = never ] && echo never || echo "$ready_ms ms")" \
        "$( [ "$run_ms" = never ] && echo never || echo "$run_ms ms")" \
        "$((missing + idx_missing))" "$extra" "$dup" "$((diff + idx_diff))" "$date" "$old_writes" "$part" "$fault"
done
echo
echo "runs: $(sql "SELECT string_agg(status || '(' || trigger || ')=' || n, ' ' ORDER BY status, trigger)
    FROM (SELECT status, trigger, count(*) n FROM ops.job_runs WHERE job_name = '$JOB' GROUP BY 1, 2) r")"
[ "$FAILED" = 0 ] || die "FAILED: a row lost, doubled or changed data, or did not heal"
echo OK
