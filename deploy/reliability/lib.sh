# shellcheck shell=bash
# Shared steps of the reliability and rolling scripts (sourced, not run): a throw-away PostgreSQL cluster, service
# instances on given ports, the scheduler's role, the leader's pause check and the sandbox's truth. Every process it
# starts is killed and the cluster removed on exit. Time, waiting, the JDK, PostgreSQL's binaries, the internal
# API and the sandbox's sources come from deploy/lib/kmarket.sh.
#
# Reads: KMARKET_PG_BIN, PG_PORT (15433), JAVA_HOME. Callers may add environment variables (INSTANCE_ENV) and JVM
# options (INSTANCE_JAVA_OPTS) for every scheduler instance before starting one.

# shellcheck source=deploy/lib/kmarket.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/kmarket.sh"
ROOT=$KMARKET_ROOT
PG_PORT=${PG_PORT:-15433}
find_java
JAVA=$JAVA_HOME/bin/java
WORK=$(mktemp -d /tmp/kmarket-reliability.XXXXXX)
# Random per run, and the token is not a password: the services refuse fixed secrets outside a local run.
TOKEN=$(random_hex 24)
DB_PASSWORD=$(random_hex 24)
# Credentials for the sandbox's sources (sandbox_sources): random per run as well, drawn here once so that every
# instance has the same (KRX keeps one session per member, as the real site does).
sandbox_credentials
INSTANCE_ENV=()
INSTANCE_JAVA_OPTS=()

