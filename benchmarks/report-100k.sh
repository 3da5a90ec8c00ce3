#!/usr/bin/env bash
# Times `report` on 100,000 generated responses to a 30-item questionnaire, in a JVM limited to
# 256 MB of heap, then once more through the packaged jar, and through the extracted jar with a class
# data sharing archive. Figures go in BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test
java -Xmx256m -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
  org.peerreflect.benchmark.ReportBenchmark target/benchmark 3
echo "through the jar (java -Xmx256m -jar target/peer-reflect.jar report ...):"
if command -v /usr/bin/time >/dev/null; then timer=(/usr/bin/time -f "%e s wall, %M KB max resident"); else timer=(); fi
"${timer[@]}" java -Xmx256m -jar target/peer-reflect.jar report \
  --questionnaire target/benchmark/thirty-items.yaml --responses target/benchmark/responses-100k.csv \
  --include-written --organization Benchmark --out target/benchmark/jar-out
# Class data sharing for the command line: the jar extracted, one training run of `report` on the
# first 2,000 responses writes the classes it loaded into report.jsa, then the same run as above
# with that archive. The archive holds for this jar at this path only.
cds=$PWD/target/benchmark/cds
rm -rf "$cds"
java -Djarmode=tools -jar target/peer-reflect.jar extract --destination "$cds" >/dev/null
head -2001 target/benchmark/responses-100k.csv >target/benchmark/responses-2k.csv
java -Xmx256m -XX:ArchiveClassesAtExit="$cds/report.jsa" -jar "$cds/peer-reflect.jar" report \
  --questionnaire target/benchmark/thirty-items.yaml --responses target/benchmark/responses-2k.csv \
  --include-written --organization Training --out target/benchmark/training-out >/dev/null 2>&1
echo "through the extracted jar with the archive (java -Xmx256m -XX:SharedArchiveFile=... -jar ...):"
"${timer[@]}" java -Xmx256m -XX:SharedArchiveFile="$cds/report.jsa" -jar "$cds/peer-reflect.jar" report \
  --questionnaire target/benchmark/thirty-items.yaml --responses target/benchmark/responses-100k.csv \
  --include-written --organization Benchmark --out target/benchmark/jar-out
