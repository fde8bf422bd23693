#!/usr/bin/env bash
# Memory of each running service of the local stack (`./kmarket up`, or `KMARKET_NATIVE=1 ./kmarket up`) right
# after start and at its peak under load. Each service gets the load of its kind of work:
#   api-service        wrk, 2 threads × 32 connections for 20 s on one stock's prices over a year (JSON)
#   ml-service         indicators computed over the last year for every stock (one run, waited for)
#   scheduler-service  one full market day collected from the sandbox (one plan, waited for)
# Prints RSS now (VmRSS) and the process' peak (VmHWM) in MB, before and after the load.
#
#   deploy/bench/memory-under-load.sh            # from the repository root, with the stack up
set -euo pipefail
# shellcheck source=deploy/lib/kmarket.sh
. "$(dirname "$0")/../lib/kmarket.sh"
STATE=$(stack_state)
stack_secrets
TOKEN=${KMARKET_INTERNAL_TOKEN:?secrets.env has no KMARKET_INTERNAL_TOKEN}
API=http://localhost:$(stack_port api)
SCHEDULER=http://localhost:$(stack_port scheduler)
ML=http://localhost:$(stack_port ml)
TO=$(date +%F)
FROM=$(date -d '1 year ago' +%F)
# The last weekday before today: a trading day in the sandbox unless it is a holiday, which only makes it lighter.
DAY=$(d=$(date -d yesterday +%F); while [ "$(date -d "$d" +%u)" -gt 5 ]; do d=$(date -d "$d - 1 day" +%F); done; echo "$d")

mb() { awk -v k="$2:" '$1 == k {printf "%d", $2 / 1024}' "/proc/$1/status"; }
pid_of() { cat "$STATE/run/$1.pid"; }
internal() { curl -fsS -H "X-Internal-Token: $TOKEN" -H 'Content-Type: application/json' "$@"; }
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p"; }

wait_for() {  # url: polls a run until its status is no longer running
  local status
  while status=$(internal "$1" | field status) && [ "$status" = running ]; do sleep 0.5; done
  echo "$status"
}

report() {  # service, before-rss, before-peak
  local pid; pid=$(pid_of "$1")
  echo "$1: RSS after start ${2} MB (peak ${3} MB); under load: RSS $(mb "$pid" VmRSS) MB, peak $(mb "$pid" VmHWM) MB"
}

for svc in api-service ml-service scheduler-service; do
  pid=$(pid_of "$svc")
  rss=$(mb "$pid" VmRSS); hwm=$(mb "$pid" VmHWM)
  case $svc in
    api-service)
      wrk -t2 -c32 -d20s "$API/api/v1/stocks/005930/prices?from=$FROM&to=$TO" | grep -E 'Requests/sec|Non-2xx' || true ;;
    ml-service)
      run=$(internal -X POST "$ML/internal/indicators/compute" -d "{\"from\":\"$FROM\",\"to\":\"$TO\"}" | field runId)
      echo "indicators run $run: $(wait_for "$ML/internal/runs/$run")" ;;
    scheduler-service)
      run=$(internal -X POST "$SCHEDULER/internal/collect" -d "{\"plan\":\"dailyMarket\",\"date\":\"$DAY\"}" | field runId)
      echo "collection of $DAY ($run): $(wait_for "$SCHEDULER/internal/collect/$run")" ;;
  esac
  report "$svc" "$rss" "$hwm"
done
