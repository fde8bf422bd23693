#!/usr/bin/env bash
# Report generation benchmark (ml-service): a @QuarkusTest-driven run over HTTP against a fresh local
# PostgreSQL 15 cluster; one stock with 10 years of daily prices; sequential, then 4 concurrent clients.
# Results are the "RESULT" log lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/lib/kmarket.sh
. deploy/lib/kmarket.sh
find_java
./mvnw -B -o -pl ml-service -am verify -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dquarkus.log.category.\"io.kmarket.ml.reports\".level=WARN "$@" 2>&1 | grep -E "RESULT|Tests run:|BUILD"
