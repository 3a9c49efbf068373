#!/usr/bin/env python3
"""Wall time of `oaskit check` (load, resolve, validate, lint, report) on the largest corpus
documents, median of several runs, beside the time Python's yaml.CSafeLoader + json.dumps and
openapi-spec-validator take on the same file when they are installed. Ratios, not absolute
times, are what to compare: the machine is shared.

Usage: bench/check_wall_time.py [--oaskit build/release/oaskit] [--runs 5]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

# The largest corpus documents, in both formats. (The multi-file DigitalOcean document is left
# out: the Python tools read only its root file.)
DOCUMENTS = ["docs/openai/openapi.yaml", "docs/openai/openapi.json",
             "docs/twilio/twilio_api_v2010.json", "docs/xero/xero_accounting.yaml"]


def median_seconds(runs, action):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--oaskit", default=os.path.join(root, "build/release/oaskit"))
    parser.add_argument("--corpus", default=os.path.join(root, "../shared/corpus"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    try:
        import yaml
        import json
        loader = yaml.CSafeLoader
    except (ImportError, AttributeError):
        yaml = None
    try:
        from openapi_spec_validator import validate
        from openapi_spec_validator.readers import read_from_filename
    except ImportError:
        validate = None

    print(f"{'document':52} {'oaskit check':>13} {'Python parse':>14} {'ratio':>6} "
          f"{'spec-validator':>15} {'ratio':>7}")
    for relative in DOCUMENTS:
        path = os.path.join(args.corpus, relative)
        if not os.path.exists(path):
            continue

        def check():
            subprocess.run([args.oaskit, "check", "--fail-on", "none", "--format", "json", path],
                           capture_output=True, check=False)
        oaskit_s = median_seconds(args.runs, check)
        pyyaml = "skipped"
        pyyaml_ratio = ""
        if yaml is not None:
            def python_load():
                with open(path, encoding="utf-8") as f:
                    # JSON with Python's json module (PyYAML refuses some valid JSON).
                    data = json.load(f) if path.endswith(".json") else yaml.load(f, Loader=loader)
                    json.dumps(data, default=str)
            seconds = median_seconds(args.runs, python_load)
            pyyaml = f"{seconds:.3f} s"
            pyyaml_ratio = f"{seconds / oaskit_s:.1f}x"
        validator = "skipped"
        validator_ratio = ""
        if validate is not None:
            def validate_file():
                try:
                    spec, base_uri = read_from_filename(path)
                    validate(spec, base_uri=base_uri)
                except Exception:  # a refusal still took the time
                    pass
            seconds = median_seconds(max(1, args.runs // 2), validate_file)
            validator = f"{seconds:.3f} s"
            validator_ratio = f"{seconds / oaskit_s:.1f}x"
        print(f"{relative:52} {oaskit_s:11.3f} s {pyyaml:>14} {pyyaml_ratio:>6} "
              f"{validator:>15} {validator_ratio:>7}")
    print("(ratio = the Python tool's time / oaskit check's time on the same file. Python "
          "parse = yaml.CSafeLoader (json module for .json) + json.dumps: it only parses, "
          "while oaskit check also validates, resolves and lints)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
