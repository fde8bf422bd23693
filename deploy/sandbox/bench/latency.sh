#!/usr/bin/env bash
# Median latency of sandbox endpoints (30 sequential requests each) against a trivial baseline, same run.
# shellcheck source=deploy/lib/kmarket.sh
. "$(dirname "$0")/../../lib/kmarket.sh"
B=${1:-http://localhost:18100}
rm -f /tmp/bench-cj
curl -s -c /tmp/bench-cj -b /tmp/bench-cj "$B"/krx/contents/MDC/COMS/client/MDCCOMS001.cmd >/dev/null
curl -s -c /tmp/bench-cj -b /tmp/bench-cj -d "mbrId=bench&pw=bench&skipDup=Y" "$B"/krx/contents/MDC/COMS/client/MDCCOMS001D1.cmd >/dev/null
run() {
    local name=$1 times
    shift
    mapfile -t times < <(for _ in $(seq 30); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done)
    printf '%-40s %s s\n' "$name" "$(median "${times[@]}")"
}
K=0123456789012345678901234567890123456789
run "baseline GET /sandbox/clock" "$B"/sandbox/clock
run "KRX MDCSTAT01501 mktId=ALL (2,7xx rows)" -b /tmp/bench-cj -d "bld=dbms/MDC/STAT/standard/MDCSTAT01501&mktId=ALL&trdDd=20240610" "$B"/krx/comm/bldAttendant/getJsonData.cmd
run "KRX MDCSTAT01701 2 years raw" -b /tmp/bench-cj -d "bld=dbms/MDC/STAT/standard/MDCSTAT01701&isuCd=KR7005930003&strtDd=20220101&endDd=20231231&adjStkPrc=1" "$B"/krx/comm/bldAttendant/getJsonData.cmd
run "Naver sise.nhn count=6000" "$B/naver/sise.nhn?symbol=005930&timeframe=day&count=6000&requestType=0"
run "DART list.json 3 months page_count=100" "$B/dart/api/list.json?crtfc_key=$K&bgn_de=20240101&end_de=20240331&page_count=100"
