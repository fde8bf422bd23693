#!/usr/bin/env bash
# Leader failover of scheduler-service, measured on real processes: two instances share one PostgreSQL; the
# leader is killed with SIGKILL $KILLS times and the time until the other instance reports "leader" in
# /q/health/ready is recorded. Prints each failover and the median/max in milliseconds. A job made to fire every
# 10 s and paused through the first leader's API before the kills must still be paused after every instance has
# been killed and restarted, must not have run, and must fire once resumed (see pause_verdict in lib.sh).
#
#   deploy/reliability/leader-failover.sh            # KILLS=10 PG_PORT=15433 PORT_A=18300 PORT_B=18301
#
# Needs the PostgreSQL 15 binaries (KMARKET_PG_BIN), JDK 25 (JAVA_HOME) and curl. Builds the service if needed.
set -euo pipefail
# shellcheck source=deploy/reliability/lib.sh
. "$(dirname "$0")/lib.sh"

PORT_A=${PORT_A:-18300}
PORT_B=${PORT_B:-18301}
KILLS=${KILLS:-10}

ensure_built scheduler-service
start_postgres
start_pair "$PORT_A" "$PORT_B"

pause_job "$PORT_A"

leader=$PORT_A
standby=$PORT_B
results=()
for i in $(seq 1 "$KILLS"); do
    failover "$leader" "$standby"
    results+=("$FAILOVER_MS")
    log "kill $i: instance $standby leads after ${FAILOVER_MS} ms"
    restart_as_standby "$leader" "$standby"
    tmp=$leader; leader=$standby; standby=$tmp
done

running=$(sql "SELECT count(*) FROM ops.job_runs WHERE status = 'running'")
read -r median max <<<"$(median_max "${results[@]}")"
echo "failovers_ms=${results[*]}"
echo "median_ms=$median max_ms=$max kills=$KILLS runs_left_running=$running"
pause_verdict "$leader" "$standby"
