#!/usr/bin/python3
"""The pet store under wrk for a long run: does it stay the same?

The server (petstore with JWT access tokens, ES256 keys from a local JWKS file) gets a mix of
requests at full load from wrk (keep-alive, 2 threads, 64 connections) in consecutive
segments (30 s each by default, 10 minutes in all):

    GET /pets/1                      200    read
    GET /pets?limit=10               200    read, a list
    PUT /pets/2  {"name": "Tom", ...} 200   write
    GET /pets/999999                 404    no such pet
    GET /pets?limit=1000             422    a parameter beyond its maximum
    PUT /pets/2  {"tag": "cat"}      422    a body its schema refuses (no name)
    GET /pets/1  without a token     401
    PUT /pets/2  read-only token     403    insufficient scope

After each segment it reads the server's resident memory (VmRSS; VmHWM for the peak) and
wrk's p99 latency and status counts. The first segments are warm-up (60 s by default). It
prints one line per segment and a verdict on each promise, and exits 1 when one is broken:
  - resident memory after warm-up stays within 5% of what it was when warm-up ended;
  - no status but the eight above, each in its share of the mix (within 2 points), and no
    socket errors;
  - p99 latency is stable: the median p99 of the second half of the segments after warm-up
    is at most 1.5x that of the first half (the machine is shared: a single segment may be
    slow, a trend may not).

    /usr/bin/python3 bench/soak.py [--build build/release] [--duration 600] [--segment 30]
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

from server_bench import AUDIENCE, ISSUER, Service, expect, make_tokens, to_ms

# (method, path, token: "rw" / "ro" / None, body, expected status)
MIX = [
    ("GET", "/pets/1", "rw", None, 200),
    ("GET", "/pets?limit=10", "rw", None, 200),
    ("PUT", "/pets/2", "rw", '{"name": "Tom", "tag": "cat"}', 200),
    ("GET", "/pets/999999", "rw", None, 404),
    ("GET", "/pets?limit=1000", "rw", None, 422),
    ("PUT", "/pets/2", "rw", '{"tag": "cat"}', 422),
    ("GET", "/pets/1", None, None, 401),
    ("PUT", "/pets/2", "ro", '{"name": "Tom"}', 403),
]

# wrk's script: each thread sends the mix in turn and counts the statuses it gets; done()
# prints them as "status <code> <count>" lines.
WRK_SCRIPT = r"""
local requests = {}
local next_index = 0
counts = {}

