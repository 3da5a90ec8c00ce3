#!/usr/bin/env bash
# Times the review's flags over 1,000 written answers of 400 characters (half English, half
# Spanish), in one JVM on the machine's cores, after a warm-up. Figures go in BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile
java -Xmx256m -cp "target/test-classes:target/classes" org.peerreflect.participation.FlagsBenchmark 1000 5
