#!/usr/bin/env bash
# Checks that the optimised job writes the same CSVs as the plain design it replaced (issue 6).
# Not part of the test suite.
#
#   bash bench/compare-plain.sh                 # sample-data/, against commit d680715
#   INPUT=bench/data/1m bash bench/compare-plain.sh
#   PLAIN=<git ref> bash bench/compare-plain.sh
#
# d680715 is the last commit of the straightforward design: one thread reading and validating
# rows through Spring Batch chunks, every output written one after the other on one thread. Its
# jar is built in a temporary git worktree; both jars run the monthly job on the same input and
# every CSV (and rejects.csv) is compared byte for byte. Charts may differ: the funnel's limit
# lines are drawn at fewer points since (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
plain_ref=${PLAIN:-d680715}
input=${INPUT:-sample-data}
month=${MONTH:-2026-10}

[ -f target/clinical-outcomes.jar ] || mvn -q -B package -DskipTests
work=$(mktemp -d)
trap 'git worktree remove --force "$work/plain" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/plain" "$plain_ref" > /dev/null 2>&1
(cd "$work/plain" && mvn -q -B package -DskipTests -Dbuild.dir=target > /dev/null)

run() {   # jar, output folder
  CLINICAL_OUTCOMES_STATE_DIR="$work/state-$(basename "$2")" java -Xmx1g -jar "$1" monthly \
    --input="$input" --month="$month" --output="$2" --quiet > /dev/null
}
run "$work/plain/target/clinical-outcomes.jar" "$work/out-plain"
run target/clinical-outcomes.jar "$work/out-fast"

different=0
for file in "$work"/out-plain/csv/*.csv "$work"/out-plain/rejects.csv; do
  name=${file#"$work"/out-plain/}
  if cmp -s "$file" "$work/out-fast/$name"; then
    echo "identical  $name"
  else
    echo "DIFFERENT  $name"
    different=1
  fi
done
exit "$different"
