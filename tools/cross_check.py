#!/usr/bin/env python3
"""Cross-checks oaskit against Python's openapi-spec-validator.

For every corpus document that openapi-spec-validator accepts, oaskit must report no
error-level structural finding (a load error, or an unresolved $ref: lint rules check more
than a schema can, so they do not count against an accepted document). Where the validator
rejects a document, oaskit agrees when it reports any error (structural or lint). For every
document in tests/data/broken/, both must reject it, oaskit structurally. Every disagreement
must be listed in KNOWN_DISAGREEMENTS below, with who is right and why; an unexplained one
fails.

When openapi-spec-validator is not installed for this python3 (it is not a Debian package),
or there is no corpus, the check cannot run: it says so loudly and exits 77, which ctest
reports as skipped, never as passed.

Usage: tools/cross_check.py --oaskit build/dev/oaskit [--corpus ../shared/corpus]
"""
import argparse
import csv
import json
import os
import subprocess
import sys

SKIPPED = 77

# document (relative to the corpus, or broken/NAME) -> (who is right, why)
KNOWN_DISAGREEMENTS = {
    "docs/twilio/twilio_api_v2010.json": (
        "oaskit",
        "the document is valid JSON; openapi-spec-validator reads JSON with a YAML parser "
        "(PyYAML), which refuses the surrogate-pair escape \\ud83d\\udc4d (an emoji) that "
        "JSON allows, at line 24352"),
}


def corpus_documents(corpus):
    with open(os.path.join(corpus, "MANIFEST.tsv"), newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            yield row["path"]


def validator_verdict(path):
    """None when openapi-spec-validator accepts `path`, else its first line of complaint."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename
    try:
        spec, base_uri = read_from_filename(path)
        validate(spec, base_uri=base_uri)
        return None
    except Exception as error:  # any refusal, including its YAML reader's
        return f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"


STRUCTURAL_RULES = {"ref-unresolved", "ref-not-allowed"}


def oaskit_errors(oaskit, lint_rules, path):
    """(structural errors, all errors) oaskit check reports on `path`."""
    run = subprocess.run([oaskit, "check", "--format", "json", "--fail-on", "none", path],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"oaskit check {path} failed to run (exit {run.returncode}): {run.stderr}")
    report = json.loads(run.stdout)
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    structural = [d for d in errors
                  if d["rule"] not in lint_rules or d["rule"] in STRUCTURAL_RULES]
    return structural, errors


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--oaskit", required=True)
    parser.add_argument("--corpus", default=os.path.join(root, "../shared/corpus"))
    parser.add_argument("--broken", default=os.path.join(root, "tests/data/broken"))
    args = parser.parse_args()

    try:
        import openapi_spec_validator  # noqa: F401
    except ImportError:
        print("=" * 78 + "\nSKIPPED: the cross-check with openapi-spec-validator did NOT run: the "
              "Python module openapi_spec_validator is not installed for " + sys.executable +
              " (it is not a Debian package; pip install openapi-spec-validator to run it).\n" +
              "=" * 78)
        return SKIPPED

    if not os.path.isfile(os.path.join(args.corpus, "MANIFEST.tsv")):
        print("SKIPPED: the cross-check with openapi-spec-validator did NOT run: no corpus at " +
              os.path.normpath(args.corpus) + " (../shared/corpus beside the clone, with its "
              "MANIFEST.tsv).")
        return SKIPPED

    listed = subprocess.run([args.oaskit, "check", "--list-rules"], capture_output=True,
                            text=True, check=True)
    lint_rules = {line.split()[0] for line in listed.stdout.splitlines() if line.strip()}

    documents = list(dict.fromkeys(corpus_documents(args.corpus)))
    cases = [(p, os.path.join(args.corpus, p), False) for p in documents]
    cases += [("broken/" + name, os.path.join(args.broken, name), True)
              for name in sorted(os.listdir(args.broken)) if not name.endswith(".md")]
    unexplained = []
    agreed = 0
    for name, path, must_reject in cases:
        verdict = validator_verdict(path)
        structural, errors = oaskit_errors(args.oaskit, lint_rules, path)
        validator_rejects = verdict is not None
        oaskit_rejects = bool(errors) if validator_rejects else bool(structural)
        if must_reject and not (structural and validator_rejects):
            unexplained.append(f"{name}: a broken document must be rejected by both; "
                               f"oaskit {'rejects' if oaskit_rejects else 'accepts'}, "
                               f"openapi-spec-validator {verdict or 'accepts'}")
            continue
        if oaskit_rejects == validator_rejects:
            agreed += 1
            continue
        first = errors[0] if errors else None
        detail = (f"oaskit: {first['rule']} {first['message']}" if first else "oaskit accepts") + \
            f"; openapi-spec-validator: {verdict or 'accepts'}"
        if name in KNOWN_DISAGREEMENTS:
            right, why = KNOWN_DISAGREEMENTS[name]
            print(f"disagreement (known; {right} is right: {why}): {name}: {detail}")
        else:
            unexplained.append(f"{name}: {detail}")
    print(f"{agreed} of {len(cases)} documents: both tools agree")
    for line in unexplained:
        print("UNEXPLAINED: " + line)
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
