#!/usr/bin/env bash
# Whole-market corporate-action derivation benchmark (scheduler-service): a fresh local PostgreSQL 15 cluster
# (deploy/test-support), ~2,800 stocks x ten years of trading days (~6.9 M price rows) with splits, bonus issues
# and cash dividends generated in SQL; times the derivation against a raw scan of the same price rows in the same
# run, medians of the rounds, as a Markdown table.
# Usage: deploy/bench/actions-derive.sh [-Dstocks=2800] [-Dfrom=2016-01-04] [-Dto=2025-12-30] [-Drounds=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/lib/kmarket.sh
. deploy/lib/kmarket.sh
find_java
# One reactor build with -am, as the other benchmarks: the classpath then names the service kit and the test
# support by their target/classes, which a fresh machine has not installed in ~/.m2.
./mvnw -B -q -o -pl scheduler-service -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
cd scheduler-service
exec "$JAVA_HOME/bin/java" -Xmx1g "$@" -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
    io.kmarket.scheduler.actions.ActionsDeriveBenchmark
