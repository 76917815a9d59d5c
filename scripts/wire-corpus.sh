#!/usr/bin/env bash
# The botocore wire corpus: for every JSON-protocol service of the installed botocore
# (`pip install botocore`) with a document, a float or double, or a timestamp format,
# imports the model (`specgen import`), generates its code, and round-trips one
# botocore-serialized request per operation through the crate's reader
# (`Request::from_json`) and through serde, writing each back and comparing it with what
# botocore sent (parsed by botocore's own JSON parser). Prints the figures.
#
#   scripts/wire-corpus.sh [SERVICE...]        # default: every such service
#
# Slow (the generated code of many services is compiled, in batches of about
# WIRE_CORPUS_MAX_OPS operations, default 700) and not part of CI. Work files go to
# WIRE_CORPUS_WORK (default: $CARGO_TARGET_DIR/wire-corpus, else target/wire-corpus).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
work=${WIRE_CORPUS_WORK:-$target/wire-corpus}
max_ops=${WIRE_CORPUS_MAX_OPS:-700}
mkdir -p "$work/specs" "$work/results" "$work/logs"
rm -f "$work"/results/*.jsonl

python3 "$root/scripts/wire-corpus.py" select --work "$work" "$@"

cargo build -q --manifest-path "$root/Cargo.toml" -p specgen
specgen="$target/debug/specgen"
import_failed=0
while read -r service; do
    if ! "$specgen" import "$work/models/$service.json" --out "$work/specs/$service.yaml" \
        2>"$work/logs/import-$service.txt"; then
        import_failed=$((import_failed + 1))
        rm -f "$work/specs/$service.yaml"
        echo "import failed: $service: $(head -c 300 "$work/logs/import-$service.txt")"
    fi
done < <(python3 -c 'import json,sys; [print(s["service"]) for s in json.load(open(sys.argv[1]))]' "$work/services.json")
echo "imports failed: $import_failed"

# The runner crate is built outside the source tree, so its lock file stays there.
crate="$work/crate"
rm -rf "$crate"
mkdir -p "$crate"
cp -r "$root/tests/wire-corpus/." "$crate/"
sed -i "s|\.\./\.\./|$root/|g" "$crate/Cargo.toml"
cp "$root/Cargo.lock" "$crate/Cargo.lock"

run_batch() { # <list of `module spec` lines> <name>
    WIRE_CORPUS_SPECS="$1" \
    WIRE_CORPUS_REQUESTS="$work/requests.jsonl" \
    WIRE_CORPUS_RESULTS="$work/results/$2.jsonl" \
        cargo test -q --manifest-path "$crate/Cargo.toml" --test round_trip -- --ignored \
        >"$work/logs/batch-$2.txt" 2>&1
}

batches=$(python3 "$root/scripts/wire-corpus.py" batches --work "$work" --max-ops "$max_ops")
compile_failed=0
for list in "$work"/batches/*.txt; do
    name=$(basename "$list" .txt)
    start=$(date +%s)
    if run_batch "$list" "$name"; then
        echo "batch $name ($(wc -l <"$list") services): $(($(date +%s) - start)) s"
        continue
    fi
    # One service that does not compile would hide the others: try them one by one.
    echo "batch $name failed; trying its services one by one"
    while read -r line; do
        module=${line%% *}
        echo "$line" >"$work/batches/$module.one"
        if ! run_batch "$work/batches/$module.one" "$module"; then
            compile_failed=$((compile_failed + 1))
            echo "failed: $module (see $work/logs/batch-$module.txt)"
            rm -f "$work/results/$module.jsonl"
        fi
    done <"$list"
done
echo "batches: $batches; services that did not build or run: $compile_failed"

python3 "$root/scripts/wire-corpus.py" report --work "$work"
