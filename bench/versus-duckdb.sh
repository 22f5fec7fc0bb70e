#!/usr/bin/env bash
# The launcher's whole monthly run beside DuckDB's core query of the same data (bench/DuckDbCore.java),
# alternating, one pair per size and run; prints the launcher's wall time (start-up included), the
# query's own time (the JVM that drives it excluded) and their ratio. Not part of the
# test suite. The DuckDB JDBC driver is fetched from Maven Central into target/bench-lib (it is not a
# dependency of the product).
#
#   bash bench/versus-duckdb.sh                 # sample, 1m, 3m, 10m (generated as bench/monthly.sh does)
#   SIZES="1m 10m" RUNS=3 bash bench/versus-duckdb.sh
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=${LAUNCHER:-target/clinical-outcomes}
sizes=${SIZES:-sample 1m 3m 10m}
runs=${RUNS:-1}
heap=${HEAP:--Xmx1g}
month=${MONTH:-2026-10}
duckdb_version=${DUCKDB_VERSION:-1.4.4.0}
driver=target/bench-lib/duckdb_jdbc-$duckdb_version.jar

[ -x "$launcher" ] || mvn -q -B package -DskipTests
if [ ! -f "$driver" ]; then
  mvn -q -B dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$duckdb_version" -DoutputDirectory=target/bench-lib
fi

. bench/exports.sh

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

printf '%-7s %10s %9s %9s %8s %7s\n' size sessions launcher duckdb ratio rss_MiB
for size in $sizes; do
  if [ "$size" = sample ]; then
    data=sample-data
  else
    data=$(ensure_export "$size" target/clinical-outcomes.jar)
  fi
  # The monthly window: the 12 months ending with the report month.
  from=$(date -d "$month-01 -11 months" +%Y-%m-%d)
  to=$(date -d "$month-01 +1 month -1 day" +%Y-%m-%d)
  for ((run = 1; run <= runs; run++)); do
    state=$(mktemp -d)
    start=$(date +%s%N)
    CLINICAL_OUTCOMES_STATE_DIR="$state" CLINICAL_OUTCOMES_JAVA_OPTIONS="$heap" /usr/bin/time -v "$launcher" monthly \
      --input="$data" --month="$month" --output="bench/out/launcher-$size" --quiet > "$state/console.txt" 2> "$state/time.txt" \
      || { echo "run failed:"; cat "$state/console.txt" "$state/time.txt"; exit 1; }
    middle=$(date +%s%N)
    java -cp "$driver" bench/DuckDbCore.java "$data" "$from" "$to" > "$state/duckdb.txt"
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$state/time.txt")
    sessions=$(sed -n 's/.*sessions.csv: read \([0-9]*\),.*/\1/p' "$state/console.txt")
    jar_s=$(seconds "$start" "$middle")
    # The query alone, as DuckDB would run it in a session already open (the JVM that drives it excluded).
    duck_s=$(sed -n 's/.*, \([0-9.]*\) s$/\1/p' "$state/duckdb.txt")
    printf '%-7s %10s %9s %9s %8s %7s\n' "$size" "$sessions" "$jar_s" "$duck_s" \
      "$(awk -v a="$jar_s" -v b="$duck_s" 'BEGIN { printf "%.2fx", a / b }')" "$rss"
    rm -rf "$state"
  done
done
