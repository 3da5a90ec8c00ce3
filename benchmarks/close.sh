#!/usr/bin/env bash
# Times closing and publishing a round of 1,000 and of 10,000 responses, with the heap limited to
# 256 MB: on a fresh H2 file, and on PostgreSQL when PEER_REFLECT_BENCH_DB_URL names one (for
# example jdbc:postgresql://localhost:5432/peer_reflect_test). Figures go in BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test
for people in 1000 10000; do
  java -Xmx256m -Djava.awt.headless=true \
    -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
    org.peerreflect.benchmark.CloseBenchmark "$people"
done
