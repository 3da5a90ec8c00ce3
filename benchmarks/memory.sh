#!/usr/bin/env bash
# The packaged jar's resident memory (VmRSS and VmHWM from /proc) on a fresh H2 data folder, with
# the JVM settings the operator's guide recommends: at rest after start, while 10,000 people send
# their answers over HTTP 32 at once, while the steward closes and publishes that round over HTTP,
# and while the PDF and workbook are downloaded. Figures go in BENCHMARKS.md by hand.
#   bash benchmarks/memory.sh                       the guide's settings
#   bash benchmarks/memory.sh -Xmx256m              other JVM settings, to try them (add
#                                                   -XX:NativeMemoryTracking=summary for the JVM's
#                                                   own account at each step)
#   MALLOC_ARENA_MAX=2 bash benchmarks/memory.sh    the same for the C library's settings
# PEOPLE (10000) changes the round's size.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  # The settings of docs/operations.md, section 4.
  set -- -Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m \
    -Djdk.nio.maxCachedBufferSize=262144
  export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
fi
mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
java -Xmx512m -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
  org.peerreflect.benchmark.MemoryBenchmark target/peer-reflect.jar "$data" "${PEOPLE:-10000}" "$@" 2>&1 \
  | grep -E '^\||^java |Exception'
