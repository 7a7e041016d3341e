"""``manage.py simulate`` end to end, with process start-up and per-household cost told apart.

Run as ``python bench/bench_simulate_command.py [--households N] [--runs R]``. Uses a throwaway SQLite
database (migrated first, not timed) and the realistic mix of ``bench/households.py``.

* start-up: the median wall time of the whole command on one situation (Python, Django, the parameter
  files, one simulation), over ``--runs`` runs;
* per household: (time of the command on N situations − time on 1) / (N − 1), so that start-up is not
  spread over the households;
* anchor, in the same run: the per-household cost of the same pipeline in this process
  (``parse_one`` + ``encoded_result``, batched), so the ratio shows what the command adds (reading the
  file, writing standard output).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")

import django  # noqa: E402

django.setup()

from cli import positive  # noqa: E402 (bench/, the script's folder)
from households import TODAY, mix  # noqa: E402

from eligibility import services  # noqa: E402


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str], env: dict, cpu: list[float] | None = None) -> float:
    """Wall seconds of the command; its CPU seconds appended to ``cpu`` (steadier on a busy machine)."""
    start, start_cpu = time.perf_counter(), children_cpu()
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    if cpu is not None:
        cpu.append(children_cpu() - start_cpu)
    return time.perf_counter() - start


def in_process_per_household(documents: list[dict]) -> float:
    class NoLocalCeilings:
        def for_department(self, department):
            return None

    situations = services.parse_batch(documents[:200], today=TODAY)
    for _ in services.stream_results(situations, NoLocalCeilings()):  # warm-up
        pass
    start, start_cpu = time.perf_counter(), time.thread_time()
    situations = services.parse_batch(documents, today=TODAY)
    for _ in services.stream_results(situations, NoLocalCeilings()):
        pass
    return (time.perf_counter() - start) / len(documents), (time.thread_time() - start_cpu) / len(documents)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=positive, default=5_000)
    parser.add_argument("--runs", type=positive, default=5, help="runs of the one-situation command")
    options = parser.parse_args()
    documents = mix(options.households)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="aidsante.settings.dev", DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3")
        subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
        one = Path(tmp, "one.json")
        one.write_text(json.dumps(documents[0]), encoding="utf-8")
        batch = Path(tmp, "batch.json")
        batch.write_text(json.dumps(documents), encoding="utf-8")
        singles, batches, singles_cpu, batches_cpu = [], [], [], []
        for _ in range(options.runs):  # interleaved, so that both see the same machine load
            singles.append(run(["simulate", str(one)], env, singles_cpu))
            if len(batches) < 2:
                batches.append(run(["simulate", str(batch)], env, batches_cpu))
        bare = statistics.median(run(["check"], env) for _ in range(3))
    anchor, anchor_cpu = in_process_per_household(documents)
    single, total = statistics.median(singles), min(batches)
    single_cpu, total_cpu = statistics.median(singles_cpu), min(batches_cpu)
    per_household = (total - single) / (options.households - 1)
    per_household_cpu = (total_cpu - single_cpu) / (options.households - 1)
    print(f"simulate command, one situation       median {single * 1000:8.0f} ms (CPU {single_cpu * 1000:.0f} ms) over "
          f"{options.runs} runs: process start-up; `manage.py check` alone: {bare * 1000:.0f} ms")
    print(f"simulate command, {options.households} situations  total {total:8.2f} s (CPU {total_cpu:.2f} s), best of {len(batches)}")
    print(f"per household, start-up removed        {per_household * 1e6:8.0f} µs (CPU {per_household_cpu * 1e6:.0f} µs)   "
          f"anchor, same pipeline in process {anchor * 1e6:6.0f} µs (CPU {anchor_cpu * 1e6:.0f} µs)   "
          f"ratio {per_household / anchor:5.2f} (CPU {per_household_cpu / anchor_cpu:5.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
