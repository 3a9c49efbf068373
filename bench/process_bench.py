#!/usr/bin/env python3
"""The `oaskit` command as users run it: whole processes, on the corpus's largest documents and
on a generated 20 MB OpenAPI 3.1 document, beside peers on the same bytes in the same run.

For each document it times (median of --runs) and measures the peak RSS (the child's
ru_maxrss from os.wait4) of:
  oaskit model OpenAPI FILE, oaskit check FILE (text and --format json), oaskit fmt, oaskit bundle
and of the peers:
  jq -c . FILE (JSON documents), FastAPI's `fastapi.openapi.models.OpenAPI` validate + dump in a
  Python child (timed in-process, after loading), Python's parse alone (json, or yaml.CSafeLoader,
  + json.dumps), openapi-spec-validator when installed, and Redocly CLI `lint` (npm, pinned in
  bench/package.json; skipped when bench/node_modules or node is missing).
It ends with one line per goal, each "met" or "MISSED". The machine is shared: compare ratios,
not absolute times. Exit status: 0, also when a goal is missed (it is a benchmark); 1 when an
oaskit command crashed or exited 2, or refused the generated document.

Usage: bench/process_bench.py [--oaskit build/release/oaskit] [--corpus ../shared/corpus]
                              [--runs 5] [--quick] [--only model|check|fmt|bundle] [--perf]
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1000 * 1000  # decimal megabytes, for file sizes, MB/s and RSS alike

# The corpus's largest single-file documents, both formats. xero's YAML is the largest YAML
# document besides openai's (and was in bench/check_wall_time.py, which this replaces).
DOCUMENTS = ["docs/openai/openapi.json", "docs/openai/openapi.yaml",
             "docs/twilio/twilio_api_v2010.json", "docs/box/openapi.json",
             "docs/xero/xero_accounting.yaml"]
QUICK_DOCUMENTS = ["docs/openai/openapi.json", "docs/openai/openapi.yaml"]
GENERATED = "generated-20MB.json"
# Counted per resource as it is indented alone; the whole file comes to about 20 MB.
GENERATED_BYTES = 19 * 1000 * 1000

REDOCLY_CLI = os.path.join(ROOT, "bench/node_modules/@redocly/cli/bin/cli.js")
# No telemetry and no update check: the only network here is the npm registry.
REDOCLY_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
               "NO_COLOR": "1"}


# ---------------------------------------------------------------------------------------------
# Running a process: wall time and peak RSS.

class Run:
    """One command's result over several runs: median wall time, the largest peak RSS, the exit
    codes seen (a negative code is a signal), and the stderr of the last run."""

    def __init__(self, seconds, rss_mb, codes, stderr):
        self.seconds = seconds
        self.rss_mb = rss_mb
        self.codes = codes
        self.stderr = stderr

    @property
    def code(self):
        return max(self.codes, key=abs)

    @property
    def crashed(self):
        return any(code < 0 for code in self.codes)


# The peak RSS a parent reads for its child (ru_maxrss) is at least the RSS of the process the
# child was forked from: Linux carries the parent's high-water mark over fork and exec. So each
# command is started by this small launcher (python3 -S -I, about 5 MB resident when it forks),
# not by the benchmark itself, whose RSS grows with the documents it makes. The launcher times
# fork to wait4 and prints the child's exit status and rusage as JSON.
LAUNCHER = """
import json, os, signal, sys, time
timeout, out, err, argv = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
    os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.alarm(max(1, int(timeout)))
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "code": os.waitstatus_to_exitcode(status),
                  "maxrss_kb": usage.ru_maxrss}))
