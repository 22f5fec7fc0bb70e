#!/usr/bin/env bash
# Benchmark of remote partitioning (issue 19): the monthly job run by a manager and W worker
# processes on this machine, sharing a PostgreSQL job repository and a work folder. Not part of the
# test suite.
#
#   bash bench/remote.sh                          # 30M sessions, 8 partitions, 1, 2 and 4 workers
#   SIZE=10m WORKERS="2" bash bench/remote.sh
#   HEAP=-Xmx1g PARTITIONS=8 bash bench/remote.sh
#   MANAGER_HEAP=-Xmx1536m bash bench/remote.sh  # the manager's heap apart from the workers'
#
# A throwaway PostgreSQL cluster is started on a loopback port (.ci/postgres, port
# CLINICAL_OUTCOMES_POSTGRES_PORT, default 55433 here) and removed at the end; each worker count
# gets a database of its own. The export is generated into bench/data/<size> (git-ignored) and
# reused. Every worker runs with $HEAP, the manager with $MANAGER_HEAP (default $HEAP), each under
# /usr/bin/time -v.
#
# Printed per worker count: the manager's wall time, its peak RSS, each worker's peak RSS, the
# manager's time outside the analysis step (start-up, ingest, duplicates, window, outcomes,
# publish: the serial part S) and in it (A), and the longest partition a worker ran. Then the model
# T(W) = S + A / min(W, cores) fitted to the 1-worker run, next to what was measured, and what
# it predicts for more workers with a core each (T = S + A / min(W, partitions)).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${JAR:-target/clinical-outcomes.jar}
size=${SIZE:-30m}
worker_counts=${WORKERS:-1 2 4}
partitions=${PARTITIONS:-8}
heap=${HEAP:--Xmx1g}
manager_heap=${MANAGER_HEAP:-$heap}
month=${MONTH:-2026-10}
export CLINICAL_OUTCOMES_POSTGRES_PORT=${CLINICAL_OUTCOMES_POSTGRES_PORT:-55433}

if [ ! -f "$jar" ]; then
  mvn -q -B package -DskipTests
fi
. bench/exports.sh
. bench/cluster.sh
data=$(ensure_export "$size" "$jar")

scratch=$(mktemp -d /tmp/clinical-outcomes-bench-remote.XXXXXX)
worker_pids=()
stop_workers() {
  for pid in "${worker_pids[@]}"; do
    pkill -TERM -P "$pid" 2> /dev/null || true   # the java process under /usr/bin/time
  done
  for pid in "${worker_pids[@]}"; do
    wait "$pid" 2> /dev/null || true
  done
  worker_pids=()
}
cleanup() {
  stop_workers
  stop_cluster
  rm -rf "$scratch"
}
trap cleanup EXIT
start_cluster

seconds_of() {  # "1m2s345ms" / "3s669ms" / "32ms" -> seconds
  awk -v d="$1" 'BEGIN { total = 0
    while (match(d, /^[0-9]+(ms|h|m|s)/)) {
      part = substr(d, 1, RLENGTH); d = substr(d, RLENGTH + 1)
      if (part ~ /ms$/) total += substr(part, 1, length(part) - 2) / 1000
      else if (part ~ /h$/) total += substr(part, 1, length(part) - 1) * 3600
      else if (part ~ /m$/) total += substr(part, 1, length(part) - 1) * 60
      else total += substr(part, 1, length(part) - 1) }
    printf "%.2f", total }'
}
rss_of() { awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$1"; }
wall_of() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
    for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}

