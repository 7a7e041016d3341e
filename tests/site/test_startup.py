"""A server process imports its views and freezes its long-lived objects before the first request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from aidsante.startup import FULL_COLLECTION_EVERY

ROOT = Path(__file__).resolve().parents[2]


def run_probe(code: str) -> list[str]:
    """Runs ``code`` in a new Python process (the collector's state is per process); its printed words."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True).stdout.split()


PROBE = """
import gc, sys
import django
django.setup()
before = gc.get_freeze_count()
loaded_before = 'eligibility.questionnaire.views' in sys.modules
from aidsante.startup import settle_for_requests
frozen = settle_for_requests()
print(before, loaded_before, 'eligibility.questionnaire.views' in sys.modules, frozen, gc.get_freeze_count())
"""


def test_settle_for_requests_imports_the_views_and_freezes_what_is_alive():
    before, loaded_before, loaded_after, frozen, count = run_probe(PROBE)
    assert before == "0" and loaded_before == "False"
    assert loaded_after == "True"
    # Everything Django, the views and the rules built is frozen: tens of thousands of objects, not a handful.
    assert int(frozen) == int(count) > 50_000


GARBAGE_PROBE = """
import gc
import django
django.setup()
from aidsante.startup import settle_for_requests
settle_for_requests()
freed = []
gc.callbacks.append(lambda phase, info: phase == "stop" and info["generation"] == 2 and freed.append(info["collected"]))
alive = []
for _ in range(3000):  # requests that each leave 200 objects in reference cycles, alive for 50 requests
    cycles = []
    for _ in range(100):
        a = {}
        a["self"] = {"back": a}
        cycles.append(a)
    alive.append(cycles)
    if len(alive) > 50:
        alive.pop(0)
print(*gc.get_threshold(), len(freed), max(freed, default=0))
"""


def test_after_settling_full_collections_are_frequent_and_small():
    """Cyclic garbage that reaches the oldest generation is freed in small full collections (short pauses).

    Without the count reset and the lower threshold, this probe gets 6 full collections freeing about 90 000
    objects each (the first waits for a quarter of the pre-freeze heap); with them, over 20 freeing at most 26 000.
    """
    young, middle, oldest, collections, largest = map(int, run_probe(GARBAGE_PROBE))
    assert (young, middle, oldest) == (700, 10, FULL_COLLECTION_EVERY)
    assert collections >= 15
    assert 0 < largest <= 40_000


def test_the_wsgi_module_settles_the_process():
    """Each gunicorn worker imports ``aidsante.wsgi``: the application is built and the process settled."""
    probe = "import gc; import aidsante.wsgi as w; print(callable(w.application), gc.get_freeze_count())"
    application, count = run_probe(probe)
    assert application == "True" and int(count) > 50_000
