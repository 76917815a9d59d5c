#!/usr/bin/env python3
"""The botocore wire corpus: requests that botocore's own JSON serializer writes, for every
operation of every JSON-protocol service of the installed botocore that has a document, a
float or double, or a timestamp with its own format. Run by scripts/wire-corpus.sh.

    wire-corpus.py select  --work DIR [SERVICE...]   models, and one request per operation
    wire-corpus.py batches --work DIR --max-ops N    the specs in batches to compile
    wire-corpus.py report  --work DIR                 compare what came back, print figures

A request's input is built from the operation's shapes: every member (one alternative of a
union; an optional member that could only be built by recursing is left out), one item
per list and one entry per map, strings of their minimum length (enum
values and patterns are not heeded: the round trip reads without validating), floats and
doubles taking turns at 1.5, NaN, Infinity, -Infinity, 0.1 and -2.5e-7, timestamps at
2016-09-30T21:29:26.928Z, and documents with nested objects, arrays, numbers and nulls.
`report` parses botocore's body and each body written back with botocore's JSON parser
(timestamps as datetimes, floats with NaN equal to NaN) and compares them.
"""

import argparse
import datetime
import glob
import gzip
import json
import math
import os
import sys

import botocore
import botocore.model
import botocore.parsers
import botocore.serialize

DATA = os.path.join(os.path.dirname(botocore.__file__), "data")
FLOATS = [1.5, float("nan"), float("inf"), float("-inf"), 0.1, -2.5e-7]
TIME = datetime.datetime(2016, 9, 30, 21, 29, 26, 928000, tzinfo=datetime.timezone.utc)
DOCUMENT = {
    "type": "S3",
    "syncMode": "FULL_CRAWL",
    "numbers": [1, -2, 3.25, 1e300, 0],
    "nothing": None,
    "nested": {"list": [{"a": [True, False, None]}, []], "empty": {}},
}


def latest_model(service):
    versions = sorted(glob.glob(os.path.join(DATA, service, "*", "service-2.json*")))
    return versions[-1] if versions else None


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return json.loads(raw)


def is_json(model):
    metadata = model["metadata"]
    return metadata.get("protocol") == "json" or "json" in (metadata.get("protocols") or [])


def features(model):
    """What the model has of the three wire facts: counts of shapes and members."""
    shapes = model["shapes"]
    out = {"document": 0, "float": 0, "timestamp_format": 0}
    for shape in shapes.values():
        kind = shape.get("type")
        if kind == "structure" and shape.get("document"):
            out["document"] += 1
        if kind in ("float", "double"):
            out["float"] += 1
        if kind == "timestamp" and shape.get("timestampFormat"):
            out["timestamp_format"] += 1
        for member in (shape.get("members") or {}).values():
            target = shapes.get(member["shape"], {})
            if member.get("timestampFormat") and target.get("type") == "timestamp":
                out["timestamp_format"] += 1
    return out


def module_name(service):
    return "svc_" + service.replace("-", "_")


class Sampler:
    def __init__(self):
        self.floats = 0

    def value(self, shape, stack):
        """A value of `shape`, or None when none can be built without recursing into a
        shape being built (a required member that leads back)."""
        kind = shape.type_name
        if kind == "structure":
            if shape.is_document_type:
                return json.loads(json.dumps(DOCUMENT))
            if shape.name in stack:
                return None
            stack = stack + [shape.name]
            required = set(shape.required_members)
            members = {}
            for name, member in shape.members.items():
                value = self.value(member, stack)
                if value is None:
                    if name in required:
                        return None
                    continue
                members[name] = value
                if shape.is_tagged_union:
                    break
            return members
        if kind == "list":
            item = self.value(shape.member, stack)
            return [] if item is None else [item]
        if kind == "map":
            value = self.value(shape.value, stack)
            key = shape.key.enum[0] if shape.key.enum else "key1"
            return {} if value is None else {key: value}
        if kind == "string":
            if shape.enum:
                return shape.enum[0]
            return "x" * max(shape.metadata.get("min", 1), 1)
        if kind in ("integer", "long"):
            low = shape.metadata.get("min", 1)
            high = shape.metadata.get("max", low)
            return int(min(max(low, 1), high))
        if kind in ("float", "double"):
            value = FLOATS[self.floats % len(FLOATS)]
            self.floats += 1
            return value
        if kind == "boolean":
            return True
        if kind == "timestamp":
            return TIME
        if kind == "blob":
            return b"data"
        raise ValueError(f"shape type {kind}")


def select(args):
    work = args.work
    os.makedirs(os.path.join(work, "models"), exist_ok=True)
    services = args.services or sorted(os.listdir(DATA))
    serializer = botocore.serialize.create_serializer("json", include_validation=False)
    chosen = []
    with open(os.path.join(work, "requests.jsonl"), "w") as requests:
        for service in services:
            path = latest_model(service)
            if not path:
                continue
            model = load(path)
            if not is_json(model):
                continue
            facts = features(model)
            if not any(facts.values()):
                continue
            # The JSON serializer reads these; a model whose first protocol is another may
            # lack them.
            metadata = model["metadata"]
            metadata.setdefault("jsonVersion", "1.0")
            target = os.path.join(work, "models", service + ".json")
            with open(target, "w") as f:
                json.dump(model, f)
            service_model = botocore.model.ServiceModel(model, service)
            sampler = Sampler()
            count = 0
            for name in service_model.operation_names:
                op = service_model.operation_model(name)
                if op.input_shape is None:
                    params = {}
                else:
                    params = sampler.value(op.input_shape, []) or {}
                try:
                    body = serializer.serialize_to_request(params, op)["body"]
                except Exception as e:  # noqa: BLE001 - recorded, not fatal
                    print(f"{service}.{name}: botocore cannot serialize: {e}", file=sys.stderr)
                    continue
                line = {
                    "service": service,
                    "module": module_name(service),
                    "operation": name,
                    "body": body.decode("utf-8"),
                }
                requests.write(json.dumps(line) + "\n")
                count += 1
            chosen.append({"service": service, "operations": count, **facts})
    with open(os.path.join(work, "services.json"), "w") as f:
        json.dump(chosen, f, indent=1)
    print(
        f"{len(chosen)} services, {sum(s['operations'] for s in chosen)} requests "
        f"({sum(1 for s in chosen if s['document'])} with documents, "
        f"{sum(1 for s in chosen if s['float'])} with floats or doubles, "
        f"{sum(1 for s in chosen if s['timestamp_format'])} with timestamp formats)"
    )


