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
cp="scrubber-spark/target/classes:scrubber-spark/target/test-classes:$(cat scrubber-spark/target/bench-classpath.txt)"
opens=$(sed -n '/<spark.java17.opens>/,/<\/spark.java17.opens>/p' scrubber-spark/pom.xml \
  | sed -e 's/<[^>]*>//g' | tr -s ' \n' ' ')

rm -rf "$work" && mkdir -p "$work"
java -cp "$cp" dev.scrubber.spark.BenchLogs "$work/in" "$size" "$files"
bytes=$(cat "$work"/in/* | wc -c)
echo "input: $bytes bytes in $files files"

timed() { # label command...
  local start end
  start=$(date +%s.%N)
  "${@:2}" > "$work/$1.out" 2> "$work/$1.err" || [ $? -eq 1 ]   # 1 = secrets found, expected
  end=$(date +%s.%N)
  awk -v l="$1" -v s="$start" -v e="$end" -v b="$bytes" \
    'BEGIN { t = e - s; printf "%-28s %7.2f s  %7.1f MB/s\n", l, t, b / t / 1e6 }'
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
