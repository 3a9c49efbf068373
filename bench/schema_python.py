#!/usr/bin/env python3
"""python-jsonschema's side of bench/schema_bench.py (Debian's python3-jsonschema): the schema at
a JSON pointer in a document, then the instances validated over and over with is_valid and with
iter_errors. Prints one JSON line like oaskit_schema_bench.

Usage: schema_python.py DOCUMENT POINTER INSTANCES.json DIALECT SECONDS
"""
import json
import sys
import time
import urllib.parse

import jsonschema


def main():
    document_path, pointer, instances_path, dialect, seconds = sys.argv[1:6]
    seconds = float(seconds)
    with open(document_path) as f:
        document = json.load(f)
    with open(instances_path) as f:
        instances = json.load(f)
    base = "https://bench.invalid/document.json"
    ref = base + "#" + "/".join(urllib.parse.quote(p, safe="") for p in pointer.split("/"))
    cls = jsonschema.Draft201909Validator if dialect == "2019-09" else jsonschema.Draft202012Validator
    start = time.perf_counter()
    resolver = jsonschema.RefResolver(base, document, store={base: document})
    validator = cls({"$ref": ref}, resolver=resolver)
    compile_ms = (time.perf_counter() - start) * 1000

    valid = sum(1 for i in instances if validator.is_valid(i))
    errors = sum(len(list(validator.iter_errors(i))) for i in instances)

    def per_second(body):
        rounds = 0
        start = time.perf_counter()
        while True:
            body()
            rounds += 1
            now = time.perf_counter()
            if now - start >= seconds:
                return rounds * len(instances) / (now - start)

    fast = per_second(lambda: [validator.is_valid(i) for i in instances])
    every = per_second(lambda: [list(validator.iter_errors(i)) for i in instances])
    print(json.dumps({"compile_ms": compile_ms, "valid": valid, "invalid": len(instances) - valid,
                      "errors": errors, "fast_per_s": fast, "all_errors_per_s": every}))


if __name__ == "__main__":
    main()
