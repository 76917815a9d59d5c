#!/usr/bin/env bash
# Refreshes the Cognito bindings from the AWS model inside botocore (the latest release, or
# the version given), and reports what changed:
#
#   scripts/refresh-cognito.sh            # latest botocore on PyPI
#   scripts/refresh-cognito.sh 1.44.8     # a given version
#
# Steps: download the botocore wheel with pip, vendor its cognito-idp model in
# spec/models/, convert it with `specgen import` into spec/cognito-idp.yaml, print
# `specgen diff` between the previous spec and the new one, and regenerate generated/.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m pip download --quiet --no-deps --dest "$work" "botocore${version:+==$version}"
wheel=$(ls "$work"/botocore-*.whl)
python3 - "$wheel" "$work" <<'PY'
import gzip, pathlib, sys, zipfile
wheel, work = sys.argv[1], pathlib.Path(sys.argv[2])
with zipfile.ZipFile(wheel) as z:
    models = sorted(n for n in z.namelist()
                    if n.startswith("botocore/data/cognito-idp/") and n.endswith("/service-2.json.gz"))
    (work / "service-2.json").write_bytes(gzip.decompress(z.read(models[-1])))
PY
got=$(basename "$wheel" | cut -d- -f2)

cp spec/cognito-idp.yaml "$work/previous.yaml"
cp "$work/service-2.json" spec/models/cognito-idp/service-2.json
sed -i "s/^botocore [0-9.]*$/botocore $got/" spec/models/README.md
cargo run --quiet --release -p specgen -- import spec/models/cognito-idp/service-2.json --out spec/cognito-idp.yaml
cargo run --quiet --release -p specgen -- diff "$work/previous.yaml" spec/cognito-idp.yaml || true
cargo run --quiet --release -p specgen -- generate spec/cognito-idp.yaml --out generated/src
echo "refreshed from botocore $got; run the tests: cargo test --workspace"
