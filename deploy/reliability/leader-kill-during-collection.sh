#!/usr/bin/env bash
# kill -9 of the scheduler leader DURING a daily collection, $KILLS times, against the sandbox: nothing lost, nothing
# doubled. The sandbox (deploy/sandbox) serves every source; two scheduler-service instances (leader + standby)
# collect from it with KRX slowed down (ops.site_config KRX at $KRX_PER_MINUTE requests/min, burst 1; the sandbox
# itself allows $SANDBOX_KRX_RPS/s) so one daily collection (3 markets + 4 indices, after the KRX login) lasts long
# enough to be killed mid-way. For each of the last $KILLS trading days: trigger daily-collection on the leader,
# SIGKILL the leader once the run reports a given number of tasks done (1..6 of 7, varying), measure the failover,
# let the new leader abandon the dead run and re-run it (catch-up policy), then restart the killed instance as
# standby. Finally every date is compared with the sandbox's ground truth (/sandbox/truth/prices and
# /sandbox/truth/indices): missing, extra, duplicated and differing rows, and ops.job_runs must hold exactly one
# succeeded run per date and the killed ones abandoned. A job paused before the first kill must still be paused and
# must not have run (pause_verdict in lib.sh).
#
#   deploy/reliability/leader-kill-during-collection.sh
#       # KILLS=10 PG_PORT=15433 PORT_A=18300 PORT_B=18301 SANDBOX_PORT=18302 KRX_PER_MINUTE=20 SANDBOX_KRX_RPS=2
#
# Needs the PostgreSQL 15 binaries (KMARKET_PG_BIN), JDK 25 (JAVA_HOME) and curl. Builds what is missing.
# Exits non-zero when a check fails.
set -euo pipefail
# shellcheck source=deploy/reliability/lib.sh
. "$(dirname "$0")/lib.sh"

PORT_A=${PORT_A:-18300}
PORT_B=${PORT_B:-18301}
SANDBOX_PORT=${SANDBOX_PORT:-18302}
KILLS=${KILLS:-10}
KRX_PER_MINUTE=${KRX_PER_MINUTE:-20}
SANDBOX_KRX_RPS=${SANDBOX_KRX_RPS:-2}
SANDBOX=http://localhost:$SANDBOX_PORT
JOB=daily-collection

ensure_built scheduler-service deploy/sandbox
start_postgres

start_sandbox "$SANDBOX_PORT" "$SANDBOX_KRX_RPS"

