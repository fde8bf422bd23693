#!/usr/bin/env bash
# Full-market indicator benchmark (ml-service): a fresh local PostgreSQL 15 cluster (deploy/test-support),
# ~2,800 stocks x 300 trading days, production IndicatorService vs a naive per-stock JDBC loop.
# Usage: deploy/bench/indicators.sh [-Dstocks=2800] [-Ddays=300]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/lib/kmarket.sh
. deploy/lib/kmarket.sh
find_java
# One reactor build with -am, as the other benchmarks: the classpath then names the service kit and the test
# support by their target/classes, which a fresh machine has not installed in ~/.m2.
./mvnw -B -q -o -pl ml-service -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
cd ml-service
exec "$JAVA_HOME/bin/java" -Xmx1g "$@" -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
    io.kmarket.ml.bench.IndicatorBenchmark
