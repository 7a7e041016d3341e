"""A server process imports its views and freezes its long-lived objects before the first request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

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
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    before, loaded_before, loaded_after, frozen, count = out
    assert before == "0" and loaded_before == "False"
    assert loaded_after == "True"
    # Everything Django, the views and the rules built is frozen: tens of thousands of objects, not a handful.
    assert int(frozen) == int(count) > 50_000


def test_the_wsgi_module_settles_the_process():
    """Each gunicorn worker imports ``aidsante.wsgi``: the application is built and the process settled."""
    probe = "import gc; import aidsante.wsgi as w; print(callable(w.application), gc.get_freeze_count())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")}
    application, count = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True,
                                        text=True, check=True).stdout.split()
    assert application == "True" and int(count) > 50_000
