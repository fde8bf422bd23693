#!/usr/bin/env bash
# Leadership of scheduler-service under kill, freeze and manual triggers, on the whole platform as real processes
# (platform.sh: PostgreSQL, sandbox, two schedulers, ml-service, api-service; the leader lock's session times out
# after SESSION_TIMEOUT=PT4S, heartbeat PT1S). Every row written to market.daily_prices, market.index_prices and
# ops.job_runs is attributed to its writer (audit.writes, by application_name).
#
#   deploy/reliability/failover.sh failover   # KILLS (10) times: a daily-collection runs on the leader (KRX at
#                                             # 20/min, ~20 s a run), the leader is SIGKILLed after its first task;
#                                             # time until the standby reports leader, until its first run (the
#                                             # re-run of the dead one) started and succeeded; the killed one is
#                                             # restarted as standby; alternating. Median and max.
#   deploy/reliability/failover.sh freeze     # FREEZES (5) times: the leader is SIGSTOPped during a collection, the
#                                             # standby takes over, CONT_AFTER_S (5) s later the frozen one gets
#                                             # SIGCONT; what the frozen process wrote after the takeover (rows per
#                                             # table, its job_runs updates, its "refused write" log lines) must be
#                                             # nothing; the date must equal the sandbox's truth.
#   deploy/reliability/failover.sh triggers   # TRIGGERS (100) manual triggers of daily-collection for as many
#                                             # trading days; the leader is frozen after trigger FREEZE_AT (30) and
#                                             # killed after KILL_AT (70) (restarted at once); a trigger answered
#                                             # 409/503/nothing is retried on the other instance. Exactly one manual
#                                             # run and one succeeded run per date, data equal to the truth.
#
# Ports: PG_PORT=5730 SANDBOX_PORT=8730 PORT_A=8731 PORT_B=8732 ML_PORT=8733 API_PORT=8734. KEEP_LOGS=1 keeps the
# logs. Needs the PostgreSQL 15 binaries, JDK 25, curl; builds the jars if missing. Exits non-zero when a check fails.
set -euo pipefail
MODE=${1:-}
case $MODE in failover|freeze|triggers) ;; *) echo "usage: $0 failover|freeze|triggers" >&2; exit 2 ;; esac
# shellcheck source=deploy/reliability/platform.sh
. "$(dirname "$0")/platform.sh"

scheduler_log() { echo "$WORK/scheduler-service-$1.log"; }
refused_writes() { grep -c 'refused write' "$(scheduler_log "$1")" || true; }

# The date's runs after the given run id: "started" once one exists, "succeeded" once one succeeded.
runs_after() { # date run_id status_or_empty
    local with_status=
    [ -z "${3:-}" ] || with_status="AND status = '$3'"
    [ "$(sql "SELECT count(*) FROM ops.job_runs WHERE job_name = '$JOB' AND logical_date = '$1' AND id > $2
              $with_status")" -gt 0 ]
}

failover_mode() {
    local kills=${KILLS:-10} leader=$PORT_A standby=$PORT_B i date t0 status tasks_done before lead=() start=() run=()
    local missed=0 code
    # A daily collection of ~20 s (KRX 20/min, burst 1): the kill lands in the middle of it.
    krx_rate "${KRX_PER_MINUTE:-20}" 1 1
    mapfile -t dates < <(last_trading_days "$kills")
    for i in $(seq 1 "$kills"); do
        date=${dates[$((i - 1))]}
        code=$(trigger_on "$leader" "$date")
        [ "$code" = 202 ] || die "trigger on $leader for $date answered $code"
        wait_until 300000 running_with_done "$date" 1 || die "$JOB for $date never started a task"
        read -r status tasks_done <<<"$(latest_run "$date")"
        before=$(sql "SELECT max(id) FROM ops.job_runs")
        t0=$(now_ms)
        crash_instance "$leader"
        wait_until 60000 is_role "$standby" leader || die "no takeover by $standby within 60 s"
        lead+=("$(( $(now_ms) - t0 ))")
        if [ "$status" != running ]; then
            # The run ended before the kill: the new leader's first run is then a fresh trigger.
            missed=$((missed + 1))
            trigger_on "$standby" "$date" >/dev/null
        fi
        wait_until 120000 runs_after "$date" "$before" || die "the new leader started no run for $date"
        start+=("$(( $(now_ms) - t0 ))")
        wait_until 600000 runs_after "$date" "$before" succeeded || die "$JOB for $date did not succeed after the kill"
        run+=("$(( $(now_ms) - t0 ))")
        echo "kill $i date=$date killed_at_tasks=$tasks_done/7 leader_after_ms=${lead[-1]} run_started_after_ms=${start[-1]}" \
            "run_succeeded_after_ms=${run[-1]} runs=$(sql "SELECT string_agg(status || '(' || trigger || ')', ',' ORDER BY id)
                         FROM ops.job_runs WHERE job_name = '$JOB' AND logical_date = '$date'")"
        restart_as_standby "$leader" "$standby"
        local tmp=$leader; leader=$standby; standby=$tmp
    done
    read -r lm lx <<<"$(median_max "${lead[@]}")"
    read -r sm sx <<<"$(median_max "${start[@]}")"
    read -r rm rx <<<"$(median_max "${run[@]}")"
    truth_report "${dates[@]}" >/dev/null
    echo "leader_after_ms=${lead[*]}"
    echo "run_started_after_ms=${start[*]}"
    echo "run_succeeded_after_ms=${run[*]}"
    echo "kills=$kills kills_after_the_run_ended=$missed leader_median_ms=$lm leader_max_ms=$lx" \
        "run_started_median_ms=$sm run_started_max_ms=$sx run_succeeded_median_ms=$rm run_succeeded_max_ms=$rx"
    echo "truth (missing extra duplicated differing idx_missing idx_differing dates_not_one_success other_runs): $TRUTH_TOTALS"
    [ "$TRUTH_TOTALS$missed" = "0 0 0 0 0 0 0 00" ] || die "FAILED: data or runs differ, or a kill missed its run (see above)"
    echo OK
}

