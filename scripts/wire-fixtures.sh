#!/usr/bin/env bash
# Rebuilds the model fixtures of the wire tests from the installed botocore
# (`pip install botocore`) and converts them, and the hand-written one, with `specgen import`:
#
#   tests/fixtures/aws-models/<name>.json   trimmed botocore models (scripts/trim-model.py)
#   tests/fixtures/aws-import/<name>.yaml   the specs `specgen import` makes of them
#
# `tests/specs` generates and tests code from the specs; a test there checks that each
# spec is still what `specgen import` makes of its model.
set -euo pipefail
cd "$(dirname "$0")/.."
models=tests/fixtures/aws-models
specs=tests/fixtures/aws-import

# Kendra: a Smithy document (`TemplateConfiguration.Template`) and a float.
scripts/trim-model.py kendra CreateDataSource DescribeDataSource --out "$models/kendra.json"
# Lightsail: doubles (`PutAlarm.threshold`) and epoch timestamps.
scripts/trim-model.py lightsail PutAlarm GetAlarms --out "$models/lightsail.json"
# Redshift Serverless: epoch timestamps in requests, iso8601 ones in responses.
scripts/trim-model.py redshift-serverless ListSnapshots ListRecoveryPoints GetCredentials \
    --out "$models/redshift-serverless.json"

for model in "$models"/*.json; do
    name=$(basename "$model" .json)
    cargo run -q -p specgen -- import "$model" --out "$specs/$name.yaml"
done
