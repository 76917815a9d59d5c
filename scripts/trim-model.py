#!/usr/bin/env python3
"""Trims an AWS service model (botocore's service-2.json) to a few operations.

Keeps the metadata, the named operations and every shape they reach (inputs, outputs,
errors, members, list members, map keys and values) in the model's order, and drops
documentation and examples; the same model and operations always give the same bytes. Used to make the small model fixtures under
tests/fixtures/aws-models/, which `specgen import` converts into tests/fixtures/aws-import/.

    scripts/trim-model.py <service> <Operation>... --out <file.json>
    scripts/trim-model.py --model <service-2.json[.gz]> <Operation>... --out <file.json>

<service> is read from the installed botocore (its latest API version).
"""

import argparse
import glob
import gzip
import json
import os
import sys


def model_path(service):
    import botocore

    data = os.path.join(os.path.dirname(botocore.__file__), "data", service)
    versions = sorted(glob.glob(os.path.join(data, "*", "service-2.json*")))
    if not versions:
        sys.exit(f"error: botocore has no model for {service}")
    return versions[-1]


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return json.loads(raw)


def strip_docs(value):
    if isinstance(value, dict):
        return {
            k: strip_docs(v)
            for k, v in value.items()
            if k not in ("documentation", "documentationUrl", "examples")
        }
    if isinstance(value, list):
        return [strip_docs(v) for v in value]
    return value


def reachable(model, operations):
    shapes = model["shapes"]
    seen = set()
    stack = []
    for name in operations:
        op = model["operations"][name]
        for ref in [op.get("input"), op.get("output")] + op.get("errors", []):
            if ref:
                stack.append(ref["shape"])
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        refs = list(shape.get("members", {}).values())
        refs += [shape[k] for k in ("member", "key", "value") if k in shape]
        stack.extend(r["shape"] for r in refs)
    return seen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("service", nargs="?", help="a botocore service name")
    parser.add_argument("operations", nargs="+")
    parser.add_argument("--model", help="a service-2.json[.gz] instead of a service name")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.model:
        operations = ([args.service] if args.service else []) + args.operations
        path = args.model
    else:
        operations = args.operations
        path = model_path(args.service)
    model = load(path)
    missing = [o for o in operations if o not in model["operations"]]
    if missing:
        sys.exit(f"error: {path} has no operation {', '.join(missing)}")
    keep = reachable(model, operations)
    trimmed = strip_docs(
        {
            "version": model.get("version", "2.0"),
            "metadata": model["metadata"],
            "operations": {o: model["operations"][o] for o in operations},
            "shapes": {n: s for n, s in model["shapes"].items() if n in keep},
        }
    )
    with open(args.out, "w") as f:
        json.dump(trimmed, f, indent=1)
        f.write("\n")
    print(f"{args.out}: {len(operations)} operations, {len(keep)} shapes")


if __name__ == "__main__":
    main()
