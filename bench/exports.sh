# The benchmarks' generated exports (sourced by bench/monthly.sh and bench/versus-duckdb.sh): one size
# name, one generator call, one folder. Not part of the test suite.

# Episodes of a size; about 11 scheduled sessions per episode.
episodes_for() {
  case "$1" in
    1m) echo 91000 ;;
    3m) echo 273000 ;;
    10m) echo 910000 ;;
    30m) echo 2730000 ;;
    *) echo "unknown size $1 (use 1m, 3m, 10m or 30m)" >&2; exit 2 ;;
  esac
}

# Generates bench/data/$1 with jar $2 unless both files are there (git-ignored, reused); prints the folder.
ensure_export() {
  local data=bench/data/$1
  if [ ! -f "$data/sessions.csv" ] || [ ! -f "$data/intake.csv" ]; then
    java -jar "$2" generate --seed=1 --episodes="$(episodes_for "$1")" --end-month="${month:-2026-10}" \
      --output="$data" > /dev/null
  fi
  printf '%s' "$data"
}