def batches(args):
    work = args.work
    with open(os.path.join(work, "services.json")) as f:
        chosen = json.load(f)
    out, current, ops = [], [], 0
    for s in chosen:
        spec = os.path.join(work, "specs", s["service"] + ".yaml")
        if not os.path.exists(spec):
            continue
        if current and ops + s["operations"] > args.max_ops:
            out.append(current)
            current, ops = [], 0
        current.append(f"{module_name(s['service'])} {os.path.abspath(spec)}")
        ops += s["operations"]
    if current:
        out.append(current)
    os.makedirs(os.path.join(work, "batches"), exist_ok=True)
    for old in glob.glob(os.path.join(work, "batches", "*.txt")):
        os.remove(old)
    for i, lines in enumerate(out):
        with open(os.path.join(work, "batches", f"{i:03}.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
    print(len(out))


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def first_difference(a, b, at="$"):
    if same(a, b):
        return None
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{at}.{k}: {a.get(k, '<absent>')!r} != {b.get(k, '<absent>')!r}"
            d = first_difference(a[k], b[k], f"{at}.{k}")
            if d:
                return d
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{at}[{i}]")
            if d:
                return d
    return f"{at}: {a!r} != {b!r}"


def report(args):
    work = args.work
    with open(os.path.join(work, "services.json")) as f:
        chosen = {s["service"]: s for s in json.load(f)}
    models = {}
    parser = botocore.parsers.create_parser("json")

    def parse(service, operation, body):
        if service not in models:
            path = os.path.join(work, "models", service + ".json")
            models[service] = botocore.model.ServiceModel(load(path), service)
        op = models[service].operation_model(operation)
        if op.input_shape is None:
            return json.loads(body)
        parsed = parser.parse(
            {"body": body.encode(), "headers": {}, "status_code": 200}, op.input_shape
        )
        parsed.pop("ResponseMetadata", None)
        return parsed

    sent = {}
    with open(os.path.join(work, "requests.jsonl")) as f:
        for line in f:
            r = json.loads(line)
            sent[(r["module"], r["operation"])] = r
    results = {}
    for path in sorted(glob.glob(os.path.join(work, "results", "*.jsonl"))):
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                results[(r["module"], r["operation"])] = r
    figures = {
        "requests": 0,
        "reader_ok": 0,
        "reader_failed": 0,
        "serde_ok": 0,
        "serde_failed": 0,
        "both_ok": 0,
        "byte_equal_json": 0,
        "from_http_accepted": 0,
        "not_run": 0,
    }
    failures = []
    by_service = {}
    for key, request in sent.items():
        service = request["service"]
        figures["requests"] += 1
        s = by_service.setdefault(service, {"requests": 0, "ok": 0, "failed": 0, "not_run": 0})
        s["requests"] += 1
        result = results.get(key)
        if result is None:
            figures["not_run"] += 1
            s["not_run"] += 1
            continue
        original = parse(service, request["operation"], request["body"])
        ok_both = True
        for side in ("reader", "serde"):
            written = result.get(side)
            if written is None:
                ok = False
                why = result.get(side + "_error") or ("panic" if result.get("panic") else "?")
            else:
                back = parse(service, request["operation"], written)
                why = first_difference(original, back)
                ok = why is None
                if ok and side == "reader" and json.loads(written) == json.loads(request["body"]):
                    figures["byte_equal_json"] += 1
            figures[f"{side}_{'ok' if ok else 'failed'}"] += 1
            if not ok:
                ok_both = False
                failures.append(f"{service}.{request['operation']} ({side}): {why}")
        if ok_both:
            figures["both_ok"] += 1
            s["ok"] += 1
        else:
            s["failed"] += 1
        if result.get("from_http_error") is None and not result.get("panic"):
            figures["from_http_accepted"] += 1
    services_run = sum(1 for s in by_service.values() if s["requests"] > s["not_run"])
    print(f"services selected: {len(chosen)} (run: {services_run})")
    for fact in ("document", "float", "timestamp_format"):
        print(f"  with {fact}: {sum(1 for s in chosen.values() if s[fact])}")
    for name, value in figures.items():
        print(f"{name}: {value}")
    not_run = sorted(s for s, v in by_service.items() if v["not_run"])
    if not_run:
        print("services not run: " + ", ".join(not_run))
    if failures:
        print(f"{len(failures)} failed round trips, the first 40:")
        for f in failures[:40]:
            print("  " + f)
    with open(os.path.join(work, "report.json"), "w") as f:
        json.dump({"figures": figures, "services": by_service, "failures": failures}, f, indent=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("select")
    p.add_argument("--work", required=True)
    p.add_argument("services", nargs="*")
    p = sub.add_parser("batches")
    p.add_argument("--work", required=True)
    p.add_argument("--max-ops", type=int, default=600)
    p = sub.add_parser("report")
    p.add_argument("--work", required=True)
    args = parser.parse_args()
    {"select": select, "batches": batches, "report": report}[args.command](args)


if __name__ == "__main__":
    main()
