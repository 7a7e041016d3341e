"""Server time and SQL queries per questionnaire step, for the heaviest persona, through the test client.

Run: ``.venv/bin/python bench/bench_questionnaire.py [--runs 30] [--database sqlite|postgresql|both]``.
Each run is a new visitor (a fresh client, so a fresh session) who starts a case and answers every step
of a household the questionnaire asks every step of (``every_step_answers`` of the questionnaire's own
tests; each step: the GET of the page, then the POST of the answers), then shows the results.

* The database is a file (SQLite in a temporary directory, as ``make run`` uses), and PostgreSQL too when
  its binaries are present (a throwaway server, ``scripts/pg_throwaway.sh``): never in-memory SQLite.
* Templates render as on a server: the test environment's instrumented rendering (which records every
  template and context for assertions) is switched back to Django's own.
* Anchor, in the same run and interleaved: the home page (same middleware, same base template).
* As on a server: ``DEBUG`` off, so templates come from Django's cached loader (checked below).
* The machine's load average is printed: on 2 shared cores, wall times grow with it; the CPU time of the
  process (``CPU ms``: median, ``CPU p95``) much less.

Prints the median and 95th percentile per step and for the whole journey, the queries and the writes
(INSERT/UPDATE/DELETE) per step, and the ratio of the slowest step's p95 to the anchor.
Target: every step under 20 ms at p95.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")

import django  # noqa: E402

django.setup()

from cli import positive  # noqa: E402 (bench/, the script's folder)
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from aidsante.startup import settle_for_requests  # noqa: E402
from eligibility.questionnaire.views import QuestionnaireWizard  # noqa: E402
from tests.dossiers.test_hostile_input import every_step_answers  # noqa: E402
from tests.questionnaire.test_questionnaire_helpers import Journey  # noqa: E402

REQUEST_DATE = date(2026, 11, 22)
#: A household that the questionnaire asks every step of (Moselle, a self-employed parent, care planned),
#: kept in step with the questionnaire by its own tests (tests/dossiers/test_hostile_input.py).
HEAVIEST = every_step_answers()


TARGET_MS = 20


def restore_template_rendering() -> None:
    """Undo ``setup_test_environment``'s instrumented rendering (Django keeps the original in its saved state)."""
    from django.template import Template
    from django.test.utils import _TestState, instrumented_test_render

    Template._render = _TestState.saved_data.template_render
    assert Template._render is not instrumented_test_render


WRITES = ("INSERT", "UPDATE", "DELETE")
WARM_UP: dict[str, list[float]] = defaultdict(list)


#: Process CPU time per request (label -> ms): steadier than wall time when other programs share the machine.
CPU: dict[str, list[float]] = defaultdict(list)


def timed(label, times, queries, func):
    with CaptureQueriesContext(connection) as captured:
        start, start_cpu = time.perf_counter(), time.process_time()
        response = func()
        elapsed = (time.perf_counter() - start) * 1000
        cpu = (time.process_time() - start_cpu) * 1000
    times[label].append(elapsed)
    if times is not WARM_UP:
        CPU[label].append(cpu)
    sql = [q["sql"].lstrip().upper() for q in captured.captured_queries]
    queries[label].append((len(sql), sum(q.startswith(WRITES) for q in sql)))
    return response, elapsed


VISITORS = itertools.count(1)

#: The garbage collector's pauses during the measured journeys: generation -> durations in ms.
GC_PAUSES: dict[int, list[float]] = defaultdict(list)
_gc_started: list[float] = []


def _on_gc(phase: str, info: dict) -> None:
    if phase == "start":
        _gc_started[:] = [time.perf_counter()]
    elif _gc_started:
        GC_PAUSES[info["generation"]].append((time.perf_counter() - _gc_started[0]) * 1000)


def one_journey(times, queries) -> float:
    # A new visitor: no session yet, and an address of its own (the throttle allows 30 new questionnaires an
    # hour per address, so thirty runs from one address would be refused from the 31st).
    visitor = next(VISITORS)
    client = Client(REMOTE_ADDR=f"198.51.100.{visitor % 250 + 1}" if visitor < 250 else f"203.0.113.{visitor % 250 + 1}")
    _, _ = timed("anchor: home page (GET)", times, queries, lambda: client.get("/"))
    journey = Journey(client)
    total = 0.0
    _, t = timed("start (POST)", times, queries, journey.start)
    total += t
    step = "residence"
    while step and step != "resultats":
        response, t = timed(f"{step} (GET)", times, queries, lambda s=step: client.get(journey.url(s)))
        assert response.status_code == 200, (step, response.status_code)
        total += t
        response, t = timed(f"{step} (POST)", times, queries, lambda s=step: journey.post(s, HEAVIEST[s]))
        assert response.status_code == 302, (step, response.status_code)
        total += t
        step = journey.next_step(response)
    response, t = timed("resultats (GET)", times, queries, journey.results)
    assert response.status_code == 200
    return total + t


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def spread(values) -> str:
    return str(values[0]) if min(values) == max(values) else f"{min(values)}-{max(values)}"


