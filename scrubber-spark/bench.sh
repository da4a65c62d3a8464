#!/usr/bin/env bash
# Throughput of ScrubLogs (Spark local[1] and local[2]) against the CLI on the same generated logs.
# Usage: scrubber-spark/bench.sh [MEGABYTES (default 1024)] [FILES (default 16)]. Not a test: run on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
files=${2:-16}
work=${BENCH_DIR:-scrubber-spark/target/bench}
mvn=${MVN:-mvn}

$mvn -B -ntp -q -pl scrubber-core,scrubber-cli,scrubber-spark -am package -DskipTests
$mvn -B -ntp -q -pl scrubber-core,scrubber-spark -am dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# This worktree's scrubber-core, never a snapshot that happens to be in ~/.m2.
deps=$(tr ':' '\n' < scrubber-spark/target/bench-classpath.txt | grep -v '/dev/scrubber/' | paste -sd: -)
core=$(ls scrubber-core/target/scrubber-core-*-SNAPSHOT.jar | grep -v tests | head -1)
cp="scrubber-spark/target/classes:scrubber-spark/target/test-classes:$core:${core%.jar}-tests.jar:$deps"
opens=$(sed -n '/<spark.java17.opens>/,/<\/spark.java17.opens>/p' scrubber-spark/pom.xml \
  | sed -e 's/<[^>]*>//g' | tr -s ' \n' ' ')

rm -rf "$work" && mkdir -p "$work"
java -cp "$cp" dev.scrubber.spark.BenchLogs "$work/in" "$size" "$files"
bytes=$(cat "$work"/in/* | wc -c)
echo "input: $bytes bytes in $files files"

# Wall time, and CPU time (user + system, all threads): on a shared machine the CPU time per MB is the steadier
# number, and MB per CPU-second is the throughput per core.
timed() { # label command...
  /usr/bin/time -o "$work/$1.time" -f "%e %U %S %M" "${@:2}" > "$work/$1.out" 2> "$work/$1.err" || [ $? -eq 1 ] || { tail -n 5 "$work/$1.err" >&2; exit 2; }
  read -r wall user sys rss < <(tail -n 1 "$work/$1.time")
  awk -v l="$1" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" 'BEGIN {
    printf "%-18s wall %6.2f s  %6.1f MB/s   cpu %6.2f s  %6.1f MB/cpu-s   rss %4d MB\n",
      l, w, b / w / 1e6, u + s, b / (u + s) / 1e6, r / 1024 }'
}

for run in 1 2 3; do
  timed "cli-scrub-$run" java -jar scrubber-cli/target/scrubber.jar scrub -q "$work"/in/*
  for n in 1 2; do
    rm -rf "$work/out"
    timed "spark-local$n-$run" java $opens -cp "$cp" dev.scrubber.spark.ScrubLogs --master "local[$n]" \
      --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
      --input "$work/in" --output "$work/out"
  done
done
tail -n 4 "$work/spark-local2-1.out"
rm -rf "$work"