"""


def run_once(argv, timeout, env=None, capture=False):
    """Runs argv once: (seconds, peak RSS in MB, exit code (negative: a signal), stderr text,
    stdout text when captured)."""
    with tempfile.TemporaryDirectory(prefix="oaskit-run-") as folder:
        out = os.path.join(folder, "stdout") if capture else os.devnull
        err = os.path.join(folder, "stderr")
        launched = subprocess.run([sys.executable, "-S", "-I", "-c", LAUNCHER, str(timeout), out,
                                   err] + list(argv), env=env, capture_output=True, text=True)
        if launched.returncode != 0:
            raise RuntimeError(f"launcher failed on {argv[0]}: {launched.stderr.strip()}")
        result = json.loads(launched.stdout)
        stdout = open(out, encoding="utf-8", errors="replace").read() if capture else ""
        stderr = open(err, encoding="utf-8", errors="replace").read()
    return result["seconds"], result["maxrss_kb"] * 1024 / MB, result["code"], stderr, stdout


def measure(argv, runs, timeout, env=None):
    results = [run_once(argv, timeout, env) for _ in range(runs)]
    return Run(statistics.median(r[0] for r in results), max(r[1] for r in results),
               [r[2] for r in results], results[-1][3])


# ---------------------------------------------------------------------------------------------
# The generated document: deterministic, realistic in shape, valid OpenAPI 3.1 with no findings.

WORDS = ("account invoice customer order payment shipment product catalog review address "
         "subscription refund ledger contact warehouse carrier coupon tax report export").split()
STATUSES = ["draft", "pending", "active", "suspended", "archived", "deleted"]


def sentence(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def property_schema(rng, name):
    kind = rng.randrange(6)
    description = sentence(rng, rng.randrange(6, 20))
    if kind == 0:
        return {"type": "string", "description": description, "maxLength": 256,
                "example": f"{name} {rng.choice(WORDS)}"}
    if kind == 1:
        return {"type": "integer", "format": "int64", "minimum": 0, "description": description,
                "example": rng.randrange(1000)}
    if kind == 2:
        return {"type": "string", "enum": STATUSES, "description": description,
                "example": rng.choice(STATUSES)}
    if kind == 3:
        return {"type": "string", "format": "date-time", "description": description,
                "example": "2024-05-17T09:30:00Z"}
    if kind == 4:
        return {"type": "array", "items": {"type": "string"}, "description": description,
                "example": [rng.choice(WORDS), rng.choice(WORDS)]}
    # Nullable as pydantic v2 writes it (FastAPI 0.92's model refuses a list of types).
    return {"anyOf": [{"type": "number"}, {"type": "null"}], "description": description,
            "example": 12.5}


def resource_schema(rng, index):
    names = [f"{rng.choice(WORDS)}_{rng.choice(WORDS)}_{k}" for k in range(rng.randrange(12, 24))]
    properties = {"id": {"type": "string", "format": "uuid", "readOnly": True,
                         "description": "Identifier, assigned by the server.",
                         "example": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}}
    for name in names:
        properties[name] = property_schema(rng, name)
    return {"type": "object", "title": f"Resource{index}", "description": sentence(rng, 25),
            "required": ["id", names[0]], "properties": properties}


def json_content(reference):
    return {"application/json": {"schema": {"$ref": reference}}}


def error_responses():
    return {"400": {"$ref": "#/components/responses/BadRequest"},
            "404": {"$ref": "#/components/responses/NotFound"}}


def resource_paths(rng, index):
    """The collection and item paths of one resource, five operations in all."""
    name = f"{WORDS[index % len(WORDS)]}s{index}"
    schema = f"#/components/schemas/Resource{index}"
    tag = [WORDS[index % len(WORDS)]]
    item_id = {"name": "id", "in": "path", "required": True, "description": "The item's id.",
               "schema": {"type": "string", "format": "uuid"}}
    listing = {"200": {"description": "One page of items.", "content": {"application/json": {
        "schema": {"type": "object", "properties": {
            "items": {"type": "array", "items": {"$ref": schema}},
            "next": {"anyOf": [{"type": "string"}, {"type": "null"}],
                     "description": "The next page's cursor."}}}}}}}
    one = {"description": "The item.", "content": json_content(schema)}
    return {
        f"/{name}": {
            "get": {"operationId": f"list_{name}", "summary": sentence(rng, 5), "tags": tag,
                    "description": sentence(rng, 30),
                    "parameters": [{"$ref": "#/components/parameters/Limit"},
                                   {"$ref": "#/components/parameters/Cursor"},
                                   {"name": "status", "in": "query", "description": "Filter.",
                                    "schema": {"type": "string", "enum": STATUSES}}],
                    "responses": {**listing, **error_responses()}},
            "post": {"operationId": f"create_{name}", "summary": sentence(rng, 5), "tags": tag,
                     "requestBody": {"required": True, "content": json_content(schema)},
                     "responses": {"201": one, **error_responses()}},
        },
        f"/{name}/{{id}}": {
            "parameters": [item_id],
            "get": {"operationId": f"get_{name}", "summary": sentence(rng, 5), "tags": tag,
                    "responses": {"200": one, **error_responses()}},
            "put": {"operationId": f"replace_{name}", "summary": sentence(rng, 5), "tags": tag,
                    "requestBody": {"required": True, "content": json_content(schema)},
                    "responses": {"200": one, **error_responses()}},
            "delete": {"operationId": f"delete_{name}", "summary": sentence(rng, 5), "tags": tag,
                       "responses": {"204": {"description": "Deleted."}, **error_responses()}},
        },
    }


def generated_document(target_bytes):
    rng = random.Random(20240517)
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Generated benchmark API", "version": "1.0.0",
                 "description": "Made by bench/process_bench.py: many resources of one shape.",
                 "license": {"name": "MIT", "identifier": "MIT"}},
        "servers": [{"url": "https://api.shop.test/v1"}],
        "security": [{"bearer": []}],
        "tags": [{"name": word, "description": sentence(rng, 8)} for word in WORDS],
        "paths": {},
        "components": {
            "schemas": {"Error": {"type": "object", "required": ["code", "message"],
                                  "properties": {"code": {"type": "integer"},
                                                 "message": {"type": "string"}}}},
            "parameters": {
                "Limit": {"name": "limit", "in": "query", "description": "Page size.",
                          "schema": {"type": "integer", "minimum": 1, "maximum": 100,
                                     "default": 20}},
                "Cursor": {"name": "cursor", "in": "query", "description": "Page cursor.",
                           "schema": {"type": "string"}}},
            "responses": {
                "BadRequest": {"description": "The request is invalid.",
                               "content": json_content("#/components/schemas/Error")},
                "NotFound": {"description": "No such item.",
                             "content": json_content("#/components/schemas/Error")}},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "bearerFormat": "JWT"}},
        },
    }
    size, index = 0, 0
    while size < target_bytes:
        paths = resource_paths(rng, index)
        schema = resource_schema(rng, index)
        document["paths"].update(paths)
        document["components"]["schemas"][f"Resource{index}"] = schema
        size += len(json.dumps(paths, indent=1)) + len(json.dumps(schema, indent=1))
        index += 1
    return document


def write_generated(folder):
    path = os.path.join(folder, GENERATED)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(generated_document(GENERATED_BYTES), f, indent=1)
    return path


# ---------------------------------------------------------------------------------------------
# The Python peers, in a child process (its own wall time and peak RSS): `--python-peer FILE`.

def python_peer(path, runs):
    """Prints, as JSON: the load + json.dumps time (the parse alone), FastAPI's OpenAPI model
    validate + dump time (after the load, so it is FastAPI's own work), and
    openapi-spec-validator's time when it is installed. Medians of `runs`."""
    import yaml

    def load():
        with open(path, "rb") as f:
            if path.endswith(".json"):
                return json.load(f)
            return yaml.load(f, Loader=yaml.CSafeLoader)

    def timed(action):
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    report = {"parse": timed(lambda: json.dumps(load(), default=str))}
    data = load()
    report.update(fastapi_validate_dump(data, timed))
    try:
        from openapi_spec_validator import validate
    except ImportError:
        try:  # before 0.6
            from openapi_spec_validator import validate_spec as validate
        except ImportError:
            validate = None
    if validate is None:
        report["spec_validator"] = None
    else:
        def validate_quietly():
            try:
                validate(data)
            except Exception:  # a refusal still took the time
                pass
        report["spec_validator"] = timed(validate_quietly)
    print(json.dumps(report))


def fastapi_validate_dump(data, timed):
    import pydantic
    from fastapi.openapi.models import OpenAPI
    if pydantic.VERSION.startswith("1."):
        def validate_dump():
            return OpenAPI.parse_obj(data).json(by_alias=True, exclude_none=True)
    else:
        def validate_dump():
            return OpenAPI.model_validate(data).model_dump_json(by_alias=True, exclude_none=True)
    try:
        validate_dump()
    except pydantic.ValidationError as error:
        return {"fastapi": None, "fastapi_refused": f"{len(error.errors())} validation errors"}
    return {"fastapi": timed(validate_dump), "pydantic": pydantic.VERSION}


# ---------------------------------------------------------------------------------------------
# The rows of the table.

class Row:
    """One command on one document; `versus` names the row its ratios compare with."""

    def __init__(self, label, run, seconds=None, note="", versus=None, oaskit=False):
        self.label = label
        self.run = run
        self.seconds = seconds if seconds is not None else (run.seconds if run else None)
        self.note = note
        self.versus = versus
        self.oaskit = oaskit


def oaskit_commands(oaskit, path, out, only):
    """(label, argv, compared with) for each oaskit command asked for."""
    commands = {
        "model": [("oaskit model OpenAPI", [oaskit, "model", "OpenAPI", path], None)],
        "check": [("oaskit check", [oaskit, "check", path], None),
                  ("oaskit check --format json", [oaskit, "check", "--format", "json", path],
                   "oaskit check")],
        "fmt": [("oaskit fmt", [oaskit, "fmt", path, "-o", out], None)],
        "bundle": [("oaskit bundle", [oaskit, "bundle", path, "-o", out], None)],
    }
    return [c for name, group in commands.items() if only in (None, name) for c in group]


def redocly_status():
    """None when Redocly CLI can run, else why not."""
    if not shutil.which("node"):
        return "node is not installed"
    if not os.path.exists(REDOCLY_CLI):
        return "bench/node_modules is missing (./run deps bench installs it)"
    return None


def measure_document(path, args, out):
    runs, timeout = args.runs, args.timeout
    rows = []
    for label, argv, versus in oaskit_commands(args.oaskit, path, out, args.only):
        rows.append(Row(label, measure(argv, runs, timeout), versus=versus, oaskit=True))
    if args.only in (None, "model"):
        if path.endswith(".json") and shutil.which("jq"):
            rows.append(Row("jq -c .", measure(["jq", "-c", ".", path], runs, timeout),
                            versus="oaskit model OpenAPI"))
        rows.extend(python_rows(path, args))
    if args.only in (None, "check") and not redocly_status():
        env = dict(os.environ, **REDOCLY_ENV)
        argv = ["node", REDOCLY_CLI, "lint", "--format=summary", path]
        rows.append(Row("Redocly CLI lint", measure(argv, runs, timeout, env),
                        versus="oaskit check"))
    return rows


def python_rows(path, args):
    """The Python peers' rows: one child process, which times its steps itself."""
    argv = [sys.executable, os.path.abspath(__file__), "--python-peer", path,
            "--runs", str(args.runs)]
    seconds, rss, code, stderr, stdout = run_once(argv, args.timeout * args.runs, capture=True)
    child = Run(seconds, rss, [code], stderr)
    if code != 0:
        last = child.stderr.strip().splitlines()[-1:] or ["no output"]
        return [Row("Python peers", child, note=f"failed: {last[0]}")]
    report = json.loads(stdout)
    rows = [Row("Python parse + json.dumps", child, seconds=report["parse"],
                note="in-process", versus="oaskit check")]
    if report["fastapi"] is None:
        rows.append(Row("FastAPI OpenAPI validate+dump", child, seconds=None,
                        note=f"refused: {report['fastapi_refused']}"))
    else:
        rows.append(Row("FastAPI OpenAPI validate+dump", child, seconds=report["fastapi"],
                        note=f"in-process, pydantic {report['pydantic']}",
                        versus="oaskit model OpenAPI"))
    if report["spec_validator"] is not None:
        rows.append(Row("openapi-spec-validator", child, seconds=report["spec_validator"],
                        note="in-process", versus="oaskit check"))
    return rows


def print_document(name, size, rows):
    by_label = {row.label: row for row in rows}
    print(f"\n{name}  ({size / MB:.1f} MB)")
    print(f"  {'command':30} {'exit':>4} {'wall s':>8} {'MB/s':>7} {'RSS MB':>7} "
          f"{'time ratio':>11} {'RSS ratio':>10}  compared with / note")
    for row in rows:
        seconds = f"{row.seconds:.3f}" if row.seconds is not None else "-"
        rate = f"{size / MB / row.seconds:.1f}" if row.seconds else "-"
        rss = f"{row.run.rss_mb:.1f}" if row.run else "-"
        code = str(row.run.code) if row.run else "-"
        time_ratio = rss_ratio = ""
        base = by_label.get(row.versus)
        if base and row.seconds and base.seconds:
            time_ratio = f"{row.seconds / base.seconds:.2f}x"
            rss_ratio = f"{row.run.rss_mb / base.run.rss_mb:.2f}x"
        note = ", ".join(part for part in (row.versus if base else "", row.note) if part)
        print(f"  {row.label:30} {code:>4} {seconds:>8} {rate:>7} {rss:>7} "
              f"{time_ratio:>11} {rss_ratio:>10}  {note}")


def failures(name, rows):
    """What went wrong with oaskit on this document: crashes and exit 2."""
    found = []
    for row in rows:
        if row.oaskit and (row.run.crashed or 2 in row.run.codes):
            last = row.run.stderr.strip().splitlines()[-3:]
            found.append(f"{row.label} on {name}: exit {row.run.code}: {' | '.join(last)}")
    return found


# ---------------------------------------------------------------------------------------------
# The goals.

def goal_lines(results):
    """(text, met) for each goal the measurements allow; results: name -> (size, rows)."""
    lines = []

    def seconds(name, label):
        rows = results.get(name, (0, []))[1]
        row = next((r for r in rows if r.label == label), None)
        return row.seconds if row else None

    def speedup(name, peer, oaskit, goal, what):
        peer_s, oaskit_s = seconds(name, peer), seconds(name, oaskit)
        if peer_s and oaskit_s:
            ratio = peer_s / oaskit_s
            lines.append((f"{what} on {name}: {ratio:.1f}x (goal >= {goal}x)", ratio >= goal))

    for name in ("docs/openai/openapi.json", GENERATED):
        speedup(name, "jq -c .", "oaskit model OpenAPI", 8,
                "oaskit model vs jq -c . (jq time / oaskit time)")
    for name in ("docs/openai/openapi.json", "docs/openai/openapi.yaml", GENERATED):
        speedup(name, "FastAPI OpenAPI validate+dump", "oaskit model OpenAPI", 20,
                "oaskit model vs FastAPI in-process validate+dump (FastAPI / oaskit)")
    for name, (size, rows) in results.items():
        model = next((r for r in rows if r.label == "oaskit model OpenAPI"), None)
        if model:
            limit = 4 * size / MB + 10
            lines.append((f"peak RSS of oaskit model on {name}: {model.run.rss_mb:.1f} MB "
                          f"(goal <= 4 x file + 10 MB = {limit:.1f} MB)",
                          model.run.rss_mb <= limit))
    for name in ("docs/openai/openapi.yaml", GENERATED):
        text_s, json_s = seconds(name, "oaskit check"), seconds(name, "oaskit check --format json")
        if text_s and json_s:
            ratio = text_s / json_s
            lines.append((f"oaskit check text / --format json time on {name}: {ratio:.2f} "
                          f"(goal <= 1.3)", ratio <= 1.3))
    speedup("docs/openai/openapi.yaml", "Redocly CLI lint", "oaskit check", 10,
            "oaskit check vs Redocly CLI lint (Redocly / oaskit)")
    return lines


# ---------------------------------------------------------------------------------------------
# perf: where oaskit's time goes, for developers.

def profile(args, generated, corpus):
    if not shutil.which("perf"):
        print("\nSKIPPED: perf profiles (perf is not installed)")
        return
    folder = os.path.join(os.path.dirname(os.path.abspath(args.oaskit)), "perf")
    os.makedirs(folder, exist_ok=True)
    targets = [("model_generated", [args.oaskit, "model", "OpenAPI", generated]),
               ("check_openai_yaml",
                [args.oaskit, "check", os.path.join(corpus, "docs/openai/openapi.yaml")])]
    for name, argv in targets:
        data = os.path.join(folder, f"{name}.data")
        recorded = subprocess.run(["perf", "record", "-g", "-o", data, "--"] + argv,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # perf exits with the command's status (check's is 1 when it has findings).
        if "Captured and wrote" not in recorded.stderr:
            print(f"\nSKIPPED: perf record of {name}: {recorded.stderr.strip()[-300:]}")
            continue
        report = subprocess.run(["perf", "report", "--stdio", "--no-children", "-g", "none",
                                 "-i", data], capture_output=True, text=True)
        top = [line[:160] for line in report.stdout.splitlines() if line.strip()
               and not line.startswith("#")][:15]
        print(f"\n== perf: {' '.join(os.path.basename(a) for a in argv)} ({data})")
        print("\n".join(top))


# ---------------------------------------------------------------------------------------------

def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--oaskit", default=os.path.join(ROOT, "build/release/oaskit"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "../shared/corpus"))
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median)")
    parser.add_argument("--quick", action="store_true", help="1 run, fewer documents")
    parser.add_argument("--only", choices=["model", "check", "fmt", "bundle"])
    parser.add_argument("--perf", action="store_true", help="perf profiles of model and check")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
    parser.add_argument("--python-peer", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.runs = 1
    return args


def main():
    args = parse_arguments()
    if args.python_peer:
        python_peer(args.python_peer, args.runs)
        return 0
    if not os.path.exists(os.path.join(args.corpus, "MANIFEST.tsv")):
        print(f"SKIPPED: process benchmark (no corpus at {args.corpus})")
        return 0
    if not os.access(args.oaskit, os.X_OK):
        print(f"process_bench: no oaskit command at {args.oaskit} (./run build release)",
              file=sys.stderr)
        return 2
    print(f"== oaskit as a process: wall time = median of {args.runs} run(s); peak RSS = the "
          f"child's ru_maxrss\n   (at least ~6 MB, the launcher's; the Python rows share one "
          f"child, its data loaded). Ratios: this row / the row\n   it is compared with "
          f"(for a peer, >1: oaskit is faster).")
    reason = redocly_status()
    if reason and args.only in (None, "check"):
        print(f"SKIPPED: Redocly CLI lint ({reason})")
    documents = QUICK_DOCUMENTS if args.quick else DOCUMENTS
    problems, results = [], {}
    with tempfile.TemporaryDirectory(prefix="oaskit-bench-") as folder:
        generated = write_generated(folder)
        paths = [(name, os.path.join(args.corpus, name)) for name in documents]
        paths = [(name, path) for name, path in paths if os.path.exists(path)]
        for name, path in paths + [(GENERATED, generated)]:
            size = os.path.getsize(path)
            rows = measure_document(path, args, os.path.join(folder, "out"))
            results[name] = (size, rows)
            print_document(name, size, rows)
            problems += failures(name, rows)
        refused = [r for r in results[GENERATED][1]
                   if r.label == "oaskit model OpenAPI" and r.run.code != 0]
        if refused:
            problems.append(f"oaskit model refused the generated document: "
                            f"{refused[0].run.stderr.strip()[:500]}")
        if args.perf:
            profile(args, generated, args.corpus)
    print("\n== goals")
    goals = goal_lines(results)
    for text, met in goals:
        print(f"  {'met   ' if met else 'MISSED'}  {text}")
    if not goals:
        print("  (none: the commands they need were not run)")
    for problem in problems:
        print(f"!!! {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
