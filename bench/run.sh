#!/usr/bin/env bash
# Runs the benchmark suites and regenerates BENCHMARKS.md at the repository root.
#
#   bench/run.sh                      # request + generate suites, build times, report
#   bench/run.sh request              # one suite only (also: generate, hostile); report from the latest
#   SKIP_BUILD_TIMES=1 bench/run.sh   # keep bench/results/build-times.txt as it is
#   SKIP_INSTRUCTIONS=1 bench/run.sh  # keep bench/results/instructions.txt as it is
#   SKIP_SERVE=1 bench/run.sh         # keep bench/results/serve.txt as it is
#   bench/run.sh serve                # only SignUp through HTTP (requests per second)
#
# Criterion runs are kept short (1 s warm-up, 3 s measurement per function): the figures
# are read as ratios within one run. Extra criterion arguments can be given in
# CRITERION_ARGS (e.g. CRITERION_ARGS="--measurement-time 5").
set -euo pipefail
cd "$(dirname "$0")/.."

suites=("$@")
if [ ${#suites[@]} -eq 0 ]; then
  suites=(request generate hostile)
fi
read -r -a criterion_args <<<"--warm-up-time 1 --measurement-time 3 ${CRITERION_ARGS:-}"

mkdir -p bench/results
started=$(date +%s)
load=$(cut -d' ' -f1-3 /proc/loadavg)

cargo bench -p specgen-bench --no-run
# The serve bench is a load generator of its own (bench/benches/serve.rs): it writes
# bench/results/serve.txt, which the report reads.
run_serve=0
if [ $# -eq 0 ] && [ "${SKIP_SERVE:-0}" != 1 ]; then run_serve=1; fi
kept=()
for suite in "${suites[@]}"; do
  if [ "$suite" = serve ]; then run_serve=1; else kept+=("$suite"); fi
done
suites=("${kept[@]}")
if [ "$run_serve" = 1 ]; then
  echo "== cargo bench -p specgen-bench --bench serve" >&2
  cargo bench -p specgen-bench --bench serve | tee bench/results/serve.log
fi
for suite in "${suites[@]}"; do
  echo "== cargo bench -p specgen-bench --bench $suite" >&2
  args=("${criterion_args[@]}")
  # The hostile suite keeps its own shorter settings: 180 benchmarks of whole bodies.
  if [ "$suite" = hostile ]; then args=(); fi
  cargo bench -p specgen-bench --bench "$suite" -- "${args[@]}" |
    tee "bench/results/$suite.log"
done

if [ "${SKIP_INSTRUCTIONS:-0}" != 1 ]; then
  bash bench/instructions.sh
fi
if [ "${SKIP_BUILD_TIMES:-0}" != 1 ]; then
  bash bench/build-times.sh
fi

# With every suite run, only this run's estimates count; with a subset, the latest of each.
since=0
if [ $# -eq 0 ]; then
  since=$started
fi
python3 bench/report.py --since "$since" --load "$load"