cores=$(nproc)
echo "size $size ($(wc -l < "$data/sessions.csv") lines), $partitions partitions, $heap per worker, $manager_heap for the manager, $cores cores"
printf '%7s %8s %9s %8s %8s %12s %s\n' workers wall_s serial_s anal_s part_s manager_MiB worker_MiB
results=()
round=0
for workers in $worker_counts; do
  round=$((round + 1))
  database=bench_${round}_$workers   # a worker count may be measured more than once
  url=$(create_database "$database")
  run=$scratch/${round}_$workers
  mkdir -p "$run/work"
  for ((w = 1; w <= workers; w++)); do
    mkdir -p "$run/worker-$w"
    CLINICAL_OUTCOMES_STATE_DIR=$run/worker-$w /usr/bin/time -v -o "$run/worker-$w/time.txt" \
      java "$heap" -jar "$jar" worker --job-repository="$url" --work-dir="$run/work" \
      > "$run/worker-$w/console.txt" 2>&1 &
    worker_pids+=($!)
  done
  for ((w = 1; w <= workers; w++)); do
    until grep -q "waiting for analysis partitions" "$run/worker-$w/console.txt" 2> /dev/null; do sleep 0.2; done
  done
  mkdir -p "$run/manager"
  CLINICAL_OUTCOMES_STATE_DIR=$run/manager /usr/bin/time -v -o "$run/manager/time.txt" \
    java "$manager_heap" -jar "$jar" monthly --input="$data" --month="$month" --output="$run/report" --quiet \
    --partitions="$partitions" --remote-workers --job-repository="$url" --work-dir="$run/work" \
    > "$run/manager/console.txt" 2>&1 \
    || { mkdir -p bench/out; cp "$run/manager/clinical-outcomes.log" "bench/out/remote-manager-failed-$workers.log"
         printf '%7s   the manager failed (its log: bench/out/remote-manager-failed-%s.log): %s\n' "$workers" \
           "$workers" "$(head -1 "$run/manager/console.txt")"
         stop_workers; rm -rf "$run"; continue; }
  stop_workers
  wall=$(wall_of "$run/manager/time.txt")
  analysis=$(seconds_of "$(sed -n 's/.*Step: \[analysis\] executed in \([0-9hms]*\).*/\1/p' \
    "$run/manager/clinical-outcomes.log" | tail -1)")
  serial=$(awk -v w="$wall" -v a="$analysis" 'BEGIN { printf "%.2f", w - a }')
  longest=$(cat "$run"/worker-*/console.txt | sed -n 's/.*: completed in \([0-9]*\) ms/\1/p' \
    | sort -n | tail -1 | awk '{ printf "%.2f", $1 / 1000 }')
  worker_rss=$(for ((w = 1; w <= workers; w++)); do rss_of "$run/worker-$w/time.txt"; done | paste -sd' ')
  printf '%7s %8s %9s %8s %8s %12s %s\n' "$workers" "$wall" "$serial" "$analysis" "$longest" \
    "$(rss_of "$run/manager/time.txt")" "$worker_rss"
  results+=("$workers $wall $serial $analysis")
  rm -rf "$run"
done

[ ${#results[@]} -gt 0 ] || exit 1
# The model: the serial part S stays, the analysis A divides among the workers that have a core
# of their own. Fitted to the first count measured (normally 1 worker).
read -r w1 t1 s1 a1 <<< "${results[0]}"
echo
echo "model T(W) = S + A * $w1 / min(W, cores), with S = ${s1} s and A = ${a1} s, the serial part and the analysis with $w1 worker(s)"
printf '%7s %12s %12s\n' workers measured_s model_s
for result in "${results[@]}"; do
  read -r w t s a <<< "$result"
  printf '%7s %12s %12s\n' "$w" "$t" "$(awk -v s="$s1" -v a="$a1" -v w1="$w1" -v w="$w" -v c="$cores" \
    'BEGIN { m = w < c ? w : c; n = w1 < c ? w1 : c; printf "%.2f", s + a * n / m }')"
done
# Elsewhere, a core per worker: no worker count beyond the partitions' helps.
for w in 8 16 32; do
  printf '%7s %12s %12s   (a core per worker; at most %s partitions at once)\n' "$w" "-" \
    "$(awk -v s="$s1" -v a="$a1" -v w1="$w1" -v w="$w" -v p="$partitions" -v c="$cores" \
      'BEGIN { m = w < p ? w : p; n = w1 < c ? w1 : c; printf "%.2f", s + a * n / m }')" "$partitions"
done
