# shellcheck shell=bash
# The whole platform on real processes, for the failover and failure-matrix scripts (sourced, not run): a throw-away
# PostgreSQL, the sandbox as every upstream, TWO scheduler-service instances, ONE ml-service and ONE api-service,
# every process on its own port and killed on exit (lib.sh's cleanup).
#
# Every service connects with its own application_name (scheduler-<port>, ml-<port>, api-<port>, set in the JDBC
# URL), so that (1) an audit trigger installed by this script (audit.writes, not part of the product's schema) can
# attribute every row written to market.daily_prices, market.index_prices and ops.job_runs to the process that
# wrote it, and (2) a part can be cut off from PostgreSQL by terminating exactly its backends.
#
# The leader lock's session ends after KMARKET_JOBS_LEADER_SESSION_TIMEOUT of silence (the server's
# idle_session_timeout on the lock connection, LeaderElector), polled every KMARKET_JOBS_LEADER_HEARTBEAT: both are
# set short here (SESSION_TIMEOUT=PT4S, HEARTBEAT=PT1S) so a frozen leader loses the lock in seconds.
#
# Ports: PG_PORT (5730), SANDBOX_PORT (8730), PORT_A/PORT_B (8731/8732, schedulers), ML_PORT (8733), API_PORT (8734).

PG_PORT=${PG_PORT:-5730}
# shellcheck source=deploy/reliability/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# lib.sh makes raw-payload-expiry fire every 10 s for its pause check; these scripts count runs and writes, so
# every job keeps its own schedule here.
INSTANCE_ENV=()

SANDBOX_PORT=${SANDBOX_PORT:-8730}
PORT_A=${PORT_A:-8731}
PORT_B=${PORT_B:-8732}
ML_PORT=${ML_PORT:-8733}
API_PORT=${API_PORT:-8734}
SESSION_TIMEOUT=${SESSION_TIMEOUT:-PT4S}
HEARTBEAT=${HEARTBEAT:-PT1S}
SANDBOX=http://localhost:$SANDBOX_PORT
JOB=daily-collection

db_url() { echo "jdbc:postgresql://127.0.0.1:$PG_PORT/kmarket?ApplicationName=$1"; }

# As ./kmarket up: every source at the sandbox, with credentials it accepts. The dependents of daily-collection that
# would multiply the upstream requests (cross-check: one Naver request per stock) or need a trained model are off:
# these scripts measure the collection and the leadership, not the analytics.
scheduler_env() { # port
    echo "KMARKET_DB_URL=$(db_url "scheduler-$1")"
    sandbox_sources "$SANDBOX"
    echo KMARKET_COLLECT_SITE_REFRESH=PT1S "KMARKET_ML_URL=http://127.0.0.1:$ML_PORT"
    echo "KMARKET_JOBS_LEADER_SESSION_TIMEOUT=$SESSION_TIMEOUT" "KMARKET_JOBS_LEADER_HEARTBEAT=$HEARTBEAT"
    echo "KMARKET_JOBS_HEALING_FIRST_DELAY=${HEAL_FIRST_DELAY:-PT10S}" KMARKET_JOBS_HEALING_MAX_DELAY=PT1M
}
INSTANCE_JAVA_OPTS=(-Dkmarket.jobs.job.indicators.enabled=false -Dkmarket.jobs.job.evaluation.enabled=false
    -Dkmarket.jobs.job.source-crosscheck.enabled=false -Dkmarket.jobs.job.price-gap-repair.enabled=false)