function init(args)
  local tokens = { rw = args[1], ro = args[2] }
  for line in io.lines(args[3]) do
    local method, path, token, body = line:match("^(%S+) (%S+) (%S+) ?(.*)$")
    local headers = { ["Content-Type"] = "application/json" }
    if token ~= "-" then headers["Authorization"] = "Bearer " .. tokens[token] end
    if body == "" then body = nil end
    requests[#requests + 1] = wrk.format(method, path, headers, body)
  end
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do io.write(string.format("status %d %d\n", status, count)) end
end
"""


def memory_kib(pid):
    """(VmRSS, VmHWM) of a process, in KiB."""
    with open(f"/proc/{pid}/status", encoding="utf-8") as status:
        text = status.read()
    return (int(re.search(r"VmRSS:\s+(\d+)", text).group(1)),
            int(re.search(r"VmHWM:\s+(\d+)", text).group(1)))


def segment(url, tokens, script, mix_file, args):
    """One wrk run: (req/s, p99 ms, {status: count}, socket errors or None)."""
    command = ["wrk", "-t", str(args.threads), "-c", str(args.connections), "--latency",
               "-d", f"{args.segment}s", "-s", script, url, "--", tokens[0], tokens[1], mix_file]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    statuses = {int(code): int(count) for code, count in re.findall(r"status (\d+) (\d+)", out)}
    errors = re.search(r"Socket errors:.*", out)
    return rate, p99, statuses, errors.group(0) if errors else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default="build/release")
    parser.add_argument("--duration", type=int, default=600, help="seconds of load in all")
    parser.add_argument("--segment", type=int, default=30, help="seconds per wrk run")
    parser.add_argument("--warm-up", type=int, default=60, help="seconds not judged")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (./run deps bench installs it)")
    segments = max(args.duration // args.segment, 1)
    warm_up = min(max(args.warm_up // args.segment, 1), segments - 1)

    folder = tempfile.mkdtemp(prefix="oaskit-soak-")
    service = None
    try:
        jwks, tokens = make_tokens(folder, ["pets:read pets:write", "pets:read"])
        script = os.path.join(folder, "mix.lua")
        with open(script, "w", encoding="utf-8") as f:
            f.write(WRK_SCRIPT)
        mix_file = os.path.join(folder, "mix.txt")
        with open(mix_file, "w", encoding="utf-8") as f:
            for method, path, token, body, _ in MIX:
                f.write(f"{method} {path} {token or '-'} {body or ''}".rstrip() + "\n")
        service = Service("petstore", [os.path.join(args.build, "petstore"), "--port", "0",
                                       "--jwks", jwks, "--audience", AUDIENCE, "--iss", ISSUER,
                                       "--quiet"])
        expect(service.url + "pets/1", tokens[0], 200, '"Rex"')
        expect(service.url + "pets/1", tokens[1], 200, '"Rex"')
        pid = service.process.pid

        print(f"soak: {segments} x {args.segment} s of wrk -t{args.threads} "
              f"-c{args.connections} on loopback, {os.cpu_count()} cores shared by the server "
              f"and wrk; the first {warm_up} segment(s) are warm-up")
        print(f"{'segment':>7} {'end s':>6} {'req/s':>8} {'p99 ms':>8} {'RSS MiB':>8} "
              f"{'peak MiB':>8}  statuses")
        rows = []
        for index in range(segments):
            rate, p99, statuses, errors = segment(service.url, tokens, script, mix_file, args)
            rss, peak = memory_kib(pid)
            rows.append({"rate": rate, "p99": p99, "statuses": statuses, "errors": errors,
                         "rss": rss, "peak": peak})
            shown = " ".join(f"{code}:{count}" for code, count in sorted(statuses.items()))
            print(f"{index + 1:>7} {(index + 1) * args.segment:>6} {rate:>8.0f} {p99:>8.2f} "
                  f"{rss / 1024:>8.1f} {peak / 1024:>8.1f}  {shown}"
                  + (f"  {errors}" if errors else ""), flush=True)
            if service.process.poll() is not None:
                raise SystemExit(f"the server exited: {service.process.stderr.read()}")
    finally:
        if service:
            service.stop()
        shutil.rmtree(folder, ignore_errors=True)

    judged = rows[warm_up:]
    broken = []
    base = rows[warm_up - 1]["rss"]
    low, high = min(r["rss"] for r in judged), max(r["rss"] for r in judged)
    drift = max(high / base - 1, 1 - low / base)
    print(f"resident memory: {base / 1024:.1f} MiB after warm-up, then {low / 1024:.1f} to "
          f"{high / 1024:.1f} MiB: within {drift:.1%} (promise: 5%)")
    if drift > 0.05:
        broken.append("resident memory")

    expected_share = {}
    for *_, status in MIX:
        expected_share[status] = expected_share.get(status, 0) + 1 / len(MIX)
    totals = {}
    for row in rows:
        for code, count in row["statuses"].items():
            totals[code] = totals.get(code, 0) + count
    answered = sum(totals.values())
    shares = ", ".join(f"{code}: {count / answered:.1%} (mix {expected_share.get(code, 0):.1%})"
                       for code, count in sorted(totals.items()))
    print(f"statuses of {answered} answers: {shares}")
    unexpected = [code for code in totals if code not in expected_share]
    off = [code for code in expected_share
           if abs(totals.get(code, 0) / answered - expected_share[code]) > 0.02]
    socket_errors = [row["errors"] for row in rows if row["errors"]]
    if unexpected or off or socket_errors:
        broken.append("statuses")
        print(f"  unexpected: {unexpected}, off their share: {off}, socket errors: "
              f"{socket_errors}")

    half = len(judged) // 2
    first = statistics.median(r["p99"] for r in judged[:max(half, 1)])
    second = statistics.median(r["p99"] for r in judged[half:])
    print(f"p99 latency: median {first:.2f} ms in the first half after warm-up, {second:.2f} ms "
          f"in the second: {second / first:.2f}x (promise: at most 1.5x); every segment "
          f"{min(r['p99'] for r in judged):.2f} to {max(r['p99'] for r in judged):.2f} ms")
    if second > 1.5 * first:
        broken.append("p99 latency")
    print(f"throughput: {statistics.median(r['rate'] for r in judged):.0f} req/s (median "
          f"segment); peak resident memory {rows[-1]['peak'] / 1024:.1f} MiB")
    print("verdict: " + ("every promise kept" if not broken else "BROKEN: " + ", ".join(broken)))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
