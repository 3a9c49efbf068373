#!/usr/bin/env python3
"""Lists the tests ctest skipped, each with its reason, from ctest's JUnit reports.

Usage: tools/skipped_tests.py PRESET=build/PRESET/ctest.xml ...

Prints one line per skipped test, `PRESET: NAME: REASON`, and nothing when none was skipped.
The reason is the test's own words: the message after GoogleTest's `Skipped` line, or the
`SKIPPED:` line a script test prints before it exits 77."""
import os
import sys
import xml.etree.ElementTree as ElementTree


def reason_of(output):
    lines = [line.strip() for line in output.splitlines()]
    for i, line in enumerate(lines):
        if line.startswith("SKIPPED:"):
            return line[len("SKIPPED:"):].strip()
        if line.endswith(": Skipped") and i + 1 < len(lines) and lines[i + 1]:
            return lines[i + 1]
    meaningful = [line for line in lines if line and not line.startswith("[")]
    return meaningful[-1] if meaningful else "(the test printed no reason)"


def main():
    for argument in sys.argv[1:]:
        preset, _, report = argument.partition("=")
        if not os.path.isfile(report):
            print(f"{preset}: (no ctest report at {report})")
            continue
        for case in ElementTree.parse(report).getroot().iter("testcase"):
            if case.get("status") != "skipped" and case.find("skipped") is None:
                continue
            output = "".join(case.find(tag).text or "" for tag in ("system-out", "system-err")
                             if case.find(tag) is not None)
            print(f"{preset}: {case.get('name')}: {reason_of(output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