freeze_mode() {
    local freezes=${FREEZES:-5} leader=$PORT_A standby=$PORT_B i date t_freeze t0 takeover_ms t_takeover t_cont
    local stepped after_takeover runs_by_old refused failed=0 dates=()
    # A daily collection of ~30 s (KRX 20/min, burst 1): the freeze lands in the middle of it.
    krx_rate "${KRX_PER_MINUTE:-20}" "${KRX_PER_SECOND:-1}" "${KRX_BURST:-1}"
    mapfile -t all < <(last_trading_days "$freezes")
    for i in $(seq 1 "$freezes"); do
        date=${all[$((i - 1))]}
        dates+=("$date")
        [ "$(trigger_on "$leader" "$date")" = 202 ] || die "trigger on $leader for $date refused"
        wait_until 300000 running_with_done "$date" 2 || die "$JOB for $date never reached 2 tasks"
        t_freeze=$(db_now)
        t0=$(now_ms)
        kill -STOP "${PID[$leader]}"
        wait_until 60000 is_role "$standby" leader || die "no takeover by $standby within 60 s of the freeze"
        takeover_ms=$(( $(now_ms) - t0 ))
        t_takeover=$(db_now)
        sleep "${CONT_AFTER_S:-5}"
        t_cont=$(db_now)
        kill -CONT "${PID[$leader]}"
        stepped=never
        t0=$(now_ms)
        wait_until 60000 is_role "$leader" standby && stepped=$(( $(now_ms) - t0 ))
        wait_until 600000 succeeded "$date" || die "$JOB for $date did not succeed after the freeze"
        # Whatever the woken process still had in flight lands (or is refused) within a few seconds.
        sleep "${QUIET_S:-15}"
        after_takeover=$(writes_after "scheduler-$leader" "$t_takeover")
        runs_by_old=$(sql "SELECT string_agg(op || ':' || detail, '; ' ORDER BY id) FROM audit.writes
                            WHERE writer = 'scheduler-$leader' AND tbl = 'ops.job_runs' AND at > '$t_takeover'")
        refused=$(refused_writes "$leader")
        echo "freeze $i date=$date frozen_at=$t_freeze takeover_ms=$takeover_ms cont_at=$t_cont" \
            "old_leader_standby_after_cont_ms=$stepped"
        echo "  rows written by the frozen process after the takeover: $after_takeover"
        echo "  its ops.job_runs writes after the takeover: ${runs_by_old:-none}"
        echo "  'refused write' lines in its log: $refused"
        echo "  runs of $date: $(sql "SELECT string_agg(id || ' ' || status || '(' || trigger || ') by '
              || split_part(instance_id, '@', 1), ', ' ORDER BY id) FROM ops.job_runs
              WHERE job_name = '$JOB' AND logical_date = '$date'")"
        echo "  its log after SIGCONT (leadership, runs):"
        grep -E 'leader election|refused write|abandon|daily-collection' "$(scheduler_log "$leader")" | tail -n 8 | sed 's/^/    /'
        [ "$after_takeover" = none ] || failed=1
        [ "$(leaders_among "$PORT_A" "$PORT_B")" = 1 ] || die "not exactly one leader after the freeze"
        local tmp=$leader; leader=$standby; standby=$tmp
    done
    truth_report "${dates[@]}"
    echo "truth (missing extra duplicated differing idx_missing idx_differing dates_not_one_success other_runs): $TRUTH_TOTALS"
    [ "$failed" = 0 ] || die "FAILED: a frozen leader wrote after the takeover"
    [ "$TRUTH_TOTALS" = "0 0 0 0 0 0 0 0" ] || die "FAILED: data or runs differ (see above)"
    echo OK
}

# Resumes the frozen leader CONT_AFTER_S after the other instance leads.
resume_after_takeover() { # frozen_port other_port
    wait_until 120000 is_role "$2" leader || true
    sleep "${CONT_AFTER_S:-5}"
    kill -CONT "${PID[$1]}"
    log "SIGCONT to $1"
}

triggers_mode() {
    local n=${TRIGGERS:-100} freeze_at=${FREEZE_AT:-30} kill_at=${KILL_AT:-70} port=$PORT_A i date delivered
    local answers retried=0 lost=0 lost_dates=() leader
    krx_rate 180 3 3
    mapfile -t dates < <(last_trading_days "$n")
    [ ${#dates[@]} = "$n" ] || die "the sandbox calendar gave ${#dates[@]} trading days, not $n"
    for i in $(seq 1 "$n"); do
        date=${dates[$((i - 1))]}
        read -r delivered answers <<<"$(deliver_trigger "$date" "$port" 300000)"
        [ "$delivered" != none ] || die "trigger $i ($date) never accepted: $answers"
        port=$delivered
        [ "$answers" = 202 ] || { retried=$((retried + 1)); log "trigger $i ($date): answers $answers"; }
        if [ "$i" = "$freeze_at" ] || [ "$i" = "$kill_at" ]; then
            wait_until 120000 running_with_done "$date" 1 || true
            leader=$(leader_port)
            [ "$leader" != none ] || die "no leader at trigger $i"
            if [ "$i" = "$freeze_at" ]; then
                log "trigger $i: SIGSTOP to the leader $leader"
                kill -STOP "${PID[$leader]}"
                resume_after_takeover "$leader" "$(other_scheduler "$leader")" &
                BG+=($!)
            else
                log "trigger $i: SIGKILL to the leader $leader (restarted at once)"
                crash_instance "$leader"
                start_scheduler "$leader"
            fi
        fi
        # The next trigger once this one's run exists: the in-memory queue holds at most one waiting run.
        if ! wait_until "${RUN_WAIT_MS:-120000}" has_run "$date"; then
            lost=$((lost + 1)); lost_dates+=("$date")
            log "trigger $i ($date): answered 202 by $port but no run within $(( ${RUN_WAIT_MS:-120000} / 1000 )) s"
        fi
    done
    local d
    for d in "${dates[@]}"; do
        [[ " ${lost_dates[*]} " == *" $d "* ]] && continue
        wait_until 600000 succeeded "$d" || log "$d: no succeeded run"
    done
    sleep "${QUIET_S:-15}"
    truth_report "${dates[@]}" >/dev/null
    local manual not_one_manual succeeded_dates
    manual=$(sql "SELECT count(*) FROM ops.job_runs WHERE job_name = '$JOB' AND trigger = 'manual'")
    not_one_manual=$(awk '$17 != 1' "$WORK/truth.txt" | wc -l)
    succeeded_dates=$(awk '$14 >= 1' "$WORK/truth.txt" | wc -l)
    echo "triggers=$n answered_202=$n retried_elsewhere=$retried accepted_but_never_run=$lost ${lost_dates[*]:+(${lost_dates[*]})}"
    echo "manual_runs=$manual dates_without_exactly_one_manual_run=$not_one_manual dates_with_a_succeeded_run=$succeeded_dates"
    echo "runs by status: $(sql "SELECT string_agg(status || '(' || trigger || ')=' || n, ' ' ORDER BY status, trigger)
        FROM (SELECT status, trigger, count(*) n FROM ops.job_runs WHERE job_name = '$JOB' GROUP BY 1, 2) r")"
    echo "dates with other than one manual run: $(awk '$17 != 1 {printf "%s(manual=%s,succeeded=%s) ", $1, $17, $14}' "$WORK/truth.txt")"
    echo "truth (missing extra duplicated differing idx_missing idx_differing dates_not_one_success other_runs): $TRUTH_TOTALS"
    echo "refused writes logged: $PORT_A=$(refused_writes "$PORT_A") $PORT_B=$(refused_writes "$PORT_B")"
    [[ $not_one_manual$lost = 00 && $TRUTH_TOTALS = "0 0 0 0 0 0 0 0" ]] || die "FAILED: see the figures above"
    echo OK
}

start_platform
"${MODE}_mode"
