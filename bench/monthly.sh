#!/usr/bin/env bash
# Benchmark of the monthly job at 1M, 3M and 10M sessions (issue 6). Not part of the test suite.
#
#   bash bench/monthly.sh                  # every size, once each
#   SIZES="1m 3m" RUNS=3 bash bench/monthly.sh
#   JAR=target-perf/clinical-outcomes.jar bash bench/monthly.sh
#   PARTITIONS="1 8" HEAP=-Xmx512m SIZES=10m bash bench/monthly.sh   # --partitions (issue 19)
#   OPTS="-XX:SharedArchiveFile=bench/app.jsa -XX:TieredStopAtLevel=1" SIZES=1m bash bench/monthly.sh
#
# Data sets are generated with the project's generator into bench/data/<size> (git-ignored) and
# reused when present. Each run gets a fresh CLINICAL_OUTCOMES_STATE_DIR, runs with -Xmx1g and
# --quiet under /usr/bin/time -v, and writes its report to bench/out/<size> (git-ignored).
# Printed per run: wall time, sessions read per second of wall time, peak RSS, CPU time, the
# time before the job starts (JVM, Spring Boot and the pre-flight pass over both files: wall
# time minus the job's own time) and the time of each step (from the log lines
# 'Step: [x] executed in').
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${JAR:-target/clinical-outcomes.jar}
sizes=${SIZES:-1m 3m 10m}
runs=${RUNS:-1}
heap=${HEAP:--Xmx1g}
read -r -a options <<< "${OPTS:-}"  # further JVM options, none by default
month=${MONTH:-2026-10}
partition_counts=${PARTITIONS:-1}  # each count a run of its own (--partitions, issue 19)

if [ ! -f "$jar" ]; then
  mvn -q -B package -DskipTests
fi

. bench/exports.sh

# "1m2s345ms" / "3s669ms" / "32ms" -> seconds
to_seconds() {
  awk -v d="$1" 'BEGIN {
    total = 0
    while (match(d, /^[0-9]+(ms|h|m|s)/)) {
      part = substr(d, 1, RLENGTH); d = substr(d, RLENGTH + 1)
      if (part ~ /ms$/) { total += substr(part, 1, length(part) - 2) / 1000 }
      else if (part ~ /h$/) { total += substr(part, 1, length(part) - 1) * 3600 }
      else if (part ~ /m$/) { total += substr(part, 1, length(part) - 1) * 60 }
      else { total += substr(part, 1, length(part) - 1) }
    }
    printf "%.2f", total }'
}

steps="intake sessions duplicates window analysis outcomes publish"
printf '%-4s %5s %10s %7s %10s %8s %7s %7s' size parts sessions wall_s sess/s rss_MiB cpu_s start_s
for step in $steps; do printf ' %10s' "$step"; done
printf '\n'

for size in $sizes; do
  data=$(ensure_export "$size" "$jar")
  for ((run = 1; run <= runs; run++)); do
  for partitions in $partition_counts; do
    state=$(mktemp -d)
    out=bench/out/$size
    CLINICAL_OUTCOMES_STATE_DIR="$state" /usr/bin/time -v java "$heap" "${options[@]}" -jar "$jar" monthly \
      --input="$data" --month="$month" --output="$out" --quiet --partitions="$partitions" \
      > "$state/console.txt" 2> "$state/time.txt" \
      || { echo "run failed:"; cat "$state/console.txt" "$state/time.txt"; exit 1; }
    log=$state/clinical-outcomes.log
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
             for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$state/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$state/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$state/time.txt")
    sessions=$(sed -n 's/.*sessions.csv: read \([0-9]*\),.*/\1/p' "$state/console.txt")
    job=$(sed -n 's/.*status: \[COMPLETED\] in \([0-9hms]*\).*/\1/p' "$log" | tail -1)
    start=$(awk -v w="$wall" -v j="$(to_seconds "$job")" 'BEGIN { printf "%.2f", w - j }')
    rate=$(awk -v n="$sessions" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
    printf '%-4s %5s %10s %7s %10s %8s %7s %7s' "$size" "$partitions" "$sessions" "$wall" "$rate" "$rss" "$cpu" \
      "$start"
    for step in $steps; do
      d=$(sed -n "s/.*Step: \[$step\] executed in \([0-9hms]*\).*/\1/p" "$log" | tail -1)
      printf ' %10s' "$(to_seconds "${d:-0ms}")"
    done
    printf '\n'
    rm -rf "$state"
  done
  done
done
