# The throwaway PostgreSQL cluster of the issue 19 benchmarks (sourced by bench/remote.sh and
# bench/worker-memory.sh): a job repository and channel on a loopback port
# (CLINICAL_OUTCOMES_POSTGRES_PORT), removed at the end. Not part of the test suite.

# Starts a cluster in a new folder; sets $cluster (its folder) and $server (its URL without a
# database) and exports the user the runs connect as.
start_cluster() {
  cluster=$(mktemp -d /tmp/clinical-outcomes-bench-postgres.XXXXXX)
  eval "$(.ci/postgres start "$cluster")"
  export CLINICAL_OUTCOMES_DB_USER=$CLINICAL_OUTCOMES_TEST_POSTGRES_USER
  server=${CLINICAL_OUTCOMES_TEST_POSTGRES_URL%/*}
}

# Stops the cluster and removes its folder, if one was started.
stop_cluster() {
  if [ -n "${cluster:-}" ]; then
    .ci/postgres stop "$cluster" > /dev/null 2>&1 || true
  fi
}

# Creates database $1 and prints its URL.
create_database() {
  psql -q -h 127.0.0.1 -p "$CLINICAL_OUTCOMES_POSTGRES_PORT" -U "$CLINICAL_OUTCOMES_DB_USER" -d postgres \
    -c "CREATE DATABASE $1" > /dev/null
  printf '%s/%s' "$server" "$1"
}
