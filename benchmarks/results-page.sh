#!/usr/bin/env bash
# The results page on a slow phone: starts the demo (which shares its latest round and names the
# address in its console), then loads that address five times in headless Chromium at 390 x 844,
# throttled to slow 3G with its cache off, and prints the bytes fetched and the times to first
# paint. Needs chromium and chromium-driver. Figures go in BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$PWD
mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test
port=$((20000 + RANDOM % 20000))
data=$(mktemp -d)
(cd "$data" && exec setsid java -jar "$project/target/peer-reflect.jar" --server.port=$port \
  --spring.profiles.active=demo) >"$data/out.log" 2>&1 &
pid=$!
trap 'kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
until grep -qo "http://localhost:$port/results/[A-Za-z0-9_-]*" "$data/out.log"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    cat "$data/out.log" >&2
    exit 1
  fi
  sleep 0.5
done
address=$(grep -o "http://localhost:$port/results/[A-Za-z0-9_-]*" "$data/out.log" | head -1)
echo "the demo's shared results: $address"
java -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
  org.peerreflect.benchmark.ResultsPageBenchmark "$address" 5
