#!/usr/bin/env bash
# Imports the model of every JSON-protocol service of the installed botocore
# (`pip install botocore`) with `specgen import`, loads each spec as `specgen generate`
# would, and prints the failures and the figures. Set SPECGEN_CORPUS_GENERATE=1 to also
# generate each crate's code (slower; pass --release). Extra arguments go to `cargo test`.
#
#   scripts/import-all.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BOTOCORE_DATA:-}" ]; then
    BOTOCORE_DATA="$(python3 -c 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))')"
    export BOTOCORE_DATA
fi
echo "models: $BOTOCORE_DATA" >&2
exec cargo test -p specgen --test import "$@" -- --ignored --nocapture --exact botocore_corpus
