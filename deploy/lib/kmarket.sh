# shellcheck shell=bash
# What the launcher (./kmarket), .ci/run and the deploy scripts share (sourced, not run): output and waiting, JDK 25,
# the PostgreSQL binaries and running them as postgres, packages from apt, random secrets and the sandbox's
# credentials, readiness, the scheduler's internal API, the local stack of `./kmarket up` and medians.
#
# Source it as `. "$ROOT/deploy/lib/kmarket.sh"`. It defines functions and KMARKET_ROOT, PG_BIN and
# SANDBOX_SECRETS only, and changes no shell option. A caller may redefine log and die after sourcing (the launcher
# prints its own prefix): the functions here call them by name.

KMARKET_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# ---- output, time, waiting --------------------------------------------------------------------------------------

now_ms() { date +%s%3N; }
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "$*"; exit 1; }

# Runs the command every 50 ms until it succeeds; 1 when it has not within timeout_ms.
wait_until() { # timeout_ms command...
    local deadline=$(( $(now_ms) + $1 ))
    shift
    until "$@"; do
        [ "$(now_ms)" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}

# ---- JDK 25 -----------------------------------------------------------------------------------------------------

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# Exports JAVA_HOME as a JDK 25 or newer. The default java here is 17; JAVA_HOME wins
# when it is new enough, else the first such JDK of /usr/lib/jvm.
find_java() {
    local candidate
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [[ -n $candidate && -x $candidate/bin/java ]] || continue
        if [ "$(java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
            export JAVA_HOME=$candidate
            return
        fi
    done
    die "JDK 25 or newer not found: set JAVA_HOME to one (looked at \$JAVA_HOME and /usr/lib/jvm/*)"
}

# ---- packages ---------------------------------------------------------------------------------------------------

# apt-get install, quietly, refreshing the package lists first only when the package is not found without.
apt_install() { # package...
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; }
}

# Installs the package when the command is missing and this runs as root with apt; else stops, saying what to run.
need() { # command debian-package
    command -v "$1" >/dev/null && return
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then die "$1 missing: apt-get install -y $2"; fi
    log "installing $2 (apt-get install $2)"
    apt_install "$2"
}

# ---- PostgreSQL -------------------------------------------------------------------------------------------------

PG_BIN=${KMARKET_PG_BIN:-/usr/lib/postgresql/15/bin}

ensure_postgres_binaries() {
    [ -x "$PG_BIN/initdb" ] && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing PostgreSQL 15 (apt-get install postgresql-15)"
        apt_install postgresql-15
    fi
    [ -x "$PG_BIN/initdb" ] \
        || die "PostgreSQL 15 binaries missing in $PG_BIN: run 'sudo apt-get install postgresql-15' or set KMARKET_PG_BIN"
}

# initdb and postgres refuse to run as root: as root, they run as the postgres user.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A directory only the server's user may enter (initdb's data directory, the socket directory).
pg_owned_dir() {
    mkdir -p "$1"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$1"; fi
    chmod 700 "$1"
}

# ---- secrets and the sandbox's sources --------------------------------------------------------------------------

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# The credentials the services are given for the sandbox's sources. It accepts any; the services refuse fixed ones.
SANDBOX_SECRETS=(SANDBOX_KRX_USERNAME SANDBOX_KRX_PASSWORD SANDBOX_KIS_APP_KEY SANDBOX_KIS_APP_SECRET
    SANDBOX_DART_API_KEYS)

# A new random value for the named secret: two 40-character OpenDART keys (the collector spreads its calls over its
# keys, as with the real site), else 48 hex characters.
new_secret() { # name
    case $1 in
        *_DART_API_KEYS) echo "$(random_hex 20),$(random_hex 20)" ;;
        *) random_hex 24 ;;
    esac
}

# Gives every sandbox credential not set yet a new random value (./kmarket keeps its own in secrets.env; the
# throw-away runs of the scripts take new ones).
sandbox_credentials() {
    local name
    for name in "${SANDBOX_SECRETS[@]}"; do
        [ -n "${!name:-}" ] || printf -v "$name" '%s' "$(new_secret "$name")"
    done
}

