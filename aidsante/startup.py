"""What a server process does once, after Django is set up and before its first request.

``settle_for_requests()`` imports the URLconf (hence every view, form and the rules behind them), then moves
every object alive at that point into the garbage collector's permanent generation (``gc.freeze()``). Those
objects live as long as the process; without the freeze, each full collection walks them all again, which
``bench/bench_questionnaire.py`` measured as the one step request in thirty taking 100 ms instead of 10.
CPython's young-generation threshold (700 allocations) is left as it is: raised to 20 000 it made the pauses
rarer but longer (one request in thirty at 22 to 24 ms), no better at the 95th percentile.
Called by ``aidsante/wsgi.py`` (each gunicorn worker) and by the questionnaire benchmark, so the
benchmark measures what the server runs.
"""

from __future__ import annotations

import gc

from django.urls import get_resolver


def settle_for_requests() -> int:
    """Import what the first request would, then freeze the objects alive now; returns how many were frozen."""
    get_resolver().url_patterns  # noqa: B018 - imports every view module of the URLconf
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
