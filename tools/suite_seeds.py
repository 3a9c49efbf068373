#!/usr/bin/env python3
"""Writes fuzz seeds for fuzz/schema_fuzz.cpp from the official JSON Schema Test Suite, as
Debian's libtest-json-schema-acceptance-perl installs it: one file per test, a flags byte (the
dialect), the schema, NUL, the value. Nothing when the suite is not installed.

Usage: tools/suite_seeds.py FOLDER
"""
import json
import os
import sys

SUITE = "/usr/share/perl5/auto/share/dist/Test-JSON-Schema-Acceptance/tests"


def main():
    folder = sys.argv[1]
    count = 0
    for draft, flags in (("draft2020-12", 0), ("draft2019-09", 1)):
        root = os.path.join(SUITE, draft)
        for dirpath, _, files in os.walk(root):
            for name in sorted(files):
                if not name.endswith(".json"):
                    continue
                with open(os.path.join(dirpath, name)) as f:
                    cases = json.load(f)
                for case in cases:
                    schema = json.dumps(case["schema"], separators=(",", ":")).encode()
                    for test in case["tests"]:
                        value = json.dumps(test["data"], separators=(",", ":")).encode()
                        path = os.path.join(folder, f"suite-{count:05d}")
                        with open(path, "wb") as out:
                            out.write(bytes([flags]) + schema + b"\0" + value)
                        count += 1
    print(f"{count} seeds from the JSON Schema Test Suite")


if __name__ == "__main__":
    main()