# VAR=value lines pointing every source at the sandbox under the base URL, with the sandbox credentials
# (sandbox_credentials). A base URL or credential already set in the environment wins, so that
# `KMARKET_SOURCES_DART_BASE_URL=https://opendart.fss.or.kr ./kmarket up` uses the real site.
sandbox_sources() { # base_url
    local source var
    sandbox_credentials
    for source in KRX DART NAVER KIS DAUM; do
        var=KMARKET_SOURCES_${source}_BASE_URL
        echo "$var=${!var:-$1/${source,,}}"
    done
    echo "KMARKET_SOURCES_DART_API_KEYS=${KMARKET_SOURCES_DART_API_KEYS:-$SANDBOX_DART_API_KEYS}"
    echo "KMARKET_SOURCES_KRX_USERNAME=${KMARKET_SOURCES_KRX_USERNAME:-$SANDBOX_KRX_USERNAME}"
    echo "KMARKET_SOURCES_KRX_PASSWORD=${KMARKET_SOURCES_KRX_PASSWORD:-$SANDBOX_KRX_PASSWORD}"
    echo "KMARKET_SOURCES_KIS_APP_KEY=${KMARKET_SOURCES_KIS_APP_KEY:-$SANDBOX_KIS_APP_KEY}"
    echo "KMARKET_SOURCES_KIS_APP_SECRET=${KMARKET_SOURCES_KIS_APP_SECRET:-$SANDBOX_KIS_APP_SECRET}"
}

# ---- services over HTTP -----------------------------------------------------------------------------------------

# The service on the port answers /q/health/ready with 200.
ready() { curl -fs -o /dev/null --max-time 2 "http://localhost:$1/q/health/ready"; }

# Waits until the service on the port is ready: 0 once it is, 1 after timeout_ms, 2 as soon as the process (when
# its pid is given) has exited. Polls every READY_POLL_S (0.2) seconds.
wait_ready() { # port timeout_ms [pid]
    local deadline=$(( $(now_ms) + $2 ))
    until ready "$1"; do
        [ -z "${3:-}" ] || kill -0 "$3" 2>/dev/null || return 2
        [ "$(now_ms)" -lt "$deadline" ] || return 1
        sleep "${READY_POLL_S:-0.2}"
    done
}

# The scheduler's internal API (X-Internal-Token from $TOKEN); generous timeout: the machine may be loaded.
api() { curl -s --max-time 30 -H "X-Internal-Token: $TOKEN" "$@"; }

# ---- the local stack of ./kmarket up ----------------------------------------------------------------------------

# Its state directory and ports, as the launcher's variables set them (read at each call: a script may point
# KMARKET_STATE_DIR elsewhere between two stacks).
stack_state() { echo "${KMARKET_STATE_DIR:-$KMARKET_ROOT/.kmarket}"; }
stack_port() { # pg|sandbox|scheduler|ml|api
    case $1 in
        pg) echo "${KMARKET_PG_PORT:-5433}" ;;
        sandbox) echo "${KMARKET_SANDBOX_PORT:-8089}" ;;
        scheduler) echo "${KMARKET_SCHEDULER_PORT:-8081}" ;;
        ml) echo "${KMARKET_ML_PORT:-8082}" ;;
        api) echo "${KMARKET_API_PORT:-8080}" ;;
        *) die "no port for $1" ;;
    esac
}
# psql as the cluster's superuser, over the stack's socket; name the database with -d.
stack_psql() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(stack_state)/run" -p "$(stack_port pg)" -U postgres "$@"; }
# Exports the secrets ./kmarket up generated (database passwords, internal token, sandbox credentials).
stack_secrets() {
    local secrets
    secrets=$(stack_state)/secrets.env
    [ -f "$secrets" ] || die "$secrets missing: start the stack with ./kmarket up first"
    set -a
    # shellcheck source=/dev/null # generated by ./kmarket up
    . "$secrets"
    set +a
}

# ---- figures ----------------------------------------------------------------------------------------------------

# The median of the numbers (the mean of the middle two of an even count), and "median max".
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
median_max() { echo "$(median "$@") $(printf '%s\n' "$@" | sort -g | tail -n 1)"; }

# ---- ShellCheck -------------------------------------------------------------------------------------------------

# Every shell script of the repository (the launcher, .ci/run and every *.sh outside build output), one a line,
# relative to KMARKET_ROOT.
shell_scripts() {
    (cd "$KMARKET_ROOT" && {
        echo kmarket
        echo .ci/run
        find . \( -name target -o -name .git -o -name .kmarket -o -name node_modules \) -prune -o -name '*.sh' -type f \
            -print | sed 's|^\./||' | sort
    })
}
# ShellCheck over every script, from the repository root (the scripts' source directives are relative to it).
check_scripts() {
    local files
    mapfile -t files < <(shell_scripts)
    (cd "$KMARKET_ROOT" && shellcheck -x "${files[@]}")
}
