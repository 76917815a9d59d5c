#!/usr/bin/env bash
# Build and generation costs of the Cognito bindings, written as key=value lines to
# bench/results/build-times.txt (or the file given as $1):
#
# - `cargo build --release -p cognito-idp` from clean (of that package only: its
#   dependencies are built first and kept) and after touching generated/src/types.rs;
# - `specgen generate spec/cognito-idp.yaml` (release CLI) end to end: wall time (median of
#   three runs) and peak resident memory (no formatter subprocess runs: the output is
#   prettyplease's).
#
# Generation writes into a temporary directory, never into generated/src. Peak memory comes
# from `/usr/bin/time -v` when it exists, else from getrusage(RUSAGE_CHILDREN) in a small
# python3 wrapper; the file says which.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-bench/results/build-times.txt}
mkdir -p "$(dirname "$out")"
runs=3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
load() { cut -d' ' -f1 /proc/loadavg; }

echo "== building dependencies (release)" >&2
cargo build --release -q -p cognito-idp
cargo build --release -q -p specgen --bin specgen
target_dir=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
specgen="$target_dir/release/specgen"

echo "== cargo build --release -p cognito-idp, clean" >&2
cargo clean -q --release -p cognito-idp
load_clean=$(load)
start=$(now)
cargo build --release -q -p cognito-idp
clean_s=$(elapsed "$start" "$(now)")

echo "== cargo build --release -p cognito-idp, after touching generated/src/types.rs" >&2
touch generated/src/types.rs
load_touch=$(load)
start=$(now)
cargo build --release -q -p cognito-idp
touch_s=$(elapsed "$start" "$(now)")

# Peak resident memory in KiB and wall seconds of one command, as "KIB SECONDS".
if [ -x /usr/bin/time ]; then
  memory_tool="/usr/bin/time -v"
  measure() {
    local log="$tmp/time.log" start end
    start=$(now)
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$tmp/stderr" || {
      cat "$tmp/stderr" >&2
      return 1
    }
    end=$(now)
    echo "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log") $(elapsed "$start" "$end")"
  }
else
  memory_tool="python3 getrusage(RUSAGE_CHILDREN).ru_maxrss"
  measure() {
    python3 - "$@" <<'EOF'
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
wall = time.monotonic() - start
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, f"{wall:.3f}")
EOF
  }
fi

# Median wall time and the largest peak of $runs runs, as "KIB SECONDS".
measure_runs() {
  local i results=()
  for ((i = 0; i < runs; i++)); do
    rm -rf "$tmp/out"
    results+=("$(measure "$@")")
  done
  printf '%s\n' "${results[@]}" | python3 -c '
import statistics, sys
rows = [line.split() for line in sys.stdin if line.strip()]
print(max(int(r[0]) for r in rows), f"{statistics.median(float(r[1]) for r in rows):.3f}")'
}

echo "== specgen generate spec/cognito-idp.yaml (x$runs)" >&2
read -r gen_kib gen_s < <(measure_runs "$specgen" generate spec/cognito-idp.yaml --out "$tmp/out")
lines=$(cat "$tmp/out"/*.rs | wc -l)

{
  echo "# bench/build-times.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cognito_idp_release_clean_s=$clean_s"
  echo "cognito_idp_release_clean_load=$load_clean"
  echo "cognito_idp_release_touch_s=$touch_s"
  echo "cognito_idp_release_touch_load=$load_touch"
  echo "specgen_generate_s=$gen_s"
  echo "specgen_generate_peak_kib=$gen_kib"
  echo "generated_lines=$lines"
  echo "runs=$runs"
  echo "memory_tool=$memory_tool"
} >"$out"
cat "$out"
