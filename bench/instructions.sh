#!/usr/bin/env bash
# Instructions per request of every request-path contender, counted by callgrind: figures
# that do not drift with the machine's load, beside criterion's times.
#
# Each contender runs in bench/benches/request_loop.rs for N1 and N2 iterations; the
# difference divided by N2 - N1 is the cost of one iteration, with the setup (reading the
# spec, compiling the jsonschema validator, the first use of each lazily compiled pattern)
# cancelled out. Writes `operation body contender instructions` lines to
# bench/results/instructions.txt (or $1).
#
# Then `specgen generate spec/cognito-idp.yaml` (release CLI) runs once under callgrind, one
# profile per thread, and the inclusive counts of its stages are written as
# `generate cognito-idp.yaml <stage> instructions` lines, each summed over the threads:
# `format` is the main thread's rendering (with its share of the schema chunks), `workers`
# every thread's schema chunks (`render::work`: emitted and formatted), `total` the whole
# process.
#
# Needs valgrind; without it, says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-bench/results/instructions.txt}
n1=200
n2=1200
if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind not found: no instruction counts" >&2
  exit 0
fi
mkdir -p "$(dirname "$out")"

binary=$(cargo bench -p specgen-bench --bench request_loop --no-run --message-format=json 2>/dev/null |
  python3 -c '
import json, sys
for line in sys.stdin:
    msg = json.loads(line)
    if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "request_loop" and msg.get("executable"):
        print(msg["executable"])')

count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$@" 2>&1 |
    awk '/Collected/ {print $NF}'
}

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
echo "# bench/instructions.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ): instructions per iteration (callgrind, ($n2 - $n1) iterations)" >"$tmp"
for operation in sign_up admin_create_user create_user_pool; do
  contenders=(plain_serde cognito_deserialize cognito_deserialize_validate cognito_validate cognito_from_http)
  if [ "$operation" = sign_up ]; then
    contenders+=(garde_deserialize_validate json_value_parse jsonschema_validate)
  fi
  for body in valid invalid; do
    for contender in "${contenders[@]}"; do
      a=$(count "$operation" "$body" "$contender" "$n1")
      b=$(count "$operation" "$body" "$contender" "$n2")
      echo "$operation $body $contender $(((b - a) / (n2 - n1)))" | tee -a "$tmp" >&2
    done
  done
done

echo "== specgen generate spec/cognito-idp.yaml under callgrind" >&2
cargo build --release -q -p specgen --bin specgen
target_dir=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
work=$(mktemp -d)
# One profile per thread: the schemas' items are emitted and formatted on worker threads
# too, whose work no inclusive count of the main thread holds.
valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$work/callgrind.out" \
  "$target_dir/release/specgen" generate spec/cognito-idp.yaml --out "$work/out" >/dev/null 2>&1
for profile in "$work"/callgrind.out*; do
  echo "== $profile"
  callgrind_annotate --inclusive=yes "$profile" 2>/dev/null
done | python3 -c '
import re, sys
stages = {
    "specgen::document::parse": "parse",
    "specgen::lower::lower": "lower",
    "specgen::emit::emit": "emit",
    "specgen::render::crate_files": "format",
    "specgen::render::work": "workers",
    "<F as syn::parse::Parser>::parse2": "syn_parse",
    "prettyplease::unparse": "prettyplease",
}
# Per thread, the first (outermost) count of each stage, summed over the threads; `total` is
# every thread`s program total.
seen, thread = {}, {}
def flush():
    for stage, n in thread.items():
        seen[stage] = seen.get(stage, 0) + n
    thread.clear()
for line in sys.stdin:
    if line.startswith("== "):
        flush()
        continue
    total = re.match(r"\s*([\d,]+) .*PROGRAM TOTALS", line)
    if total:
        thread["total"] = int(total.group(1).replace(",", ""))
        continue
    m = re.match(r"\s*([\d,]+) .*?\?\?\?:(.*?) \[", line)
    if m and m.group(2) in stages and stages[m.group(2)] not in thread:
        thread[stages[m.group(2)]] = int(m.group(1).replace(",", ""))
flush()
for stage in ["parse", "lower", "emit", "format", "workers", "syn_parse", "prettyplease", "total"]:
    if stage in seen:
        print(f"generate cognito-idp.yaml {stage} {seen[stage]}")
' | tee -a "$tmp" >&2
rm -rf "$work"
mv "$tmp" "$out"
chmod 644 "$out"
trap - EXIT