# Processes by port (scheduler instances and the sandbox), all SIGKILLed on exit.
declare -A PID
cleanup() {
    for port in "${!PID[@]}"; do
        if kill -9 "${PID[$port]}" 2>/dev/null; then wait "${PID[$port]}" 2>/dev/null || true; fi
    done
    as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
    if [ -n "${KEEP_LOGS:-}" ]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# Builds the given modules unless their runnable jar exists, then runs them from a copy in $WORK/<module name>: a
# build in the worktree during a measurement would otherwise replace the jars under the running JVMs.
ensure_built() {
    local module missing=()
    for module in "$@"; do
        [ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ] || missing+=("$module")
    done
    if [ ${#missing[@]} != 0 ]; then
        log "building ${missing[*]}"
        (cd "$ROOT" && ./mvnw -B -q -pl "$(IFS=,; echo "${missing[*]}")" -am package -DskipTests)
    fi
    for module in "$@"; do
        cp -r "$ROOT/$module/target/quarkus-app" "$WORK/$(basename "$module")"
    done
}

psql_admin() { "$PG_BIN/psql" -X -q -h "$WORK" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
sql() { psql_admin -d kmarket -At -F ' ' -c "$1"; }

# A fresh cluster with the kmarket database and the service roles of deploy/db/roles.sql.
start_postgres() {
    ensure_postgres_binaries
    if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; fi
    as_postgres "$PG_BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    pg_up
    psql_admin -d postgres -c "CREATE DATABASE kmarket"
    psql_admin -d kmarket -v scheduler_password="$DB_PASSWORD" -v ml_password="$DB_PASSWORD" -v api_password="$DB_PASSWORD" \
        -f "$ROOT/deploy/db/roles.sql" >/dev/null
}

# Stops (pg_ctl -m fast: sessions are ended, as in a normal restart) and starts the cluster of start_postgres.
pg_down() { as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null; }
pg_up() {
    as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w \
        -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
}

# A service (its copy in $WORK, see ensure_built) on the port, as the given database role, with extra VAR=value
# settings and, after "--", JVM options. Its log is $WORK/<module>-<port>.log.
start_app() { # module port db_role [VAR=value...] [-- jvm options...]
    local module=$1 port=$2 db_role=$3 envs=() opts=()
    shift 3
    while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    opts=("$@")
    # setsid: a process SIGSTOPped by a script must stay stopped; in the script's process group the kernel would
    # send it SIGHUP and SIGCONT as soon as the group is orphaned (the shell that started the script exits).
    setsid env KMARKET_HTTP_PORT="$port" KMARKET_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/kmarket" \
        KMARKET_DB_USERNAME="$db_role" KMARKET_DB_PASSWORD="$DB_PASSWORD" KMARKET_INTERNAL_TOKEN="$TOKEN" "${envs[@]}" \
        "$JAVA" -Xmx512m "${opts[@]}" -jar "$WORK/$module/quarkus-run.jar" >>"$WORK/$module-$port.log" 2>&1 &
    PID[$port]=$!
}

# The sandbox (its copy in $WORK) on the port, KRX allowing krx_rps requests a second (the sandbox's own default
# when not given); returns once it answers ready. Its log is $WORK/sandbox.log.
start_sandbox() { # port [krx_rps]
    local limits=()
    [ -z "${2:-}" ] || limits=("KMARKET_SANDBOX_KRX_RPS=$2")
    setsid env KMARKET_HTTP_PORT="$1" "${limits[@]}" "$JAVA" -Xmx512m -jar "$WORK/sandbox/quarkus-run.jar" \
        >>"$WORK/sandbox.log" 2>&1 &
    PID[$1]=$!
    wait_until 180000 ready "$1" || die "the sandbox never came up"
}

# SIGTERM, as an orchestrator stops a container, and waits for the exit; STOP_MS = how long the exit took.
stop_app() { # port
    local t0
    t0=$(now_ms)
    kill -TERM "${PID[$1]}"
    wait "${PID[$1]}" 2>/dev/null || true
    # shellcheck disable=SC2034 # a result for the scripts that source this file
    STOP_MS=$(( $(now_ms) - t0 ))
    unset "PID[$1]"
}

# One scheduler-service instance on the port; no first-start backfill (the scripts drive the runs themselves).
start_instance() {
    start_app scheduler-service "$1" kmarket_scheduler KMARKET_JOBS_FIRST_START_ENABLED=false "${INSTANCE_ENV[@]}" \
        -- "${INSTANCE_JAVA_OPTS[@]}"
}

# SIGKILL, as a crash: no shutdown hook, no lock release, the run row stays 'running'.
crash_instance() {
    kill -9 "${PID[$1]}"
    wait "${PID[$1]}" 2>/dev/null || true
}

role() { curl -s --max-time 1 "http://localhost:$1/q/health/ready" | grep -o '"role": *"[a-z]*"' | sed 's/.*"\([a-z]*\)"$/\1/' || true; }
is_role() { [ "$(role "$1")" = "$2" ]; }
leaders_among() { local p; for p in "$@"; do role "$p"; done | grep -c leader || true; }

paused() { api "http://localhost:$1/internal/jobs/$PAUSED_JOB" | grep -q '"paused": *true'; }

# Pause across restarts: PAUSED_JOB is made to fire every 10 s, then paused through the API; however often the
# instances are killed and restarted, it must stay paused on every instance and never run, and once resumed it
# must fire (which shows that the check could fail).
PAUSED_JOB=raw-payload-expiry
INSTANCE_ENV+=("KMARKET_JOBS_JOB_RAW_PAYLOAD_EXPIRY_CRON=0/10 * * * * ?")
pause_job() { # port
    api -X POST "http://localhost:$1/internal/jobs/$PAUSED_JOB/pause" >/dev/null
    paused "$1" || die "pausing $PAUSED_JOB did not take"
    RUNS_BEFORE_PAUSE=$(sql "SELECT coalesce(max(id), 0) FROM ops.job_runs")
}
paused_job_runs() { sql "SELECT count(*) FROM ops.job_runs WHERE job_name = '$PAUSED_JOB' AND id > $RUNS_BEFORE_PAUSE"; }
has_paused_job_run() { [ "$(paused_job_runs)" -gt 0 ]; }
# Prints "pause_survived_restarts=... runs_while_paused=... fired_after_resume_ms=..." for the given instances;
# the first one must be the leader.
pause_verdict() {
    local survived=true p while_paused t0 fired=never
    for p in "$@"; do paused "$p" || survived=false; done
    while_paused=$(paused_job_runs)
    t0=$(now_ms)
    api -X POST "http://localhost:$1/internal/jobs/$PAUSED_JOB/resume" >/dev/null
    wait_until 60000 has_paused_job_run && fired=$(( $(now_ms) - t0 ))
    echo "pause_survived_restarts=$survived runs_while_paused=$while_paused fired_after_resume_ms=$fired"
}

# Starts instance A, waits for it to lead, then instance B as standby.
start_pair() {
    start_instance "$1"
    wait_until 120000 is_role "$1" leader || die "instance $1 never led"
    start_instance "$2"
    wait_until 120000 is_role "$2" standby || die "instance $2 never came up"
}

# Kills the leader; FAILOVER_MS = milliseconds until the standby reports itself leader.
failover() { # leader standby
    local t0
    t0=$(now_ms)
    crash_instance "$1"
    wait_until 30000 is_role "$2" leader || die "no takeover by $2 within 30 s"
    # shellcheck disable=SC2034 # a result for the scripts that source this file
    FAILOVER_MS=$(( $(now_ms) - t0 ))
}

# The killed instance comes back and must stay standby: exactly one leader between the two.
restart_as_standby() { # port other_port
    start_instance "$1"
    wait_until 120000 is_role "$1" standby || die "restarted $1 never came up"
    [ "$(leaders_among "$1" "$2")" = 1 ] || die "$(leaders_among "$1" "$2") leaders after restarting $1"
}

# Ground truth of the sandbox ($SANDBOX: /sandbox/truth/prices, /sandbox/truth/indices/{1001,1028,2001,2203}) of
# the dates next to what $JOB stored. Prints one line per date: "date truth stored missing extra duplicated differing | idx_truth idx_stored
# idx_missing idx_differing | succeeded abandoned other_runs manual_runs", then sets TRUTH_TOTALS to
# "missing extra duplicated differing idx_missing idx_differing dates_not_one_success other_runs".
truth_report() { # dates...
    local date ticker dates_sql
    psql_admin -d kmarket -c "SET client_min_messages = warning; CREATE SCHEMA IF NOT EXISTS truth;
        DROP TABLE IF EXISTS truth.prices, truth.indices;
        CREATE TABLE truth.prices (code text, date date, open bigint, high bigint, low bigint, close bigint,
            previous_close bigint, volume bigint, value numeric, shares bigint, market_cap numeric, halted boolean);
        CREATE TABLE truth.indices (ticker text, date date, open numeric, high numeric, low numeric, close numeric,
            volume bigint, value numeric, market_cap numeric)" >/dev/null
    for date in "$@"; do
        curl -fs "$SANDBOX/sandbox/truth/prices?date=$date&format=csv" \
            | psql_admin -d kmarket -c "\\copy truth.prices FROM STDIN WITH (FORMAT csv, HEADER true)" >/dev/null
        for ticker in 1001 1028 2001 2203; do
            curl -fs "$SANDBOX/sandbox/truth/indices/$ticker?from=$date&to=$date&format=csv" | tail -n +2 \
                | sed "s/^/$ticker,/" | psql_admin -d kmarket -c "\\copy truth.indices FROM STDIN WITH (FORMAT csv)" >/dev/null
        done
    done
    printf -v dates_sql "'%s'," "$@"
    dates_sql="ARRAY[${dates_sql%,}]::date[]"
    sql "WITH d AS (SELECT unnest($dates_sql) AS day)
    SELECT day,
      (SELECT count(*) FROM truth.prices t WHERE t.date = day),
      (SELECT count(*) FROM market.daily_prices p WHERE p.trade_date = day),
      (SELECT count(*) FROM truth.prices t WHERE t.date = day AND NOT EXISTS
          (SELECT 1 FROM market.daily_prices p WHERE p.code = t.code AND p.trade_date = t.date)),
      (SELECT count(*) FROM market.daily_prices p WHERE p.trade_date = day AND NOT EXISTS
          (SELECT 1 FROM truth.prices t WHERE t.code = p.code AND t.date = p.trade_date)),
      (SELECT count(*) - count(DISTINCT p.code) FROM market.daily_prices p WHERE p.trade_date = day),
      (SELECT count(*) FROM truth.prices t JOIN market.daily_prices p ON p.code = t.code AND p.trade_date = t.date
        WHERE t.date = day AND (p.open, p.high, p.low, p.close, p.volume, p.trading_value, p.market_cap, p.shares_out)
          IS DISTINCT FROM (t.open, t.high, t.low, t.close, t.volume, t.value, t.market_cap, t.shares)),
      '|',
      (SELECT count(*) FROM truth.indices t WHERE t.date = day),
      (SELECT count(*) FROM market.index_prices i WHERE i.trade_date = day),
      (SELECT count(*) FROM truth.indices t WHERE t.date = day AND NOT EXISTS
          (SELECT 1 FROM market.index_prices i WHERE i.index_code = t.ticker AND i.trade_date = t.date)),
      (SELECT count(*) FROM truth.indices t JOIN market.index_prices i ON i.index_code = t.ticker AND i.trade_date = t.date
        WHERE t.date = day AND (i.open, i.high, i.low, i.close, i.volume, i.trading_value)
          IS DISTINCT FROM (t.open, t.high, t.low, t.close, t.volume, t.value)),
      '|',
      (SELECT count(*) FROM ops.job_runs r WHERE r.job_name = '$JOB' AND r.logical_date = day AND r.status = 'succeeded'),
      (SELECT count(*) FROM ops.job_runs r WHERE r.job_name = '$JOB' AND r.logical_date = day AND r.status = 'abandoned'),
      (SELECT count(*) FROM ops.job_runs r WHERE r.job_name = '$JOB' AND r.logical_date = day
          AND r.status NOT IN ('succeeded', 'abandoned')),
      (SELECT count(*) FROM ops.job_runs r WHERE r.job_name = '$JOB' AND r.logical_date = day AND r.trigger = 'manual')
    FROM d ORDER BY day" | tee "$WORK/truth.txt"
    # shellcheck disable=SC2034 # a result for the scripts that source this file
    TRUTH_TOTALS=$(awk '{m+=$4; e+=$5; d+=$6; f+=$7; im+=$11; idf+=$12; s+=($14 != 1); o+=$16}
        END {print m+0, e+0, d+0, f+0, im+0, idf+0, s+0, o+0}' "$WORK/truth.txt")
}
