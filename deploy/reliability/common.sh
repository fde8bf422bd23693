# Helpers without side effects (sourced, not run), shared by lib.sh and deploy/bench/collect-sandbox.sh: time,
# logging, waiting for a condition, the scheduler's internal API (token in $TOKEN) and medians.

now_ms() { date +%s%3N; }
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "$*"; exit 1; }

wait_until() { # timeout_ms command...
    local deadline=$(( $(now_ms) + $1 )); shift
    until "$@"; do
        [ "$(now_ms)" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}

# The scheduler's internal API (X-Internal-Token); generous timeout: the machine may be loaded.
api() { curl -s --max-time 30 -H "X-Internal-Token: $TOKEN" "$@"; }

# "median max" of whole numbers.
median_max() {
    printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[NR]}'
}
