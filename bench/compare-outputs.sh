#!/usr/bin/env bash
# Checks that a change of structure changes no output (issue 12): the jar of this checkout and
# the jar of a reference commit run the same job on the same input, and every CSV, rejects.csv,
# chart and the summary page is compared byte for byte, and the workbook's contents too (each sheet's XML, its
# drawings, their links and pictures; the zip's entry times differ between runs).
# Not part of the test suite.
#
#   bash bench/compare-outputs.sh                       # sample-data/, against bdcdf0b
#   INPUT=bench/data/1m bash bench/compare-outputs.sh   # a generated export (bench/monthly.sh makes it)
#   REF=<git ref> JOB=research bash bench/compare-outputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${REF:-bdcdf0b}
input=${INPUT:-sample-data}
job=${JOB:-monthly}

mvn -q -B package -DskipTests
work=$(mktemp -d)
trap 'git worktree remove --force "$work/ref" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/ref" "$ref" > /dev/null 2>&1
(cd "$work/ref" && mvn -q -B package -DskipTests -Dbuild.dir=target > /dev/null)

run() {   # jar, where to keep its report
  # Both runs write to the same output folder, which the workbook's About sheet names.
  local window=(--month=2026-10)
  [ "$job" = research ] && window=(--from=2025-11-01 --to=2026-10-31)
  CLINICAL_OUTCOMES_STATE_DIR="$work/state-$(basename "$2")" java -Xmx1g -jar "$1" "$job" \
    --input="$input" "${window[@]}" --output="$work/out" --quiet > /dev/null
  mv "$work/out" "$2"
}
run "$work/ref/target/clinical-outcomes.jar" "$work/out-ref"
run target/clinical-outcomes.jar "$work/out-new"

different=0
compare() {   # label, reference file, new file
  if cmp -s "$2" "$3"; then
    echo "identical  $1"
  else
    echo "DIFFERENT  $1"
    different=1
  fi
}
for file in "$work"/out-ref/csv/*.csv "$work"/out-ref/rejects.csv "$work"/out-ref/charts/*.png; do
  name=${file#"$work"/out-ref/}
  compare "$name" "$file" "$work/out-new/$name"
done
# The summary page exists from issue 16 on: a reference commit before it has none to compare.
if [ -f "$work/out-ref/summary.html" ]; then
  compare summary.html "$work/out-ref/summary.html" "$work/out-new/summary.html"
else
  echo "new        summary.html (the reference commit writes none)"
fi
ref_book=$(ls "$work"/out-ref/*.xlsx)
new_book="$work/out-new/$(basename "$ref_book")"
for sheet in $(unzip -Z1 "$ref_book" | grep -E '^xl/((worksheets/sheet[0-9]+|workbook|sharedStrings|drawings/drawing[0-9]+)\.xml|(worksheets|drawings)/_rels/.*\.rels|media/.*)$'); do
  unzip -p "$ref_book" "$sheet" > "$work/ref.xml"
  unzip -p "$new_book" "$sheet" > "$work/new.xml" 2> /dev/null || : > "$work/new.xml"
  compare "workbook $sheet" "$work/ref.xml" "$work/new.xml"
done
[ "$(unzip -Z1 "$ref_book" | sort)" = "$(unzip -Z1 "$new_book" | sort)" ] || { echo "DIFFERENT  workbook entries"; different=1; }
exit "$different"
