#!/usr/bin/env python3
"""Writes BENCHMARKS.md from criterion's estimates and bench/results/build-times.txt.

Usage: python3 bench/report.py [--since EPOCH_SECONDS] [--out BENCHMARKS.md]

Reads every `<target>/criterion/**/new/benchmark.json` with its `estimates.json` (median
point estimates), ignoring results older than --since (so that a benchmark that did not run
this time does not show stale figures), and prints ratios to the plain serde baseline.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASES = ["sign_up", "admin_create_user", "create_user_pool"]
CASE_TITLES = {
    "sign_up": "SignUp",
    "admin_create_user": "AdminCreateUser",
    "create_user_pool": "CreateUserPool",
}
CONTENDERS = [
    ("plain_serde", "plain serde struct (baseline, no validation)"),
    ("cognito_deserialize", "`cognito_idp` deserialize"),
    ("cognito_deserialize_validate", "`cognito_idp` deserialize + `validate()`"),
    ("cognito_from_http", "`Request::from_http` (route + parse + validate)"),
    ("garde_deserialize_validate", "`garde` mirror: deserialize + validate"),
    ("json_value_parse", "`serde_json::Value` parse (input of jsonschema)"),
    ("jsonschema_validate", "`jsonschema` `iter_errors` on the parsed `Value`"),
    ("jsonschema_is_valid", "`jsonschema` `is_valid` on the parsed `Value`"),
    ("jsonschema_parse_and_validate", "`Value` parse + `jsonschema` `iter_errors`"),
]
STAGES = ["parse", "lower", "emit", "prettyplease", "total"]

# Which figure of criterion's samples stands for a benchmark. Other work on a shared machine
# only ever adds time, so the fastest sample (time per iteration) is the least disturbed one;
# `median` is criterion's median estimate.
STATISTIC = os.environ.get("BENCH_STATISTIC", "fastest")

# Figures quoted in issue 7 (same 2-core machine), for context.
PEERS = [
    ("typify", "generate types from the same schemas", "0.29 s"),
    ("typify", "rebuild its output crate after a touch", "7.7 s"),
    ("typify", "deserialize + validate a SignUp body", "~1200 ns (plain serde ~550 ns: ~2.2x)"),
    ("garde", "derive validation over plain serde", "~+25% (~1.25x)"),
    ("jsonschema", "validate an already-parsed SignUp `Value`", "~270 ns, plus ~850 ns to parse it"),
    ("AWS SDK crate", "compile", "51.7 s, no validation at all"),
]


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def target_dir():
    env = os.environ.get("CARGO_TARGET_DIR")
    if env:
        return Path(env)
    meta = sh("cargo", "metadata", "--format-version", "1", "--no-deps")
    if meta:
        return Path(json.loads(meta)["target_directory"])
    return ROOT / "target"


def load_estimates(since):
    """{(group_id, function_id): {"ns": median, "throughput": n or None}}"""
    results = {}
    base = target_dir() / "criterion"
    for bench in base.glob("**/new/benchmark.json"):
        estimates = bench.parent / "estimates.json"
        if not estimates.exists() or estimates.stat().st_mtime < since:
            continue
        meta = json.loads(bench.read_text())
        est = json.loads(estimates.read_text())
        throughput = meta.get("throughput") or {}
        ns = est["median"]["point_estimate"]
        sample = bench.parent / "sample.json"
        if STATISTIC == "fastest" and sample.exists():
            data = json.loads(sample.read_text())
            ns = min(t / n for t, n in zip(data["times"], data["iters"]) if n)
        function = meta.get("function_id")
        if meta.get("value_str"):
            function = f"{function}/{meta['value_str']}"
        results[(meta["group_id"], function)] = {
            "ns": ns,
            "throughput": throughput.get("Elements"),
        }
    return results


def read_kv(path):
    values = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                values[key.strip()] = value.strip()
    return values


def read_instructions(path):
    """{(operation, body, contender): instructions per iteration}"""
    counts = {}
    if path.exists():
        for line in path.read_text().splitlines():
            parts = line.split()
            if len(parts) == 4 and not line.startswith("#"):
                counts[tuple(parts[:3])] = int(parts[3])
    return counts


def fmt_ns(ns):
    if ns is None:
        return "—"
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def fmt_ratio(r):
    return "—" if r is None else f"{r:.2f}"


def machine():
    cpu = ""
    for line in sh("lscpu").splitlines():
        if line.startswith("Model name:"):
            cpu = line.split(":", 1)[1].strip()
    mem_kib = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    return {
        "cpu": cpu or platform.processor() or "unknown",
        "cores": str(os.cpu_count()),
        "memory": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "kernel": platform.release(),
        "rustc": sh("rustc", "--version"),
    }


def git_state():
    if os.environ.get("BENCH_COMMIT"):
        return os.environ["BENCH_COMMIT"], False
    commit = sh("git", "rev-parse", "--short", "HEAD")
    dirty = sh("git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench", ":!BENCHMARKS.md")
    return commit, bool(dirty)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", type=float, default=0.0)
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    parser.add_argument("--load", default="", help="load average when the run started")
    args = parser.parse_args()

    est = load_estimates(args.since)
    if not est:
        sys.exit("no criterion results found: run bench/run.sh")
    builds = read_kv(ROOT / "bench/results/build-times.txt")
    skipped_path = ROOT / "bench/results/generate-skipped.txt"
    skipped = [l for l in skipped_path.read_text().splitlines() if l.strip()] if skipped_path.exists() else []

    def t(group, function):
        e = est.get((group, function))
        return e["ns"] if e else None

    # The parse+validate path of jsonschema is the sum of its two halves.
    for case in CASES:
        for kind in ("valid", "invalid"):
            group = f"request/{case}/{kind}"
            parse, validate = t(group, "json_value_parse"), t(group, "jsonschema_validate")
            if parse is not None and validate is not None:
                est[(group, "jsonschema_parse_and_validate")] = {"ns": parse + validate, "throughput": None}

    def tokens_ns(group):
        parts = [t(group, s) for s in ("parse", "lower", "emit")]
        return sum(parts) if all(p is not None for p in parts) else None

    def ratio(group, function, base="plain_serde"):
        a, b = t(group, function), t(group, base)
        return a / b if a is not None and b else None

    out = []
    w = out.append
    m = machine()
    commit, dirty = git_state()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    w("# Benchmarks\n")
    w("Figures of `specgen` (generation) and `cognito-idp` (the request path) beside their peers, "
      "from one run of `bench/run.sh`. Absolute times drift on a shared machine; compare the "
      "**ratios**, which come from the same run. " + (
          "Times are the fastest of criterion's samples (time per iteration of the least disturbed "
          "sample: other work on a shared machine only adds time); `BENCH_STATISTIC=median` uses "
          "criterion's median estimates instead.\n" if STATISTIC == "fastest" else
          "Times are criterion's median estimates.\n"))
    w(f"Latest run: {now}, commit `{commit}`" + (" with uncommitted changes outside `bench/`" if dirty else "") + ".\n")
    w("## Machine\n")
    w("| CPU | cores | memory | kernel | rustc | load average at start |")
    w("|---|---|---|---|---|---|")
    w(f"| {m['cpu']} | {m['cores']} | {m['memory']} | {m['kernel']} | {m['rustc']} | {args.load or '—'} |\n")
    w("## Commands\n")
    w("Regenerate everything (about a quarter of an hour on this machine, of which criterion takes half; writes this file):\n")
    w("```sh\nbench/run.sh\n```\n")
    w("which runs:\n")
    w("```sh\n"
      "cargo bench -p specgen-bench --bench request -- --warm-up-time 1 --measurement-time 3\n"
      "cargo bench -p specgen-bench --bench generate -- --warm-up-time 1 --measurement-time 3\n"
      "cargo bench -p specgen-bench --bench serve    # SignUp through HTTP beside bare hyper (req/s)\n"
      "bench/instructions.sh           # instructions per request (callgrind), if valgrind exists\n"
      "bench/build-times.sh            # release builds of cognito-idp, CLI time and peak memory\n"
      "python3 bench/report.py         # criterion estimates + build times -> BENCHMARKS.md\n"
      "```\n")
    w("`SKIP_BUILD_TIMES=1`, `SKIP_INSTRUCTIONS=1` and `SKIP_SERVE=1` keep the last "
      "`bench/results/build-times.txt`, `bench/results/instructions.txt` and `bench/results/serve.txt`; "
      "`bench/run.sh request` or `bench/run.sh generate` runs one suite (the report keeps the "
      "other suite's latest figures).\n")

    # Targets.
    su = "request/sign_up/valid"
    gen_c = "generate/cognito-idp.yaml"
    val = t("validate/sign_up/valid", "cognito_validate")
    de = t(su, "cognito_deserialize")
    gen_total = t(gen_c, "total")
    peak = builds.get("specgen_generate_peak_kib")
    touch = builds.get("cognito_idp_release_touch_s")
    instr = read_instructions(ROOT / "bench/results/instructions.txt")

    def iratio(case, kind, function, base="plain_serde"):
        a, b = instr.get((case, kind, function)), instr.get((case, kind, base))
        return a / b if a is not None and b else None

    for case in CASES:
        for kind in ("valid", "invalid"):
            parse = instr.get((case, kind, "json_value_parse"))
            validate = instr.get((case, kind, "jsonschema_validate"))
            if parse is not None and validate is not None:
                instr[(case, kind, "jsonschema_parse_and_validate")] = parse + validate

    ms = lambda v: "—" if v is None else f"{v:.0f} ms"
    rows = [
        ("`cognito_idp` deserialize / plain serde, valid SignUp", ratio(su, "cognito_deserialize"), 1.10,
         fmt_ratio, iratio("sign_up", "valid", "cognito_deserialize")),
        ("deserialize + validate / plain serde, valid SignUp", ratio(su, "cognito_deserialize_validate"), 1.15,
         fmt_ratio, iratio("sign_up", "valid", "cognito_deserialize_validate")),
        ("`Request::from_http` / plain serde, valid SignUp", ratio(su, "cognito_from_http"), 1.20,
         fmt_ratio, iratio("sign_up", "valid", "cognito_from_http")),
        ("`validate()` / deserialize, valid SignUp (issue 3: < 0.25)", val / de if val and de else None, 0.25,
         fmt_ratio, iratio("sign_up", "valid", "cognito_validate", "cognito_deserialize")),
        ("generation of the Cognito spec: YAML parse + IR + emit + prettyplease (issue 2: < 1 s)",
         gen_total / 1e6 if gen_total else None, 150, ms, None),
        ("the same without prettyplease: YAML parse + IR + emit (tokens)",
         tokens_ns(gen_c) / 1e6 if tokens_ns(gen_c) else None, 150, ms, None),
        ("peak memory of `specgen generate` (MB)", int(peak) * 1024 / 1e6 if peak else None, 80,
         lambda v: "—" if v is None else f"{v:.0f} MB", None),
        ("release rebuild of `cognito-idp` after a touch", float(touch) if touch else None, 8.0,
         lambda v: "—" if v is None else f"{v:.1f} s", None),
    ]
    w("## Targets (issues 2, 3 and 7)\n")
    w("| target | limit | measured | met | in instructions (callgrind) |")
    w("|---|---|---|---|---|")
    for name, value, limit, show, by_instr in rows:
        met = "—" if value is None else ("yes" if value <= limit else "**no**")
        w(f"| {name} | {show(limit)} | {show(value)} | {met} | {fmt_ratio(by_instr) if by_instr else ''} |")
    w("")

    # Request path.
    groups = [(case, kind) for case in CASES for kind in ("valid", "invalid")]
    headers = [f"{CASE_TITLES[c]} {k}" for c, k in groups]
    w("## Request path: ratio to the plain serde struct\n")
    w("Each column is one body (`bench/data/`); the invalid ones carry 3 to 6 violations of "
      "length, pattern or range that a plain serde struct still reads. 1.00 is the plain serde "
      "struct reading the same bytes without validating them.\n")
    w("| | " + " | ".join(headers) + " |")
    w("|---" * (len(headers) + 1) + "|")
    for function, title in CONTENDERS:
        cells = [fmt_ratio(ratio(f"request/{c}/{k}", function)) for c, k in groups]
        if all(cell == "—" for cell in cells):
            continue
        w(f"| {title} | " + " | ".join(cells) + " |")
    w("")
    w("Times of the same run:\n")
    w("| | " + " | ".join(headers) + " |")
    w("|---" * (len(headers) + 1) + "|")
    for function, title in CONTENDERS:
        cells = [fmt_ns(t(f"request/{c}/{k}", function)) for c, k in groups]
        if all(cell == "—" for cell in cells):
            continue
        w(f"| {title} | " + " | ".join(cells) + " |")
    w("")

    if instr:
        w("### The same in instructions (callgrind)\n")
        w("Instructions per request counted by callgrind (`bench/instructions.sh`): unlike times, "
          "they do not move with the machine's load, so small differences are real; they do not "
          "see cache misses or branch mispredictions. Ratio to plain serde, with the count "
          "in parentheses.\n")
        w("| | " + " | ".join(headers) + " |")
        w("|---" * (len(headers) + 1) + "|")
        for function, title in CONTENDERS + [("cognito_validate", "`validate()` alone on a parsed value")]:
            cells = []
            for c, k in groups:
                n = instr.get((c, k, function))
                cells.append("—" if n is None else f"{fmt_ratio(iratio(c, k, function))} ({n:,})")
            if all(cell == "—" for cell in cells):
                continue
            w(f"| {title} | " + " | ".join(cells) + " |")
        w("")

    w("## Validation alone: `validate()` / deserialize\n")
    w("`validate()` on a value parsed once, against `serde_json::from_slice` of the same "
      "`cognito_idp` type (issue 3: < 25% for a valid SignUp).\n")
    w("| body | `validate()` | deserialize | validate / deserialize | the same in instructions |")
    w("|---|---|---|---|---|")
    for c, k in groups:
        v, d = t(f"validate/{c}/{k}", "cognito_validate"), t(f"request/{c}/{k}", "cognito_deserialize")
        iv, idd = instr.get((c, k, "cognito_validate")), instr.get((c, k, "cognito_deserialize"))
        w(f"| {CASE_TITLES[c]} {k} | {fmt_ns(v)} | {fmt_ns(d)} | {fmt_ratio(v / d if v and d else None)} "
          f"| {fmt_ratio(iv / idd if iv and idd else None)} |")
    w("")

    hostile_section(w, est)
    serve_section(w, read_kv(ROOT / "bench/results/serve.txt"))

    # Generation.
    w("## Generation\n")
    w("Per spec and per stage (in process, release): `parse` is YAML/JSON to the `openapiv3` "
      "document, `lower` builds the IR, `emit` the token streams but the schemas' own items, "
      "`prettyplease` emits those and formats everything (`syn` + `prettyplease`, a chunk at a "
      "time on every core); `total` runs the four. Per schema is `total` divided "
      "by the spec's component schemas.\n")
    w("| spec | schemas | parse | lower | emit | parse + lower + emit | prettyplease | total | total per schema |")
    w("|---|---|---|---|---|---|---|---|---|")
    specs = sorted({g for g, _ in est if g.startswith("generate/")},
                   key=lambda g: (not g.startswith("generate/cognito-idp"), g))
    for group in specs:
        n = next((e["throughput"] for (g, _), e in est.items() if g == group and e["throughput"]), None)
        cells = [fmt_ns(t(group, s)) for s in STAGES]
        tokens = tokens_ns(group)
        cells.insert(3, fmt_ns(tokens))
        total = t(group, "total")
        per = fmt_ns(total / n) if total and n else "—"
        w(f"| {group.split('/', 1)[1]} | {n or '—'} | " + " | ".join(cells) + f" | {per} |")
    w("")
    if skipped:
        w("Specs that do not go through every stage today (benchmarked up to the stage before):\n")
        for line in skipped:
            w(f"- {line}")
        w("")
    gen_instr = {stage: n for (op, spec, stage), n in instr.items() if op == "generate" and spec == "cognito-idp.yaml"}
    if gen_instr.get("total"):
        total_i = gen_instr["total"]
        w("The same pipeline in instructions (callgrind, `bench/instructions.sh`): one run of "
          "`specgen generate spec/cognito-idp.yaml`, inclusive "
          "counts per stage. `format` is the rendering of the files (`syn` parsing the emitted "
          "tokens back, then prettyplease, then spacing); the rest of `total` is reading the "
          "file, writing the output and dropping.\n")
        w("| stage | instructions | share of `specgen generate` |")
        w("|---|---|---|")
        names = [("parse", "YAML parse"), ("lower", "lower to IR"), ("emit", "emit tokens"),
                 ("format", "format (all)"), ("syn_parse", "… of which `syn` parsing the tokens"),
                 ("prettyplease", "… of which `prettyplease::unparse`"), ("total", "`specgen generate`")]
        for key, title in names:
            n = gen_instr.get(key)
            if n:
                w(f"| {title} | {n / 1e6:,.0f} M | {100 * n / total_i:.0f}% |")
        w("")
    fmt_all = t("format/cognito-idp.yaml", "crate_files")
    w("Emitting and formatting the Cognito crate as `specgen generate` does "
      f"(`specgen::crate_files`, on every core): **{fmt_ns(fmt_all)}**.\n")

    w("## Builds, CLI and memory\n")
    if builds:
        def b(key, unit=""):
            v = builds.get(key)
            return f"{v}{unit}" if v else "—"
        def mb(key):
            v = builds.get(key)
            return f"{int(v) / 1024:.0f} MiB ({int(v) * 1024 / 1e6:.0f} MB)" if v else "—"
        w("| what | figure |")
        w("|---|---|")
        w(f"| `cargo build --release -p cognito-idp` from clean (dependencies built) | {b('cognito_idp_release_clean_s', ' s')} (load {b('cognito_idp_release_clean_load')}) |")
        w(f"| the same after `touch generated/src/types.rs` | {b('cognito_idp_release_touch_s', ' s')} (load {b('cognito_idp_release_touch_load')}) |")
        w(f"| `specgen generate spec/cognito-idp.yaml`, release CLI, median of {b('runs')} | {b('specgen_generate_s', ' s')} |")
        w(f"| peak memory of `specgen generate` | {mb('specgen_generate_peak_kib')} |")
        w(f"| lines generated | {b('generated_lines')} |")
        w("")
        w(f"Peak memory measured with `{builds.get('memory_tool', '?')}`. Build times are wall "
          "times on a machine where others may be compiling: the load average at each start is "
          "given.\n")
    else:
        w("No `bench/results/build-times.txt`: run `bench/build-times.sh`.\n")

    w("## Peers (figures quoted in issue 7, same machine)\n")
    w("| peer | what | figure |")
    w("|---|---|---|")
    for peer, what, figure in PEERS:
        w(f"| {peer} | {what} | {figure} |")
    w("")
    w("`garde` and `jsonschema` also run in the request suite above, on the same bodies, so "
      "their ratios there are from this machine and this run.\n")

    w("## How the contenders are set up\n")
    w("- **Plain serde** (`bench/src/plain.rs`): `#[derive(Deserialize)]` mirrors of every member "
      "of the three requests and their nested types, `#[serde(rename)]` to the wire names, "
      "`Option` for optional members, closed enums, `BTreeMap` for maps as in `cognito_idp`.")
    w("- **garde** (`bench/src/garde_mirror.rs`, SignUp only): the same mirror with `garde` "
      "rules for the spec's constraints: `length(chars, …)`, full-match patterns compiled once "
      "in `LazyLock`s in the same ASCII-`\\w` dialect, `dive` into nested types and map values.")
    w("- **jsonschema** (`bench/src/schema.rs`, SignUp only): a draft 7 document built from "
      "`tests/fixtures/cognito-idp.json` (`$ref`s to `#/definitions`, OpenAPI-only keywords, "
      "annotations and `format` dropped, patterns anchored as `^(?:…)$` because JSON Schema's "
      "`pattern` is a search and AWS's a full match), compiled once with the default options "
      "(draft 7, `fancy-regex`); validation runs on a `Value` parsed "
      "beforehand, and the parse is timed on its own (`json_value_parse`).")
    w("- **cognito_idp**: the checked-in generated crate; `from_http` includes routing on the "
      "`X-Amz-Target` and, for invalid bodies, building the AWS error and its message.")
    w("")
    # Sections written by hand (from `## Crate graph` on) are carried over as they are.
    old = Path(args.out).read_text() if Path(args.out).exists() else ""
    kept = old[old.index("## Crate graph"):] if "## Crate graph" in old else ""
    text = "\n".join(out)
    if kept:
        text = text.rstrip("\n") + "\n\n" + kept
    Path(args.out).write_text(text)
    print(f"wrote {args.out}", file=sys.stderr)


def serve_section(w, serve):
    """SignUp through the HTTP stack beside a bare hyper handler (bench/benches/serve.rs)."""
    if not serve:
        return
    w("## Serving: SignUp through HTTP (issue 12)\n")
    w("Two hyper 1 servers on loopback, one thread each, HTTP/1.1 keep-alive: a bare "
      "`service_fn` that reads the body and answers a fixed one, and `serve::HttpService` over "
      "`Dispatcher` of a `Service` answering SignUp (routing on `X-Amz-Target`, reading and "
      "validating the body, the handler, writing the response, the AWS headers and a fresh "
      "request id). A load generator on a third thread keeps "
      f"{serve.get('connections', '?')} connections busy with the same valid SignUp; rounds "
      f"alternate between the servers ({serve.get('rounds', '?')} rounds of "
      f"{serve.get('seconds', '?')} s each) and the best round of each counts. "
      "`cargo bench -p specgen-bench --bench serve` (`bench/run.sh serve`; "
      "`SERVE_ROUNDS`, `SERVE_SECONDS`). Target: at least 0.8 of the bare handler.\n")
    w("| server | requests per second (best round) | median round |")
    w("|---|---|---|")
    w(f"| bare hyper handler, fixed body | {serve.get('bare_rps', '—')} | {serve.get('bare_median_rps', '—')} |")
    w(f"| `cognito_idp` SignUp through `serve::HttpService` | {serve.get('ours_rps', '—')} | {serve.get('ours_median_rps', '—')} |")
    ratio = serve.get("ratio")
    met = "—" if ratio is None else ("yes" if float(ratio) >= 0.8 else "**no**")
    w(f"| ratio (target ≥ 0.8) | {ratio or '—'} ({met}) | {serve.get('median_ratio', '—')} |")
    w("")
    w("Per CPU-second of the server's thread (steadier on a busy machine): bare "
      f"{serve.get('bare_cpu_rps', '—')}, ours {serve.get('ours_cpu_rps', '—')}, ratio "
      f"{serve.get('cpu_ratio', '—')}.")
    w("")
    w(f"Load average when it ran: {serve.get('load', '—')}.\n")


HOSTILE_SIZES = (64 << 10, 256 << 10, 1 << 20)


def hostile_section(w, est):
    """Growth of every hostile shape with size, and its cost against serde_json."""
    groups = sorted({g for (g, _) in est if g.startswith("hostile/")})
    if not groups:
        return
    w("## Hostile bodies: linear time (issue 10)\n")
    w("Each shape of `bench/src/hostile.rs` at 64 KB, 256 KB and 1 MB, through the path it "
      "attacks (`from_http` unless named), beside serde_json on the same bytes: "
      "`from_slice::<Value>` and `from_slice` through the same type's serde impl (which, like "
      "the crate's reader, skips an unknown member whole, where a `Value` gives up at 128 "
      "levels of nesting). Targets: each 4x step in size at most 5x in time (linear is 4x); "
      "at 1 MB at most 10x the `Value` parse, or, where serde_json refuses the body as a "
      "`Value` early, 10x its typed read. `cargo bench -p specgen-bench --bench hostile` "
      "(`bench/run.sh hostile`).\n")
    w("| shape | 64 KB | 256 KB | 1 MB | 256K/64K | 1M/256K | 1 MB / `Value` | 1 MB / typed serde | met |")
    w("|---|---|---|---|---|---|---|---|---|")
    worst_growth, worst_ratio = 0.0, 0.0
    for g in groups:
        ours = [(est.get((g, f"ours/{n}")) or {}).get("ns") for n in HOSTILE_SIZES]
        value = (est.get((g, f"value_parse/{HOSTILE_SIZES[-1]}")) or {}).get("ns")
        typed = (est.get((g, f"serde_typed/{HOSTILE_SIZES[-1]}")) or {}).get("ns")
        if any(v is None for v in ours) or value is None or typed is None:
            continue
        g1, g2 = ours[1] / ours[0], ours[2] / ours[1]
        rv, rt = ours[2] / value, ours[2] / typed
        ratio = min(rv, rt)
        met = g1 <= 5 and g2 <= 5 and ratio <= 10
        worst_growth = max(worst_growth, g1, g2)
        worst_ratio = max(worst_ratio, ratio)
        name = g.removeprefix("hostile/").replace("__", ": ").replace("_", " ")
        w(f"| {name} | {fmt_ns(ours[0])} | {fmt_ns(ours[1])} | {fmt_ns(ours[2])} | "
          f"{g1:.2f} | {g2:.2f} | {rv:.2f} | {rt:.2f} | {'yes' if met else '**no**'} |")
    w("")
    w(f"Largest growth per 4x step: {worst_growth:.2f}; largest 1 MB ratio to serde_json "
      f"(the nearer baseline): {worst_ratio:.2f}.\n")


if __name__ == "__main__":
    main()
