#!/usr/bin/env bash
# How a remote worker's memory depends on the partition size (issue 19). Not part of the test
# suite.
#
#   bash bench/worker-memory.sh                   # 10M sessions, 1, 2, 4 and 8 partitions
#   SIZE=1m PARTITION_COUNTS="1 4" bash bench/worker-memory.sh
#
# For each partition count P: one worker (-Xmx2g, so the heap does not limit what it keeps) and a
# manager run `monthly --remote-workers --partitions=P` on a throwaway PostgreSQL cluster. The
# worker stops at the test pause `analysis.partition-done` (its first partition analysed, its
# analysis not yet handed on), and `jcmd GC.class_histogram` (a full collection first) gives the
# bytes it then holds live: the Spring context, the partition's episode registry and its analysis.
# Both processes are killed then. Printed: P, the partition's episodes (about), the live bytes, and the
# least-squares line live = base + per_episode * episodes through the points.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${JAR:-target/clinical-outcomes.jar}
size=${SIZE:-10m}
partition_counts=${PARTITION_COUNTS:-1 2 4 8}
month=${MONTH:-2026-10}
export CLINICAL_OUTCOMES_POSTGRES_PORT=${CLINICAL_OUTCOMES_POSTGRES_PORT:-55434}

if [ ! -f "$jar" ]; then
  mvn -q -B package -DskipTests
fi
. bench/exports.sh
. bench/cluster.sh
data=$(ensure_export "$size" "$jar")

scratch=$(mktemp -d /tmp/clinical-outcomes-bench-memory.XXXXXX)
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  pids=()
}
cleanup() {
  stop_all
  stop_cluster
  rm -rf "$scratch"
}
trap cleanup EXIT
start_cluster

# A partition's episodes: the intake rows over P (CRC-32 of the client id spreads them evenly;
# the few intake rows the run rejects are not subtracted).
intake=$(($(wc -l < "$data/intake.csv") - 1))
echo "size $size ($(wc -l < "$data/sessions.csv") session lines, $intake intake rows)"
printf '%10s %10s %12s\n' partitions episodes live_MiB
points=()
for partitions in $partition_counts; do
  database=memory_$partitions
  url=$(create_database "$database")
  run=$scratch/$partitions
  mkdir -p "$run/work" "$run/worker" "$run/manager"
  CLINICAL_OUTCOMES_STATE_DIR=$run/worker CLINICAL_OUTCOMES_TEST_PAUSE_AT=analysis.partition-done \
    java -Xmx2g -jar "$jar" worker --job-repository="$url" --work-dir="$run/work" > "$run/worker/console.txt" 2>&1 &
  worker=$!
  pids+=("$worker")
  until grep -q "waiting for analysis partitions" "$run/worker/console.txt" 2> /dev/null; do sleep 0.2; done
  CLINICAL_OUTCOMES_STATE_DIR=$run/manager java -Xmx2g -jar "$jar" monthly --input="$data" --month="$month" \
    --output="$run/report" --quiet --partitions="$partitions" --remote-workers --job-repository="$url" \
    --work-dir="$run/work" > "$run/manager/console.txt" 2>&1 &
  pids+=("$!")
  until grep -q "test pause: analysis.partition-done" "$run/worker/console.txt" 2> /dev/null; do
    kill -0 "$worker" 2> /dev/null || { echo "the worker stopped:"; cat "$run/worker/console.txt"; exit 1; }
    sleep 0.5
  done
  live=$(jcmd "$worker" GC.class_histogram | awk '/^Total/ { print $3 }')
  stop_all
  printf '%10s %10s %12.1f\n' "$partitions" "$((intake / partitions))" "$(awk -v b="$live" 'BEGIN { print b / 1048576 }')"
  points+=("$((intake / partitions)) $live")
  rm -rf "$run"
done

printf '%s\n' "${points[@]}" | awk '{ n++; x += $1; y += $2; xx += $1 * $1; xy += $1 * $2 }
  END { b = (n * xy - x * y) / (n * xx - x * x); a = (y - b * x) / n
        printf "\nlive = %.1f MiB + %.0f bytes per episode of the partition (least squares over %d points)\n", a / 1048576, b, n }'
