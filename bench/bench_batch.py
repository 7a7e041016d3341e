"""Batches of 1, 100, 10 000 and 100 000 households: time and peak memory, streamed against built whole.

Run as ``python bench/bench_batch.py [--sizes 1,100,10000,100000] [--detail full|figures]``. Each size runs
in a fresh process (so that its peak memory is its own), on the realistic mix of ``bench/households.py``
encoded as one JSON document, as a client sends it:

* decode the JSON, validate every item (``parse_batch``), then stream the results
  (``stream_results``, what the API and ``simulate`` do) into a sink that only counts bytes;
* anchor, up to 10 000 households: the same results built as one list and encoded at once (what
  ``simulate`` did before streaming).

Memory is the resident set size (``/proc/self/statm``), sampled after each item: "input" is what the
decoded request and the validated situations hold, "output" is the growth while the results are produced.
Streamed, the output does not grow with N; built whole, it does. From 100 households on, also the streamed
batch on two processes (``stream_results_parallel``, what ``simulate --jobs 2`` does from
``PARALLEL_MIN_ITEMS`` on), to show where a second core pays; CPU time then includes the workers'.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss(pid: int | str = "self") -> int:
    """Resident memory of a process, in bytes (Linux ``/proc``); this one by default."""
    with open(f"/proc/{pid}/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


def child(size: int, mode: str, detail: str) -> dict:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")
    import django

    django.setup()
    from households import TODAY, mix

    from eligibility import services

    class NoLocalCeilings:
        def for_department(self, department):
            return None

    directory = NoLocalCeilings()
    warm = services.parse_batch(mix(50, seed=1), today=TODAY)
    for _ in services.stream_results(warm, directory, detail):
        pass
    body = json.dumps(mix(size)).encode()
    base = rss()
    start, start_cpu = time.perf_counter(), time.process_time()
    situations = services.parse_batch(json.loads(body), today=TODAY)
    del body
    after_input = rss()
    peak, out_bytes = after_input, 0
    if mode.startswith("streamed"):
        if mode == "streamed, 2 procs":
            services.PARALLEL_MIN_ITEMS = 0  # measure below the threshold too
            chunks = services.stream_results_parallel(situations, directory, detail, jobs=2)
        else:
            chunks = services.stream_results(situations, directory, detail)
        for chunk in chunks:
            out_bytes += len(chunk)
            peak = max(peak, rss())
    else:
        results = []
        for situation in situations:
            results.append(services.simulated_dict(situation, directory, detail))
            peak = max(peak, rss())
        encoded = json.dumps(results, ensure_ascii=False).encode()
        out_bytes = len(encoded)
        peak = max(peak, rss())
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - start_cpu + children.ru_utime + children.ru_stime
    return {"size": size, "mode": mode, "seconds": time.perf_counter() - start, "cpu": cpu,
            "input_mib": (after_input - base) / 2**20, "output_mib": (peak - after_input) / 2**20,
            "out_mib": out_bytes / 2**20}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,100,10000,100000")
    parser.add_argument("--detail", default="full", choices=["full", "figures"])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(child(int(options.child[0]), options.child[1], options.detail)))
        return 0
    print(f"Batch benchmark, detail={options.detail}: wall s (CPU s), µs per household, memory growth (RSS)")
    print(f"{'households':>10} {'mode':<17} {'wall s':>8} {'CPU s':>8} {'µs/household':>13} {'input MiB':>10} "
          f"{'output MiB':>11} {'JSON MiB':>9}")
    for size in (int(s) for s in options.sizes.split(",")):
        rows = {}
        modes = ["streamed"] + (["streamed, 2 procs"] if size >= 100 else []) + (["built whole"] if size <= 10_000 else [])
        for mode in modes:
            out = subprocess.run([sys.executable, __file__, "--detail", options.detail, "--child", str(size), mode],
                                 check=True, capture_output=True, text=True).stdout
            row = rows[mode] = json.loads(out)
            print(f"{size:>10} {mode:<17} {row['seconds']:8.2f} {row['cpu']:8.2f} {row['cpu'] / size * 1e6:13.0f} "
                  f"{row['input_mib']:10.1f} {row['output_mib']:11.1f} {row['out_mib']:9.1f}")
        if "built whole" in rows and size >= 100:
            whole = max(rows["built whole"]["output_mib"], 0.1)
            print(f"{'':>10} anchor = built whole: output memory streamed / built whole "
                  f"{max(rows['streamed']['output_mib'], 0.0) / whole:.2f}, wall time "
                  f"{rows['streamed']['seconds'] / rows['built whole']['seconds']:.2f}")
        if "streamed, 2 procs" in rows:
            print(f"{'':>10} 2 processes / 1: wall time {rows['streamed, 2 procs']['seconds'] / rows['streamed']['seconds']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