# As ./kmarket up: every source at the sandbox, with random credentials (it accepts any). ml-service is not part of this
# measurement: its dependents of daily-collection are disabled and its URL points at nothing.
mapfile -t SOURCES < <(sandbox_sources "$SANDBOX")
INSTANCE_ENV+=("${SOURCES[@]}" KMARKET_COLLECT_SITE_REFRESH=PT1S KMARKET_ML_URL=http://127.0.0.1:9)
INSTANCE_JAVA_OPTS=(-Dkmarket.jobs.job.indicators.enabled=false -Dkmarket.jobs.job.evaluation.enabled=false)

start_pair "$PORT_A" "$PORT_B"
sql "UPDATE ops.site_config SET rate_limit_per_minute = $KRX_PER_MINUTE, burst = 1, updated_at = now()
     WHERE site_code = 'KRX'"
pause_job "$PORT_A"

# The last $KILLS trading days before the sandbox's today.
today=$(curl -fs "$SANDBOX/sandbox/clock" | grep -o '"today":"[0-9-]*"' | cut -d'"' -f4)
mapfile -t DATES < <(curl -fs "$SANDBOX/sandbox/truth/calendar?from=$(date -d "$today -60 days" +%F)&to=$(date -d "$today -1 day" +%F)&format=csv" \
    | tail -n +2 | tail -n "$KILLS")
[ ${#DATES[@]} = "$KILLS" ] || die "the sandbox calendar gave ${#DATES[@]} trading days, not $KILLS"

# "status progress_done progress_total" of the date's latest run, empty before the first.
latest_run() {
    sql "SELECT status, coalesce(progress_done, 0), coalesce(progress_total, 0) FROM ops.job_runs
          WHERE job_name = '$JOB' AND logical_date = '$1' ORDER BY id DESC LIMIT 1"
}
running_with_done() { # date tasks_done
    local status tasks_done
    read -r status tasks_done _ <<<"$(latest_run "$1")"
    [ "$status" = succeeded ] || { [ "$status" = running ] && [ "${tasks_done:-0}" -ge "$2" ]; }
}
succeeded() { [ "$(sql "SELECT count(*) FROM ops.job_runs WHERE job_name = '$JOB' AND logical_date = '$1'
                         AND status = 'succeeded'")" -ge 1 ]; }
stored() { sql "SELECT count(*) FROM market.daily_prices WHERE trade_date = '$1'"; }

leader=$PORT_A
standby=$PORT_B
failovers=()
reruns=()
missed_kills=0
for i in $(seq 1 "$KILLS"); do
    date=${DATES[$((i - 1))]}
    kill_after=$(( (i - 1) % 6 + 1 ))
    code=$(api -o /dev/null -w '%{http_code}' -X POST "http://localhost:$leader/internal/jobs/$JOB/trigger?date=$date")
    [ "$code" = 202 ] || die "trigger on $leader for $date answered $code"
    wait_until 600000 running_with_done "$date" "$kill_after" || die "$JOB for $date never reached $kill_after tasks"
    read -r status tasks_done tasks_total <<<"$(latest_run "$date")"
    rows_at_kill=$(stored "$date")
    t_kill=$(now_ms)
    failover "$leader" "$standby"
    if [ "$status" != running ]; then
        missed_kills=$((missed_kills + 1))
        log "kill $i ($date): the run had already ended ($status) before the kill"
    fi
    wait_until 600000 succeeded "$date" || die "$JOB for $date did not succeed after the failover"
    rerun_ms=$(( $(now_ms) - t_kill ))
    failovers+=("$FAILOVER_MS")
    reruns+=("$rerun_ms")
    echo "kill $i date=$date killed_at_tasks=$tasks_done/$tasks_total rows_at_kill=$rows_at_kill failover_ms=$FAILOVER_MS" \
        "succeeded_after_kill_ms=$rerun_ms runs=$(sql "SELECT string_agg(status || '(' || trigger || ')', ','
          ORDER BY id) FROM ops.job_runs WHERE job_name = '$JOB' AND logical_date = '$date'")"
    restart_as_standby "$leader" "$standby"
    tmp=$leader; leader=$standby; standby=$tmp
done

# Ground truth of every date, next to what was stored (truth_report in lib.sh).
echo
echo "date        truth_rows stored missing extra duplicated differing | idx_truth idx_stored idx_missing idx_differing | succeeded abandoned other_runs manual_runs"
truth_report "${DATES[@]}"
cp "$WORK/truth.txt" "$WORK/per-date.txt"

read -r missing extra duplicated differing idx_missing idx_differing not_one_success not_one_abandoned others <<<"$(awk '
    {m+=$4; e+=$5; d+=$6; f+=$7; im+=$11; idf+=$12; s+=($14 != 1); a+=($15 != 1); o+=$16}
    END {print m+0, e+0, d+0, f+0, im+0, idf+0, s+0, a+0, o+0}' "$WORK/per-date.txt")"
running=$(sql "SELECT count(*) FROM ops.job_runs WHERE status = 'running'")
violations=$(curl -fs "$SANDBOX/sandbox/stats" | grep -o '"violations": *[0-9]*' | head -1 | grep -o '[0-9]*$')
read -r f_median f_max <<<"$(median_max "${failovers[@]}")"
read -r r_median r_max <<<"$(median_max "${reruns[@]}")"
echo
echo "failovers_ms=${failovers[*]}"
echo "succeeded_after_kill_ms=${reruns[*]}"
echo "kills=$KILLS kills_after_the_run_ended=$missed_kills failover_median_ms=$f_median failover_max_ms=$f_max" \
    "succeeded_after_kill_median_ms=$r_median succeeded_after_kill_max_ms=$r_max"
echo "missing_rows=$missing extra_rows=$extra duplicated_rows=$duplicated differing_rows=$differing" \
    "missing_index_rows=$idx_missing differing_index_rows=$idx_differing"
echo "dates_without_exactly_one_success=$not_one_success dates_without_exactly_one_abandoned=$not_one_abandoned" \
    "other_runs=$others runs_left_running=$running sandbox_violations=$violations"
pause=$(pause_verdict "$leader" "$standby")
echo "$pause"
[[ $missing$extra$duplicated$differing$idx_missing$idx_differing$not_one_success$not_one_abandoned$others$running$missed_kills \
    = 00000000000 && $violations = 0 && $pause == "pause_survived_restarts=true runs_while_paused=0 "* \
    && $pause != *never ]] || die "FAILED: see the figures above"
echo "OK"