def bench(runs: int, database: str) -> None:
    setup_test_environment()
    # The test environment records every template rendered (for assertions); a server does not.
    restore_template_rendering()
    from django.template import engines

    loaders = engines["django"].engine.loaders
    assert not settings.DEBUG and loaders and loaders[0][0] == "django.template.loaders.cached.Loader", loaders
    load_before = os.getloadavg()[0]
    tmp = None
    if connection.vendor == "sqlite":
        tmp = tempfile.mkdtemp(prefix="aidsante-bench.")
        connection.settings_dict["TEST"]["NAME"] = os.path.join(tmp, "bench.sqlite3")
        # The options a file database gets outside the tests (aidsante/settings/base.py).
        connection.settings_dict["OPTIONS"] = {**connection.settings_dict["OPTIONS"], **settings.SQLITE_OPTIONS}
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    QuestionnaireWizard.today = lambda self: REQUEST_DATE
    times, queries = defaultdict(list), defaultdict(list)
    try:
        one_journey(WARM_UP, defaultdict(list))  # warm-up: imports, parameter files, templates
        settle_for_requests()  # what each server process does before its first request (aidsante/wsgi.py)
        totals, cpus = [], []
        gc.callbacks.append(_on_gc)
        try:
            for _ in range(runs):
                start_cpu = time.process_time()
                totals.append(one_journey(times, queries))
                cpus.append((time.process_time() - start_cpu) * 1000)
        finally:
            gc.callbacks.remove(_on_gc)
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    anchor_label = "anchor: home page (GET)"
    anchor = statistics.median(times[anchor_label])
    width = max(len(k) for k in times)
    print(f"{runs} journeys of the heaviest persona on {database} ({connection.vendor}{', file database' if tmp else ''}), "
          "fresh session each, server-side template rendering (cached loader, DEBUG off); server time through the "
          f"test client; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (2 cores)")
    print(f"{'request':<{width}}  {'median ms':>9}  {'p95 ms':>7}  {'CPU ms':>6}  {'CPU p95':>7}  {'queries':>7}  {'writes':>6}")
    for label, values in times.items():
        q = queries[label]
        print(f"{label:<{width}}  {statistics.median(values):9.1f}  {p95(values):7.1f}  {statistics.median(CPU[label]):6.1f}  "
              f"{p95(CPU[label]):7.1f}  {spread([n for n, _ in q]):>7}  {spread([w for _, w in q]):>6}")
    print(f"{'whole journey':<{width}}  {statistics.median(totals):9.1f}  {p95(totals):7.1f}   "
          f"(application CPU median {statistics.median(cpus):.0f} ms, the database server's apart)")
    steps = {k: v for k, v in times.items() if k != anchor_label}
    worst = max(steps, key=lambda k: p95(steps[k]))
    print(f"slowest step at p95: {worst}, {p95(steps[worst]):.1f} ms = {p95(steps[worst]) / anchor:.1f} × the anchor "
          f"({anchor:.1f} ms median)")
    worst_cpu = max(steps, key=lambda k: p95(CPU[k]))
    print(f"slowest step at p95 in CPU time: {worst_cpu}, {p95(CPU[worst_cpu]):.1f} ms = "
          f"{p95(CPU[worst_cpu]) / statistics.median(CPU[anchor_label]):.1f} × the anchor's CPU median")
    pauses = ", ".join(
        f"generation {generation}: {len(durations)} × (max {max(durations):.1f} ms, total {sum(durations):.0f} ms)"
        for generation, durations in sorted(GC_PAUSES.items()))
    print(f"garbage collector during the {runs} journeys (client and server share this process): {pauses or 'none'}")
    slow = [label for label, values in steps.items() if p95(values) >= TARGET_MS]
    print(f"all steps under {TARGET_MS} ms at p95" if not slow else f"over {TARGET_MS} ms at p95: {', '.join(slow)}")
    slow_cpu = [label for label in steps if p95(CPU[label]) >= TARGET_MS]
    print(f"all steps under {TARGET_MS} ms of CPU at p95" if not slow_cpu
          else f"over {TARGET_MS} ms of CPU at p95: {', '.join(slow_cpu)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=positive, default=30, help="visitors timed (at least 1)")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    if args.database in ("sqlite", "both"):
        if args.database == "both":  # each database in its own process (Django's connection is set up once)
            subprocess.run([sys.executable, __file__, "--runs", str(args.runs), "--database", "sqlite"],
                           check=True, env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"})
        else:
            os.environ.pop("DATABASE_URL", None)
            bench(args.runs, "SQLite")
    if args.database == "postgresql":
        bench(args.runs, "PostgreSQL")
    elif args.database == "both":
        script = ROOT / "scripts" / "pg_throwaway.sh"
        if shutil.which("pg_ctl") or list(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")):
            subprocess.run([str(script), sys.executable, __file__, "--runs", str(args.runs), "--database", "postgresql"],
                           check=True)
        else:
            print("PostgreSQL binaries absent: questionnaire measured on SQLite only.")


if __name__ == "__main__":
    main()
