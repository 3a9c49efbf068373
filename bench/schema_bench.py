#!/usr/bin/env python3
"""JSON Schema validation: oaskit beside ajv 8 (compiled, allErrors off and on) and Debian's
python-jsonschema, on the same schemas and instances in the same run.

Cases:
  - the larger component schemas of the corpus's OpenAPI 3.1 documents, each with instances
    generated from the schema: valid ones, and invalid ones made by breaking a valid one
    (python-jsonschema, the reference, decides which is which; a case's peers must agree);
  - a few small suite-like schemas with their own instances.
For each case every peer compiles the schema once and validates the instances for --seconds,
first stopping at the first error (oaskit is_valid, ajv allErrors: false, jsonschema is_valid),
then collecting every error (oaskit validate, ajv allErrors: true, jsonschema iter_errors).
It prints validations per second, the ratios, compile times, and one met/MISSED line per goal
(judged on the median case; the worst case and the geometric mean are printed beside it):
  valid instances, first error:  oaskit >= 1.5x ajv
  every error collected:         oaskit >= 1x ajv
  either:                        oaskit >= 50x python-jsonschema
The machine is shared: compare ratios, not absolute numbers.

Usage: bench/schema_bench.py [--build build/release] [--corpus ../shared/corpus]
                             [--seconds 0.5] [--cases 8]
"""
import argparse
import copy
import json
import math
import statistics
import os
import subprocess
import sys
import tempfile

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = "https://bench.invalid/document.json"
DOCUMENTS = ["docs/openai/openapi.json", "docs/discord/openapi.json"]

