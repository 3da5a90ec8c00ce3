#!/usr/bin/env bash
# Starts the built jar once in an empty folder, so on a fresh H2 file (or, given "demo", with the
# demo profile on its in-memory database), waits until the home page answers, prints the seconds
# it took and stops it. Run it under farm-bench for min, median and max. Build the jar first:
#   mvn -B -ntp package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
port=$((20000 + RANDOM % 20000))
data=$(mktemp -d)
profile=()
if [ "${1:-}" = "demo" ]; then
  profile=(--spring.profiles.active=demo)
fi
start=$(date +%s.%N)
jar="$PWD/target/peer-reflect.jar"
(cd "$data" && exec java -jar "$jar" --server.port="$port" "${profile[@]}") >"$data/out.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://localhost:$port/"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    cat "$data/out.log" >&2
    exit 1
  fi
  sleep 0.05
done
echo "$(echo "$(date +%s.%N) - $start" | bc) s to the first page"
