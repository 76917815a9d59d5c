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
# Then `specgen generate spec/cognito-idp.yaml` (release CLI, without the rustfmt
# subprocess) runs once under callgrind, and the inclusive counts of its stages are written
# as `generate cognito-idp.yaml <stage> instructions` lines.
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
# Spawning rustfmt fails, so the text is prettyplease's; the failed spawns leave profiles of
# their own (forks), and the largest profile is the generator's.
RUSTFMT="$work/no-rustfmt" valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.%p" \
  "$target_dir/release/specgen" generate spec/cognito-idp.yaml --out "$work/out" >/dev/null 2>&1
profile=$(grep -H '^totals:' "$work"/callgrind.* | sort -t' ' -k2 -n | tail -1 | cut -d: -f1)
callgrind_annotate --inclusive=yes "$profile" 2>/dev/null | python3 -c '
import re, sys
stages = {
    "specgen::generate": "total",
    "specgen::load::parse": "parse",
    "specgen::lower::lower": "lower",
    "specgen::emit::emit": "emit",
    "specgen::render::crate_files": "format",
    "<F as syn::parse::Parser>::parse2": "syn_parse",
    "prettyplease::unparse": "prettyplease",
}
seen = {}
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+) .*?\?\?\?:(.*?) \[", line)
    if m and m.group(2) in stages and stages[m.group(2)] not in seen:
        seen[stages[m.group(2)]] = int(m.group(1).replace(",", ""))
for stage in ["parse", "lower", "emit", "format", "syn_parse", "prettyplease", "total"]:
    if stage in seen:
        print(f"generate cognito-idp.yaml {stage} {seen[stage]}")
' | tee -a "$tmp" >&2
rm -rf "$work"
mv "$tmp" "$out"
chmod 644 "$out"
trap - EXIT