MICRO = [
    ("integer bounds", {"type": "integer", "minimum": 0, "maximum": 100},
     [5, 0, 100, 42], [-1, 101, "5", 1.5]),
    ("object with required and types",
     {"type": "object", "required": ["id", "name"], "additionalProperties": False,
      "properties": {"id": {"type": "integer"}, "name": {"type": "string", "minLength": 1},
                     "tags": {"type": "array", "items": {"type": "string"}}}},
     [{"id": 1, "name": "a"}, {"id": 2, "name": "b", "tags": ["x", "y"]}],
     [{"id": "1", "name": ""}, {"name": "a"}, {"id": 1, "name": "a", "extra": True}]),
    ("array uniqueItems of numbers", {"type": "array", "items": {"type": "number"},
                                      "uniqueItems": True},
     [list(range(20)), [1.5, 2.5]], [[1, 2, 1], [1, "a"]]),
    ("pattern and enum", {"type": "object", "properties": {
        "code": {"type": "string", "pattern": "^[A-Z]{3}-[0-9]{2,4}$"},
        "kind": {"enum": ["a", "b", "c"]}}},
     [{"code": "ABC-12", "kind": "b"}, {"code": "XYZ-1234"}], [{"code": "abc-1"}, {"kind": "d"}]),
    ("anyOf of objects", {"anyOf": [
        {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
        {"type": "object", "required": ["b"], "properties": {"b": {"type": "integer"}}}]},
     [{"a": "x"}, {"b": 1}], [{"a": 1}, {"c": 1}]),
]


# ---------------------------------------------------------------------------------------------
# Instances from a schema.

def follow(document, ref):
    if not ref.startswith("#"):
        return None
    node = document
    for token in ref[2:].split("/") if ref != "#" else []:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            return None
    return node


def generate(schema, document, depth=0, optional=True):
    """A value meant to be valid for `schema` (python-jsonschema has the last word)."""
    if depth > 6 or not isinstance(schema, dict):
        return None
    if "$ref" in schema:
        target = follow(document, schema["$ref"])
        return generate(target, document, depth + 1, optional) if target is not None else None
    if "const" in schema:
        return copy.deepcopy(schema["const"])
    if "enum" in schema and schema["enum"]:
        return copy.deepcopy(schema["enum"][0])
    if "allOf" in schema:
        merged = {}
        for part in schema["allOf"]:
            value = generate(part, document, depth + 1, optional)
            if isinstance(value, dict):
                merged.update(value)
        extra = {k: v for k, v in schema.items() if k != "allOf"}
        own = generate(extra, document, depth + 1, optional) if extra.get("properties") else None
        if isinstance(own, dict):
            merged.update(own)
        return merged
    for key in ("oneOf", "anyOf"):
        if key in schema and schema[key]:
            return generate(schema[key][0], document, depth + 1, optional)
    types = schema.get("type", "object" if "properties" in schema else None)
    if isinstance(types, list):
        types = next((t for t in types if t != "null"), "null")
    if types == "object":
        out = {}
        properties = schema.get("properties", {})
        required = schema.get("required", [])
        for name, sub in properties.items():
            if name in required or (optional and depth < 3):
                value = generate(sub, document, depth + 1, optional)
                if value is not None or name in required:
                    out[name] = value
        return out
    if types == "array":
        item = generate(schema.get("items", {}), document, depth + 1, optional)
        return [item] * max(1, schema.get("minItems", 1)) if item is not None else []
    if types == "string":
        fmt = schema.get("format")
        text = {"date-time": "2024-01-02T03:04:05Z", "date": "2024-01-02", "uri": "https://example.com/x",
                "email": "a@example.com", "uuid": "123e4567-e89b-12d3-a456-426614174000"}.get(fmt, "text")
        return text + "x" * max(0, schema.get("minLength", 0) - len(text))
    if types == "integer":
        return int(schema.get("minimum", 1))
    if types == "number":
        return schema.get("minimum", 1.5)
    if types == "boolean":
        return True
    if types == "null":
        return None
    return None


def broken(value):
    """Ways to make `value` invalid: wrong types, a missing member."""
    out = [12345, "not an object"]
    if isinstance(value, dict):
        for name in list(value)[:4]:
            wrong = dict(value)
            wrong[name] = {"unexpected": [1, 2]} if not isinstance(value[name], dict) else 7
            out.append(wrong)
            missing = dict(value)
            del missing[name]
            out.append(missing)
    return out


def corpus_cases(corpus, count):
    cases = []
    for path in DOCUMENTS:
        full = os.path.join(corpus, path)
        with open(full) as f:
            document = json.load(f)
        schemas = document.get("components", {}).get("schemas", {})
        resolver = jsonschema.RefResolver(BASE, document, store={BASE: document})
        ranked = sorted(schemas, key=lambda n: -len(json.dumps(schemas[n])))
        taken = 0
        for name in ranked:
            if taken >= count:
                break
            pointer = "/components/schemas/" + name.replace("~", "~0").replace("/", "~1")
            ref = BASE + "#" + pointer
            validator = jsonschema.Draft202012Validator({"$ref": ref}, resolver=resolver)
            candidates = [generate(schemas[name], document), generate(schemas[name], document, optional=False)]
            valid = [c for c in candidates if c is not None and validator.is_valid(c)]
            if not valid:
                continue
            invalid = [b for b in broken(valid[0]) if not validator.is_valid(b)]
            cases.append({"name": f"{os.path.basename(os.path.dirname(path))} {name}",
                          "document": full, "pointer": pointer, "valid": valid, "invalid": invalid})
            taken += 1
    return cases


# ---------------------------------------------------------------------------------------------
# Running the peers.

def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"  {command[0]} failed: {done.stderr.strip()[:300]}", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(case, instances, args, folder):
    instances_file = os.path.join(folder, "instances.json")
    with open(instances_file, "w") as f:
        json.dump(instances, f)
    common = [case["document"], case["pointer"], instances_file, "2020-12", str(args.seconds)]
    return {
        "oaskit": run([os.path.join(args.build, "bench/oaskit_schema_bench")] + common),
        "ajv": run(["node", os.path.join(ROOT, "bench/schema_ajv.mjs")] + common),
        "jsonschema": run(["/usr/bin/python3", os.path.join(ROOT, "bench/schema_python.py")] + common),
    }


def geomean(values):
    values = [v for v in values if v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build/release"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "../shared/corpus"))
    parser.add_argument("--seconds", type=float, default=0.5)
    parser.add_argument("--cases", type=int, default=6, help="component schemas per document")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="oaskit-schema-bench-")
    cases = []
    for name, schema, valid, invalid in MICRO:
        path = os.path.join(folder, f"micro{len(cases)}.json")
        with open(path, "w") as f:
            json.dump({"schema": schema}, f)
        cases.append({"name": "micro: " + name, "document": path, "pointer": "/schema",
                      "valid": valid, "invalid": invalid})
    cases += corpus_cases(args.corpus, args.cases)

    ratios = {"valid_ajv": [], "all_ajv": [], "valid_py": [], "all_py": []}
    compile_rows = []
    print(f"{'case':58} {'set':8} {'oaskit/s':>11} {'ajv/s':>11} {'py/s':>9} {'×ajv':>6} {'×py':>7}")
    for case in cases:
        for label, instances, key in (("valid", case["valid"], "fast_per_s"),
                                      ("invalid", case["invalid"], "all_errors_per_s")):
            if not instances:
                continue
            results = measure(case, instances, args, folder)
            o, a, p = results["oaskit"], results["ajv"], results["jsonschema"]
            if not (o and a and p):
                continue
            if not (o["valid"] == a["valid"] == p["valid"]):
                print(f"  {case['name']}: the peers disagree on validity "
                      f"(oaskit {o['valid']}, ajv {a['valid']}, jsonschema {p['valid']}): skipped")
                continue
            mode = "first" if label == "valid" else "all err"
            rows = [(mode, o["fast_per_s"] if label == "valid" else o["all_errors_per_s"],
                     a["fast_per_s"] if label == "valid" else a["all_errors_per_s"],
                     p["fast_per_s"] if label == "valid" else p["all_errors_per_s"])]
            for mode, ov, av, pv in rows:
                print(f"{case['name'][:58]:58} {label[:3] + ' ' + mode:8} {ov:11.0f} {av:11.0f} {pv:9.0f} "
                      f"{ov / av:6.2f} {ov / pv:7.1f}")
            if label == "valid":
                ratios["valid_ajv"].append(o["fast_per_s"] / a["fast_per_s"])
                ratios["valid_py"].append(o["fast_per_s"] / p["fast_per_s"])
            else:
                ratios["all_ajv"].append(o["all_errors_per_s"] / a["all_errors_per_s"])
                ratios["all_py"].append(o["all_errors_per_s"] / p["all_errors_per_s"])
            compile_rows.append((case["name"], o["compile_ms"], a["compile_ms"], p["compile_ms"]))

    print()
    print(f"{'compile (first set of each case), ms':58} {'oaskit':>9} {'ajv':>9} {'py':>9}")
    for name, o, a, p in compile_rows[::2]:
        print(f"{name[:58]:58} {o:9.2f} {a:9.2f} {p:9.2f}")
    print()
    # A goal is judged on the median case: a geometric mean would let a few cases where a peer
    # is very slow (a oneOf of many branches) hide the common ones.
    goals = [
        ("valid instances, first error: oaskit / ajv", ratios["valid_ajv"], 1.5),
        ("every error collected: oaskit / ajv", ratios["all_ajv"], 1.0),
        ("valid instances: oaskit / python-jsonschema", ratios["valid_py"], 50.0),
        ("every error: oaskit / python-jsonschema", ratios["all_py"], 50.0),
    ]
    for text, values, goal in goals:
        median = statistics.median(values) if values else 0.0
        print(f"{text:46} median {median:7.2f}x, worst {min(values, default=0):6.2f}x, "
              f"geometric mean {geomean(values):6.2f}x (goal >= {goal:g}x on the median): "
              f"{'met' if median >= goal else 'MISSED'}")


if __name__ == "__main__":
    main()
