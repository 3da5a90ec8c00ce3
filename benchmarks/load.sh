#!/usr/bin/env bash
# People taking part over HTTP against the packaged jar (-Xmx256m), 1, 8 and 32 at once: journeys a
# second, latency of "Send", CPU per journey and resident memory. On the default H2 file, and on
# PostgreSQL with one and with two instances when PEER_REFLECT_BENCH_DB_URL names one (for example
# jdbc:postgresql://localhost:5432/peer_reflect_test). Figures go in BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SECONDS_PER_LEVEL:-20}
mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test
run() {
  java -Xmx512m -Djava.awt.headless=true \
    -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
    org.peerreflect.benchmark.LoadBenchmark "$@" 2>&1 | grep -E '^\||instance'
}
run h2 1 "$seconds"
if [ -n "${PEER_REFLECT_BENCH_DB_URL:-}" ]; then
  run postgres 1 "$seconds"
  run postgres 2 "$seconds"
fi
