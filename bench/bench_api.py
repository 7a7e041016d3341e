"""API throughput: gunicorn with 2 workers, the simulation API against a bare Django JSON view.

Run as ``python bench/bench_api.py [--rounds 3] [--seconds 5] [--connections 4]``. Loopback only.

Starts gunicorn (2 sync workers, production settings over a migrated SQLite file, plain HTTP on
127.0.0.1) serving the project plus ``/bench/bare`` (``bench/api_anchor.py``): a view that parses the same
body and answers JSON of the same size as the API does for it, through the same middleware. Then, in
interleaved rounds (API, anchor, anchor, API…), drives each with ``wrk`` (Debian package, installed by
``scripts/install_bench_deps.sh``) or, without it, a bounded Python load generator (threads, keep-alive
connections, fixed duration). Bodies: the contract example, full and ``?detail=figures``, and a batch of
100 households (``?detail=figures``). Prints requests per second (median over rounds), the latency, and
the ratio API / anchor. Target: one household per request at 0.5 × the anchor or better.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cli import positive  # noqa: E402 (bench/, the script's folder)
from households import mix  # noqa: E402

from tests.examples import CONTRACT_EXAMPLE  # noqa: E402

TARGET_RATIO = 0.5
API = "/api/v1/simulations"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port: int, path: str, body: bytes) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data


def run_wrk(port: int, path: str, body: bytes, seconds: int, connections: int, tmp: str) -> dict:
    script = Path(tmp, "post.lua")
    text = body.decode()
    assert "]==]" not in text
    script.write_text(f'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                      f"wrk.body = [==[{text}]==]\n", encoding="utf-8")
    out = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", "-s", str(script),
                          f"http://127.0.0.1:{port}{path}"], check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)

    def latency(label: str) -> float:
        match = re.search(rf"\s{label}\s+([\d.]+)(us|ms|s)\b", out)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {"rate": rate, "p50": latency("50%"), "p99": latency("99%"), "errors": int(errors.group(1)) if errors else 0}


def run_python(port: int, path: str, body: bytes, seconds: int, connections: int, tmp: str) -> dict:
    """A bounded load generator: ``connections`` threads, one keep-alive connection each, ``seconds`` long."""
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - start) * 1000)
            if response.status != 200:
                with lock:
                    errors[0] += 1
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    ordered = sorted(latencies)
    return {"rate": len(ordered) / elapsed, "p50": statistics.median(ordered),
            "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], "errors": errors[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=positive, default=3)
    parser.add_argument("--seconds", type=positive, default=5)
    parser.add_argument("--connections", type=positive, default=4)
    parser.add_argument("--python-load", action="store_true", help="use the Python load generator even if wrk is there")
    options = parser.parse_args()
    load = run_python if options.python_load or not shutil.which("wrk") else run_wrk
    tool = "wrk" if load is run_wrk else "Python load generator (wrk absent)"

    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="api_anchor_settings", PYTHONPATH=f"{ROOT}:{ROOT / 'bench'}",
                   DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3", SECRET_KEY=secrets.token_urlsafe(64),
                   ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="0", LOG_LEVEL="WARNING",
                   API_RATE_LIMIT_PER_MINUTE="1000000000")  # one client here: the per-client limit would answer 429
        subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "aidsante.wsgi",
             "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=ROOT, env=env,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            cases = {
                "one household, full": (f"{API}", json.dumps(CONTRACT_EXAMPLE).encode()),
                "one household, figures": (f"{API}?detail=figures", json.dumps(CONTRACT_EXAMPLE).encode()),
                "100 households, figures": (f"{API}?detail=figures", json.dumps(mix(100)).encode()),
            }
            plan = {}
            for name, (path, body) in cases.items():
                status, answer = request(port, path, body)
                assert status == 200, (name, status, answer[:300])
                anchor_path = f"/bench/bare?size={len(answer)}"
                status, bare_answer = request(port, anchor_path, body)
                assert status == 200 and abs(len(bare_answer) - len(answer)) <= 2, (len(bare_answer), len(answer))
                plan[name] = (path, anchor_path, body, len(answer))
            print(f"API throughput, gunicorn 2 sync workers, {tool}, {options.connections} connections, "
                  f"{options.rounds} interleaved rounds of {options.seconds} s each, loopback")
            for name, (path, anchor_path, body, size) in plan.items():
                api_runs, anchor_runs = [], []
                for r in range(options.rounds):
                    order = [(api_runs, path), (anchor_runs, anchor_path)]
                    for runs, target in order if r % 2 == 0 else reversed(order):
                        runs.append(load(port, target, body, options.seconds, options.connections, tmp))
                api_rate = statistics.median(run["rate"] for run in api_runs)
                anchor_rate = statistics.median(run["rate"] for run in anchor_runs)
                errors = sum(run["errors"] for run in api_runs + anchor_runs)
                print(f"{name} ({len(body) // 1024 or len(body)} {'KiB' if len(body) >= 1024 else 'B'} in, "
                      f"{size / 1024:.1f} KiB out):")
                for label, runs, rate in (("API", api_runs, api_rate), ("anchor, bare view", anchor_runs, anchor_rate)):
                    print(f"    {label:<18} {rate:8.1f} requests/s   latency p50 "
                          f"{statistics.median(run['p50'] for run in runs):7.1f} ms   p99 "
                          f"{statistics.median(run['p99'] for run in runs):7.1f} ms")
                verdict = "" if not name.startswith("one household") else (
                    "   target met" if api_rate / anchor_rate >= TARGET_RATIO else f"   target {TARGET_RATIO} MISSED")
                print(f"    ratio API / anchor {api_rate / anchor_rate:5.2f}{verdict}"
                      + (f"   ({errors} non-2xx answers!)" if errors else ""))
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
