#!/usr/bin/python3
"""The server under load, beside its peers, in one run (part of `./run bench`).

wrk on loopback (keep-alive, 2 threads, 64 connections, the same duration for each):
  - the pet store's GET /pets/{petId} with a valid ES256 JWT access token (keys from a local
    JWKS file), with the verified-token cache on and off, beside the same endpoint in FastAPI +
    uvicorn --workers 2 (bench/fastapi_petstore.py, run by Debian's /usr/bin/python3);
  - GET /health (no security) beside a bare Beast server with the same answer
    (bench/beast_health.cpp), in both threading models: one io_context per thread (what
    oaskit::server does) and one io_context run by a thread pool.
Prints req/s and p99 latency for each, the ratios the issue set as goals, and exits 1 when an
answer was not the expected one (a benchmark of errors measures nothing).

    /usr/bin/python3 bench/server_bench.py [--build build/release] [--duration 10]
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import jwt
from cryptography.hazmat.primitives.asymmetric import ec

HERE = os.path.dirname(os.path.abspath(__file__))
AUDIENCE = "https://petstore.example"
ISSUER = "https://issuer.example"


def make_tokens(folder, scopes):
    """An ES256 key in a JWKS file, and one access token signed with it per scope string."""
    key = ec.generate_private_key(ec.SECP256R1())
    public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(key.public_key()))
    public.update(kid="bench-1", alg="ES256", use="sig")
    jwks_path = os.path.join(folder, "jwks.json")
    with open(jwks_path, "w", encoding="utf-8") as f:
        json.dump({"keys": [public]}, f)
    now = int(time.time())
    tokens = []
    for index, scope in enumerate(scopes):
        claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": "bench", "client_id": "bench",
                  "scope": scope, "iat": now, "exp": now + 86400, "jti": f"bench-token-{index}"}
        tokens.append(jwt.encode(claims, key, algorithm="ES256",
                                 headers={"kid": "bench-1", "typ": "at+jwt"}))
    return jwks_path, tokens


def make_token(folder):
    """An ES256 key in a JWKS file, and an access token for pets:read signed with it."""
    jwks_path, tokens = make_tokens(folder, ["pets:read"])
    return jwks_path, tokens[0]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    """A process serving HTTP on loopback, stopped (SIGTERM, then SIGKILL) on exit."""

    def __init__(self, name, argv, url=None, env=None, cwd=None):
        self.name = name
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, env=env, cwd=cwd, start_new_session=True)
        if url is None:  # the service prints its URL once it accepts connections
            line = self.process.stdout.readline()
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if not found:
                self.stop()
                raise SystemExit(f"{name} did not start: {line}{self.process.stderr.read()}")
            url = found.group(0)
        self.url = url
        deadline = time.time() + 30
        while True:  # ready when it answers
            try:
                urllib.request.urlopen(url + "health", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if self.process.poll() is not None or time.time() > deadline:
                    self.stop()
                    raise SystemExit(f"{name} did not answer: {self.process.stderr.read()}")
                time.sleep(0.1)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def expect(url, token, status, body_contains):
    """One request before the load: the endpoint answers what the benchmark assumes."""
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            got, body = answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        got, body = error.code, error.read().decode()
    if got != status or body_contains not in body:
        raise SystemExit(f"{url}: expected {status} with {body_contains!r}, got {got} {body}")


def to_ms(text):
    value, unit = float(re.match(r"[\d.]+", text).group(0)), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def load(url, token, args):
    """wrk against url: (requests per second, p99 latency in ms)."""
    command = ["wrk", "-t", str(args.threads), "-c", str(args.connections), "--latency"]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    subprocess.run(command + ["-d", "1s", url], check=True, capture_output=True)  # warm up
    out = subprocess.run(command + ["-d", f"{args.duration}s", url], check=True,
                         capture_output=True, text=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit(f"{url}: wrk saw errors:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    return rate, p99


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default="build/release")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per case")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (./run deps bench installs it)")
    petstore = os.path.join(args.build, "petstore")
    bare = os.path.join(args.build, "bench", "oaskit_beast_health")

    folder = tempfile.mkdtemp(prefix="oaskit-server-bench-")
    jwks, token = make_token(folder)
    jwt_options = ["--jwks", jwks, "--audience", AUDIENCE, "--iss", ISSUER, "--quiet"]
    fastapi_port = free_port()
    services = []
    results = {}
    try:
        def start(*a, **k):
            services.append(Service(*a, **k))
            return services[-1]

        def run(name, service, path, with_token):
            url = service.url + path.lstrip("/")
            results[name] = load(url, token if with_token else None, args)
            rate, p99 = results[name]
            print(f"  {name:<34} {rate:>10.0f} req/s   p99 {p99:>7.2f} ms", flush=True)

        print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s on loopback, "
              f"{os.cpu_count()} cores shared by the server and wrk")
        cached = start("petstore", [petstore, "--port", "0"] + jwt_options)
        expect(cached.url + "pets/1", token, 200, '"Rex"')
        expect(cached.url + "pets/1", token + "x", 401, "detail")
        run("oaskit JWT (token cache on)", cached, "/pets/1", True)
        run("oaskit /health", cached, "/health", False)
        cached.stop()

        uncached = start("petstore --no-cache",
                         [petstore, "--port", "0", "--no-cache"] + jwt_options)
        run("oaskit JWT (token cache off)", uncached, "/pets/1", True)
        uncached.stop()

        env = dict(os.environ, BENCH_JWKS=jwks, BENCH_AUDIENCE=AUDIENCE, BENCH_ISSUER=ISSUER)
        fastapi = start("fastapi", ["/usr/bin/python3", "-m", "uvicorn", "fastapi_petstore:app",
                                    "--workers", "2", "--port", str(fastapi_port),
                                    "--log-level", "warning", "--no-access-log"],
                        url=f"http://127.0.0.1:{fastapi_port}/", env=env, cwd=HERE)
        expect(fastapi.url + "pets/1", token, 200, '"Rex"')
        expect(fastapi.url + "pets/1", token + "x", 401, "detail")
        run("FastAPI JWT", fastapi, "/pets/1", True)
        run("FastAPI /health", fastapi, "/health", False)
        fastapi.stop()

        for model in ("per-thread", "pool"):
            beast = start(f"beast {model}", [bare, "--port", "0", "--model", model])
            run(f"bare Beast /health ({model})", beast, "/health", False)
            beast.stop()
    finally:
        for service in services:
            service.stop()
        shutil.rmtree(folder, ignore_errors=True)

    rate = {name: r[0] for name, r in results.items()}
    ceiling = rate["bare Beast /health (per-thread)"]
    goals = [
        ("JWT, cache off, vs FastAPI JWT", rate["oaskit JWT (token cache off)"] / rate["FastAPI JWT"],
         20.0, "x"),
        ("JWT, cache on, vs FastAPI JWT", rate["oaskit JWT (token cache on)"] / rate["FastAPI JWT"],
         20.0, "x"),
        ("/health vs bare Beast", rate["oaskit /health"] / ceiling, 0.70, "%"),
        ("JWT, cache on, vs bare Beast", rate["oaskit JWT (token cache on)"] / ceiling, 0.50, "%"),
    ]
    print("ratios (goal):")
    for name, ratio, goal, unit in goals:
        shown = f"{ratio:.1f}x (>= {goal:.0f}x)" if unit == "x" else \
            f"{ratio:.0%} (>= {goal:.0%})"
        print(f"  {name:<34} {shown:<22} {'met' if ratio >= goal else 'NOT MET'}")
    pool = rate["bare Beast /health (pool)"]
    print(f"  threading: io_context per thread {ceiling:.0f} req/s, thread pool {pool:.0f} req/s "
          f"(per thread / pool = {ceiling / pool:.2f})")


if __name__ == "__main__":
    sys.exit(main())
