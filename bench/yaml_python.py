#!/usr/bin/env python3
"""PyYAML (CSafeLoader, the C loader) + json.dumps throughput on the documents yaml_bench
reads, to put oaskit's read_yaml beside what Python users get.
Usage: yaml_python.py CORPUS_DIR"""
import json
import sys
import time

try:
    import yaml
except ImportError:
    print("SKIPPED: python3 has no yaml module (apt-get install python3-yaml)")
    sys.exit(0)

DOCUMENTS = ["openai/openapi.yaml", "twilio-yaml/twilio_api_v2010.yaml",
             "xero/xero_accounting.yaml"]
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"
print(f"{'document':36} {'PyYAML ' + Loader.__name__ + ' + json.dumps':>32}")
for name in DOCUMENTS:
    with open(f"{corpus}/docs/{name}", "rb") as f:
        text = f.read()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        json.dumps(yaml.load(text, Loader=Loader), default=str)
        best = min(best, time.perf_counter() - start)
    print(f"{name:36} {len(text) / 1e6 / best:27.1f} MB/s")
