#!/usr/bin/env bash
# Shows that one million sessions ingest in flat memory (-Xmx512m), and how long it takes.
# Not part of the test suite. Usage: bash bench/ingest-1m.sh   (from the project folder)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/clinical-outcomes.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
data=bench/data/1m
if [ ! -f "$data/sessions.csv" ]; then
  # about 11 scheduled sessions per episode: 91,000 episodes give about one million sessions
  java -jar "$jar" generate --seed=1 --episodes=91000 --end-month=2026-10 --output="$data"
fi
echo "sessions.csv: $(($(wc -l < "$data/sessions.csv") - 1)) rows, $(du -h "$data/sessions.csv" | cut -f1)"
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
CLINICAL_OUTCOMES_STATE_DIR="$state" /usr/bin/time -v java -Xmx512m -jar "$jar" monthly \
  --input="$data" --output=bench/out/1m --quiet 2> "$state/time.txt"
grep -v "^	" "$state/time.txt" || true   # anything the run itself printed on stderr
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$state/time.txt"