start_scheduler() { # port
    local envs
    mapfile -t envs < <(scheduler_env "$1" | tr ' ' '\n')
    start_app scheduler-service "$1" kmarket_scheduler KMARKET_JOBS_FIRST_START_ENABLED=false "${envs[@]}" \
        -- "${INSTANCE_JAVA_OPTS[@]}"
}
# lib.sh's restart_as_standby and start_pair start instances through this name.
start_instance() { start_scheduler "$1"; }
start_ml() { start_app ml-service "$ML_PORT" kmarket_ml KMARKET_DB_URL="$(db_url "ml-$ML_PORT")"; }
start_api() {
    start_app api-service "$API_PORT" kmarket_api KMARKET_DB_URL="$(db_url "api-$API_PORT")" \
        "KMARKET_ML_URL=http://127.0.0.1:$ML_PORT"
}
# Starts whatever part the port names (as a supervisor restarts a crashed container).
start_part() { # port
    case $1 in
        "$PORT_A"|"$PORT_B") start_scheduler "$1" ;;
        "$ML_PORT") start_ml ;;
        "$API_PORT") start_api ;;
        *) die "no part on port $1" ;;
    esac
}

# Who wrote what: one row per row written (insert or update) into the watched tables, with the writer's
# application_name and the server's clock. A write that is refused rolls back with its audit row.
install_audit() {
    psql_admin -d kmarket -c "SET client_min_messages = warning;
        CREATE SCHEMA IF NOT EXISTS audit;
        CREATE TABLE IF NOT EXISTS audit.writes (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL,
            writer text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp(), detail text);
        CREATE OR REPLACE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS \$\$
        BEGIN
            INSERT INTO audit.writes (tbl, op, writer) VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP,
                current_setting('application_name'));
            RETURN NULL;
        END \$\$;
        CREATE OR REPLACE FUNCTION audit.record_run() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS \$\$
        BEGIN
            INSERT INTO audit.writes (tbl, op, writer, detail) VALUES ('ops.job_runs', TG_OP,
                current_setting('application_name'),
                NEW.id || ' ' || NEW.job_name || ' ' || NEW.logical_date || ' ' || NEW.status);
            RETURN NULL;
        END \$\$;
        DROP TRIGGER IF EXISTS audit_writes ON market.daily_prices;
        DROP TRIGGER IF EXISTS audit_writes ON market.index_prices;
        DROP TRIGGER IF EXISTS audit_writes ON ops.job_runs;
        CREATE TRIGGER audit_writes AFTER INSERT OR UPDATE ON market.daily_prices FOR EACH ROW EXECUTE FUNCTION audit.record();
        CREATE TRIGGER audit_writes AFTER INSERT OR UPDATE ON market.index_prices FOR EACH ROW EXECUTE FUNCTION audit.record();
        CREATE TRIGGER audit_writes AFTER INSERT OR UPDATE ON ops.job_runs FOR EACH ROW EXECUTE FUNCTION audit.record_run();" >/dev/null
}
db_now() { sql "SELECT clock_timestamp()"; }

# The postmaster and its children (backends, checkpointer, ...), by pid, one a line.
pg_pids() {
    local master
    master=$(head -1 "$WORK/data/postmaster.pid" 2>/dev/null) || return 0
    [ -n "$master" ] || return 0
    echo "$master"
    ps -o pid= --ppid "$master" 2>/dev/null | tr -d ' ' || true
}

# PostgreSQL, sandbox, scheduler A (leader), scheduler B (standby), ml-service, api-service; all ready.
start_platform() {
    ensure_built scheduler-service ml-service api-service deploy/sandbox
    start_postgres
    start_sandbox "$SANDBOX_PORT" "${SANDBOX_KRX_RPS:-5}"
    start_scheduler "$PORT_A"
    wait_until 180000 is_role "$PORT_A" leader || die "scheduler $PORT_A never led"
    install_audit
    start_scheduler "$PORT_B"
    start_ml
    wait_until 180000 is_role "$PORT_B" standby || die "scheduler $PORT_B never came up"
    wait_until 180000 ready "$ML_PORT" || die "ml-service never came up"
    start_api
    wait_until 180000 ready "$API_PORT" || die "api-service never came up"
    log "platform up: pg $PG_PORT sandbox $SANDBOX_PORT schedulers $PORT_A (leader) $PORT_B ml $ML_PORT api $API_PORT"
}

