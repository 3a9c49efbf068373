#!/usr/bin/env python3
"""Checks oaskit's YAML against PyYAML on the whole corpus, reading yaml_corpus_dump's lines:

1. write_yaml's output, read by PyYAML's CSafeLoader (YAML 1.1), is the same value: the
   writer's quoting is safe for YAML 1.1 readers too.
2. each corpus YAML file, read by PyYAML with the YAML 1.2 core schema's resolvers (defined
   below), is the value read_yaml gave.

Usage: check_with_pyyaml.py DUMP_EXECUTABLE CORPUS_DIR
Exits 77 (ctest's "skipped") when PyYAML is not installed or there is no corpus."""
import json
import os
import re
import subprocess
import sys

if len(sys.argv) == 3 and not os.path.isfile(os.path.join(sys.argv[2], "MANIFEST.tsv")):
    print("SKIPPED: no corpus at " + os.path.normpath(sys.argv[2]) +
          " (../shared/corpus beside the clone, with its MANIFEST.tsv)")
    sys.exit(77)

try:
    import yaml
except ImportError:
    print("SKIPPED: python3 has no yaml module (apt-get install python3-yaml)")
    sys.exit(77)

Loader11 = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CoreLoader(Loader11):
    """PyYAML with the YAML 1.2 core schema instead of YAML 1.1's resolvers."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$",
     list("-+.0123456789")),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", ["<"]),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


CoreLoader.add_constructor("tag:yaml.org,2002:int", core_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float",
                           lambda loader, node: float(loader.construct_scalar(node)))


def widen(value):
    """Integers beyond 64 bits become doubles, as oaskit's readers make them."""
    if isinstance(value, dict):
        return {k: widen(v) for k, v in value.items()}
    if isinstance(value, list):
        return [widen(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and \
            not -2**63 <= value < 2**64:
        return float(value)
    return value


def as_json(value):
    """The value as JSON sees it (mapping keys become text, as oaskit makes them)."""
    return widen(json.loads(json.dumps(value)))


def main():
    dump, corpus = sys.argv[1], sys.argv[2]
    lines = subprocess.run([dump, corpus], check=True, capture_output=True, text=True).stdout
    checked = failures = 0
    for line in lines.splitlines():
        record = json.loads(line)
        expected = record["value"]
        back = as_json(yaml.load(record["yaml"], Loader=Loader11))
        if back != expected:
            failures += 1
            print(f"FAIL write_yaml -> PyYAML 1.1 differs: {record['path']}")
        if record["source"] == "yaml":
            with open(record["path"], encoding="utf-8") as f:
                original = as_json(yaml.load(f, Loader=CoreLoader))
            if original != expected:
                failures += 1
                print(f"FAIL read_yaml differs from PyYAML (core schema): {record['path']}")
        checked += 1
    print(f"{checked} documents checked, {failures} failures")
    sys.exit(1 if failures or checked == 0 else 0)


main()
