#!/usr/bin/env bash
# Starts Peer Reflect once in an empty folder, so on a fresh H2 file, waits until the home page
# answers, prints the seconds it took and stops it. Run it under farm-bench for min, median and max.
#   bash benchmarks/start.sh            the built jar (build it first: mvn -B -ntp package -DskipTests)
#   bash benchmarks/start.sh demo       the same with the demo profile, on its in-memory database
#   bash benchmarks/start.sh maven      mvn spring-boot:run, as someone trying it out would start it
#   bash benchmarks/start.sh maven demo both
#   bash benchmarks/start.sh cds        the built jar extracted, with a class data sharing archive
#                                       (made by a training run into target/cds when missing)
# JVM_OPTIONS adds settings to java, to both the jar and cds, e.g. JVM_OPTIONS=-Xmx256m.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$PWD
port=$((20000 + RANDOM % 20000))
data=$(mktemp -d)
demo=false
maven=false
cds=false
for arg in "$@"; do
  case "$arg" in
    demo) demo=true ;;
    maven) maven=true ;;
    cds) cds=true ;;
    *) echo "unknown argument: $arg (expected demo, maven or cds)" >&2; exit 2 ;;
  esac
done
arguments="--server.port=$port"
if $demo; then
  arguments="$arguments --spring.profiles.active=demo"
fi
# shellcheck disable=SC2206
jvm=(${JVM_OPTIONS:-})
if $cds; then
  # Spring Boot's class data sharing: the jar extracted, then one training run that starts the
  # application, stops once its context is ready and writes the classes it loaded into app.jsa.
  # The archive holds for these exact paths and this jar only, so it is made again when the jar is
  # newer. Not timed: it happens before the first (warm-up) run.
  cdsdir=$project/target/cds
  if [ ! -f "$cdsdir/app.jsa" ] || [ "$project/target/peer-reflect.jar" -nt "$cdsdir/app.jsa" ]; then
    rm -rf "$cdsdir"
    java -Djarmode=tools -jar "$project/target/peer-reflect.jar" extract --destination "$cdsdir" >/dev/null
    training=$(mktemp -d)
    (cd "$training" && PEER_REFLECT_DATA="$training/data" java "${jvm[@]}" -XX:ArchiveClassesAtExit="$cdsdir/app.jsa" \
      -Dspring.context.exit=onRefresh -jar "$cdsdir/peer-reflect.jar") >"$cdsdir/training.log" 2>&1 || true
    rm -rf "$training"
    [ -f "$cdsdir/app.jsa" ] || { cat "$cdsdir/training.log" >&2; exit 1; }
  fi
  jvm+=(-XX:SharedArchiveFile="$cdsdir/app.jsa")
  jar=$cdsdir/peer-reflect.jar
else
  jar=$project/target/peer-reflect.jar
fi
start=$(date +%s.%N)
if $maven; then
  # setsid: the plugin starts the application as a child; stopping the group stops both.
  setsid mvn -B -q -f "$project/pom.xml" spring-boot:run -Dspring-boot.run.workingDirectory="$data" \
    -Dspring-boot.run.arguments="$arguments" >"$data/out.log" 2>&1 &
else
  # shellcheck disable=SC2086
  (cd "$data" && exec setsid java "${jvm[@]}" -jar "$jar" $arguments) >"$data/out.log" 2>&1 &
fi
pid=$!
trap 'kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://localhost:$port/"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    cat "$data/out.log" >&2
    exit 1
  fi
  sleep 0.05
done
echo "$(echo "$(date +%s.%N) - $start" | bc) s to the first page"
