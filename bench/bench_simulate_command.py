"""End-to-end timing of ``manage.py simulate``: one situation, then a batch of 10 000 in one process.

Run as ``python bench/bench_simulate_command.py [--households N]``. Uses a throwaway SQLite database
(migrated first, not timed). Each figure is the wall time of a whole command, Python start-up included.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_css import household  # noqa: E402


def run(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="runs of the one-situation command")
    options = parser.parse_args()
    rng = random.Random(20261122)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="aidsante.settings.dev", DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3")
        subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
        one = Path(tmp, "one.json")
        one.write_text(json.dumps(household(rng)), encoding="utf-8")
        batch = Path(tmp, "batch.json")
        batch.write_text(json.dumps([household(rng) for _ in range(options.households)]), encoding="utf-8")
        singles = [run(["simulate", str(one)], env) for _ in range(options.runs)]
        total = run(["simulate", str(batch)], env)
    print(f"simulate command, one situation     median {statistics.median(singles) * 1000:8.0f} ms over {options.runs} runs (process start-up included)")
    print(f"simulate command, {options.households} situations total {total:8.2f} s   {total / options.households * 1e6:8.0f} µs per situation (one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
