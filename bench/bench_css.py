"""What one simulation costs: ``python bench/bench_css.py [--households N] [--seed S]``.

On a realistic mix of households (``bench/households.py``: 1 to 7 people, every territory, resources of
every type, planned care of every kind), times per household, with ``time.perf_counter_ns``:

* ``evaluate_css`` alone on pre-parsed situations (the anchor: the CSS rules and nothing else);
* the full pipeline the API pays for one household: ``parse_situation`` + every rule module + the result
  dict + the JSON bytes (``eligibility.services.parse_one`` then ``encoded_result``), in full and with
  ``?detail=figures``;
* the same through the batch path (``stream_results``), total divided by N.

The caches are warmed first with as many other households of the same mix (the next seed), never with the
timed ones: a server has seen other households, not these.

Prints the median and p99 per household of each, in wall time and in this thread's CPU time (steadier
when other programs share the machine), and each median's ratio to the anchor measured in the same run.
Target: full pipeline, batched, 60 µs per household or less.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")

import django  # noqa: E402

django.setup()

from cli import positive  # noqa: E402 (bench/, the script's folder)
from households import SEED, TODAY, mix  # noqa: E402

from eligibility import services  # noqa: E402
from eligibility.rules.css import evaluate_css  # noqa: E402
from eligibility.rules.parameters import default_parameters  # noqa: E402

TARGET_FULL_US = 60


class NoLocalCeilings:
    """The CPAM directory of an empty table (the rules' own default ceiling): no database needed."""

    def for_department(self, department):
        return None


def percentile(ordered: list[int], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def summary(label: str, wall_ns: list[int], cpu_ns: list[int], anchor_us: float | None) -> str:
    wall, cpu = sorted(wall_ns), sorted(cpu_ns)
    median = statistics.median(wall) / 1000
    ratio = f"   {median / anchor_us:6.1f} × anchor" if anchor_us else "   (anchor)"
    return (f"{label:<40} median {median:8.1f} µs   p99 {percentile(wall, 0.99) / 1000:8.1f} µs   "
            f"CPU median {statistics.median(cpu) / 1000:8.1f} µs{ratio}")


def per_item(function, items) -> tuple[list[int], list[int]]:
    """Wall and thread-CPU nanoseconds of ``function(item)`` for each item."""
    wall, cpu = [], []
    clock, thread = time.perf_counter_ns, time.thread_time_ns
    for item in items:
        start, start_cpu = clock(), thread()
        function(item)
        cpu.append(thread() - start_cpu)
        wall.append(clock() - start)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=positive, default=5_000)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()

    documents = mix(args.households, args.seed)
    parameters = default_parameters()
    directory = NoLocalCeilings()
    situations = [services.parse_one(d, today=TODAY) for d in documents]
    snapshots = [parameters.at(s.request_date) for s in situations]
    # Warm the caches as a running server would be: with other households of the same mix (another seed), so
    # that the timed households are new to the per-date tables, the tariffs' table of quoted items, the parser's
    # dates and the serialisers' amounts, as the next household a server sees mostly is.
    for d in mix(args.households, args.seed + 1):
        services.encoded_result(services.parse_one(d, today=TODAY), directory, services.DETAIL_FULL)

    gc.collect()
    rows = []
    wall, cpu = per_item(lambda pair: evaluate_css(*pair), list(zip(situations, snapshots, strict=True)))
    anchor = statistics.median(wall) / 1000
    rows.append(("evaluate_css alone (anchor)", wall, cpu))
    for detail in services.DETAILS:
        wall, cpu = per_item(
            lambda d, detail=detail: services.encoded_result(services.parse_one(d, today=TODAY), directory, detail),
            documents,
        )
        rows.append((f"full pipeline, one at a time, {detail}", wall, cpu))

    batched = {}
    for detail in services.DETAILS:
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        parsed = services.parse_batch(documents, today=TODAY)
        size = sum(len(chunk) for chunk in services.stream_results(parsed, directory, detail))
        batched[detail] = ((time.perf_counter_ns() - start) / len(documents) / 1000,
                           (time.thread_time_ns() - start_cpu) / len(documents) / 1000, size / len(documents))

    # The JSON encoder: orjson (what the API and simulate use) against the standard library, same values.
    dicts = [services.result_dict(services.simulate_situation(s, directory)) for s in situations[:1000]]
    encoders = {}
    for name, encode in (("orjson", services.dumps), ("json.dumps", lambda d: json.dumps(d, ensure_ascii=False).encode())):
        start = time.thread_time_ns()
        for d in dicts:
            encode(d)
        encoders[name] = (time.thread_time_ns() - start) / len(dicts) / 1000

    statuses: dict[str, int] = {}
    sizes: dict[int, int] = {}
    for s, p in zip(situations, snapshots, strict=True):
        status = evaluate_css(s, p).status.value
        statuses[status] = statuses.get(status, 0) + 1
        sizes[len(s.members)] = sizes.get(len(s.members), 0) + 1

    print(f"Simulation benchmark: {args.households} households, seed {args.seed}, Python {sys.version.split()[0]}")
    print("people per household: " + ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items())))
    print("CSS statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())))
    for label, wall, cpu in rows:
        print(summary(label, wall, cpu, None if label.endswith("(anchor)") else anchor))
    for detail, (wall_us, cpu_us, size) in batched.items():
        print(f"{'full pipeline, batched, ' + detail:<40} per household {wall_us:8.1f} µs   CPU {cpu_us:8.1f} µs   "
              f"{size / 1024:5.1f} KiB of JSON   {wall_us / anchor:6.1f} × anchor")
    print(f"{'JSON encoding of a full result':<40} orjson {encoders['orjson']:6.1f} µs   json.dumps "
          f"{encoders['json.dumps']:6.1f} µs (CPU)   ratio {encoders['orjson'] / encoders['json.dumps']:.2f}")
    best = min(batched[services.DETAIL_FIGURES][:2])
    verdict = "met" if best <= TARGET_FULL_US else "MISSED"
    print(f"target: full pipeline batched (figures) <= {TARGET_FULL_US} µs per household -> {verdict} ({best:.1f} µs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
