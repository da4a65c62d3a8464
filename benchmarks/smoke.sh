#!/usr/bin/env bash
# Smoke mode for CI: runs every benchmark once (one fork, no warm-up, one short iteration, one value per
# parameter) so the suite cannot rot. Never gates on time. Build first: mvn -B -ntp verify (or package -pl benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -jar benchmarks/target/benchmarks.jar -f 1 -wi 0 -i 1 -r 100ms -foe true -prof gc \
  -p corpus=one-secret -p size=200 -p rules=10 -p event=mdc-exception -p sink=file "$@"
