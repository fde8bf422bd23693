#!/usr/bin/env bash
# Full-market indicator benchmark (ml-service): a fresh local PostgreSQL 15 cluster (deploy/test-support),
# ~2,800 stocks x 300 trading days, production IndicatorService vs a naive per-stock JDBC loop.
# Usage: deploy/bench/indicators.sh [-Dstocks=2800] [-Ddays=300]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/lib/kmarket.sh
. deploy/lib/kmarket.sh
find_java
./mvnw -B -q -o -pl ml-service -am test-compile -DskipTests
./mvnw -B -q -pl ml-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
cd ml-service
exec "$JAVA_HOME/bin/java" -Xmx1g "$@" -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
    io.kmarket.ml.bench.IndicatorBenchmark
