"""What a server process does once, after Django is set up and before its first request.

``settle_for_requests()`` imports the URLconf (hence every view, form and the rules behind them), then moves
every object alive at that point into the garbage collector's permanent generation (``gc.freeze()``). Those
objects live as long as the process; without the freeze, each full collection walks them all again, which
``bench/bench_questionnaire.py`` measured as the one step request in thirty taking 100 ms instead of 10.
CPython's young-generation threshold (700 allocations) is left as it is: raised to 20 000 it made the pauses
rarer but longer (one request in thirty at 22 to 24 ms), no better at the 95th percentile.

The oldest generation is what still paused a step: a questionnaire request leaves reference cycles (Django's
forms and their bound fields) that only a full collection frees, about 0.45 µs per object freed. CPython runs a
full collection when ten collections of the middle generation have run *and* the objects promoted since the
last full one exceed a quarter of those it left alive; after the freeze that last count is still the whole
heap of before the freeze (some 150 000 objects), so the first full collection waited for some 28 000 objects
of garbage (13 ms, in the middle of a request), and the later ones, every ten middle collections, freed 13 000
to 16 000 each (6 to 9 ms). So: one more full collection right after the freeze, when nothing is left outside
the permanent generation, sets that count to the few objects alive outside it; and a full collection may run
after ``FULL_COLLECTION_EVERY`` middle collections instead of ten, so each frees less: 4 000 to 5 000 objects,
1 to 4.6 ms (``bench/bench_questionnaire.py`` prints the pauses), for about 0.7 ms more of collection per
journey of 27 requests (0.5 %). CPython's quarter rule still keeps full collections from growing with the heap
(a large batch holds many objects: ``eligibility.services.fewer_collections`` sets the usual ten back inside it).
Called by ``aidsante/wsgi.py`` (each gunicorn worker) and by the questionnaire benchmark, so the
benchmark measures what the server runs.
"""

from __future__ import annotations

import gc

from django.urls import get_resolver

#: Full collections may run after this many collections of the middle generation (CPython's default: 10).
FULL_COLLECTION_EVERY = 2


def settle_for_requests() -> int:
    """Import what the first request would, then freeze the objects alive now; returns how many were frozen.

    Then the collector's count of long-lived objects is reset and full collections made smaller and more
    frequent (see the module docstring).
    """
    get_resolver().url_patterns  # noqa: B018 - imports every view module of the URLconf
    gc.collect()
    gc.freeze()
    gc.collect()  # nothing outside the permanent generation: counts the long-lived objects afresh
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    return gc.get_freeze_count()