# KRX speed for the collection (ops.site_config, re-read every second): per minute, per second, burst.
krx_rate() { sql "UPDATE ops.site_config SET rate_limit_per_minute = $1, rate_limit_per_second = $2, burst = $3,
                  updated_at = now() WHERE site_code = 'KRX'"; }

# The last N trading days before the sandbox's today, one a line.
last_trading_days() { # n
    local today
    today=$(curl -fs "$SANDBOX/sandbox/clock" | grep -o '"today":"[0-9-]*"' | cut -d'"' -f4)
    curl -fs "$SANDBOX/sandbox/truth/calendar?from=$(date -d "$today -$(( $1 * 2 + 30 )) days" +%F)&to=$(date -d "$today -1 day" +%F)&format=csv" \
        | tail -n +2 | tail -n "$1"
}

leader_port() { local p; for p in "$PORT_A" "$PORT_B"; do is_role "$p" leader && { echo "$p"; return; }; done; echo none; }
other_scheduler() { [ "$1" = "$PORT_A" ] && echo "$PORT_B" || echo "$PORT_A"; }

# "status progress_done" of the date's latest run, empty before the first.
latest_run() { sql "SELECT status, coalesce(progress_done, 0) FROM ops.job_runs
                     WHERE job_name = '$JOB' AND logical_date = '$1' ORDER BY id DESC LIMIT 1"; }
running_with_done() { # date tasks_done
    local status tasks_done
    read -r status tasks_done <<<"$(latest_run "$1")"
    [ "$status" = succeeded ] || { [ "$status" = running ] && [ "${tasks_done:-0}" -ge "$2" ]; }
}
has_run() { [ -n "$(latest_run "$1")" ]; }
succeeded() { [ "$(sql "SELECT count(*) FROM ops.job_runs WHERE job_name = '$JOB' AND logical_date = '$1'
                         AND status = 'succeeded'")" -ge 1 ]; }

# POST .../trigger on the port; prints the HTTP status (000: no answer within TRIGGER_TIMEOUT_S).
trigger_on() { # port date
    curl -s -o /dev/null -w '%{http_code}' --max-time "${TRIGGER_TIMEOUT_S:-5}" -H "X-Internal-Token: $TOKEN" \
        -X POST "http://localhost:$1/internal/jobs/$JOB/trigger?date=$2" || true
}
# A client that wants its trigger delivered once: a 409 (standby), 503 or no answer (dying, frozen) is retried on
# the other instance, back and forth, until one answers 202. Prints "port answers" (answers like 000,409,202).
deliver_trigger() { # date first_port timeout_ms
    local port=$2 code answers="" deadline=$(( $(now_ms) + $3 ))
    while :; do
        code=$(trigger_on "$port" "$1")
        answers+="${answers:+,}$code"
        [ "$code" = 202 ] && { echo "$port $answers"; return 0; }
        [ "$(now_ms)" -lt "$deadline" ] || { echo "none $answers"; return 1; }
        case $code in 409|503|000) port=$(other_scheduler "$port"); sleep 0.2 ;; *) sleep 1 ;; esac
    done
}

# Rows the writer (an application_name) wrote after the instant, per table with the first and last instant:
# "market.index_prices=1 (10:35:23.101..10:35:23.101)", or "none".
writes_after() { # writer instant
    local rows
    rows=$(sql "SELECT string_agg(tbl || '=' || n || ' (' || to_char(first, 'HH24:MI:SS.MS') || '..'
                      || to_char(last, 'HH24:MI:SS.MS') || ')', ', ' ORDER BY tbl)
                 FROM (SELECT tbl, count(*) AS n, min(at) AS first, max(at) AS last FROM audit.writes
                        WHERE writer = '$1' AND at > '$2' GROUP BY tbl) w")
    echo "${rows:-none}"
}
