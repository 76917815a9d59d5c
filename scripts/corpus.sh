#!/usr/bin/env bash
# The corpus run: every JSON-protocol service model (JSON 1.0 and 1.1) of the installed
# botocore (`pip install botocore`), imported with `specgen import`, generated, built in a
# few batch crates (one module per service) that must pass `cargo clippy -D warnings`, and
# one request per operation read back by `Request::from_http` (right content type
# included). Prints the figures, the slowest specs and every failure with its reason.
#
# About an hour on two cores: it is not part of `.ci/run`. Work files go to target/corpus
# (--out DIR elsewhere); set CARGO_TARGET_DIR to build elsewhere than target/corpus-build.
#
#   scripts/corpus.sh [--only cognito-idp,dynamodb] [--batch-shapes 4000] [--no-build]
#                     [--models BOTOCORE_DATA_DIR] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/corpus-build}"
# The driver is a workspace of its own; start from the versions the repository pins.
[ -f tests/corpus/Cargo.lock ] || cp Cargo.lock tests/corpus/Cargo.lock
exec cargo run --quiet --manifest-path tests/corpus/Cargo.toml -- "$@"
