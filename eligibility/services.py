"""The bridge between the web layer and the rules: the CPAM settings from the database, then the engine.

Also the one serialisation path of the API and the ``simulate`` command: a result dict in full (the
contract) or with its figures only (``?detail=figures``), encoded once (orjson), and a batch streamed
item by item so that memory does not grow with the number of households.
"""

from __future__ import annotations

import dataclasses
import gc
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import orjson
from django.core.cache import cache
from django.db import DatabaseError, transaction

from eligibility.models import CpamAidCeiling
from eligibility.rules import contract
from eligibility.rules.cpam_aid import CpamAidSettings
from eligibility.rules.engine import SimulationResult, simulate
from eligibility.rules.parameters import ParameterDateError, default_parameters
from eligibility.rules.situation import FieldError, InvalidSituation, Situation, parse_situation

DETAIL_FULL = "full"
DETAIL_FIGURES = "figures"
DETAILS = (DETAIL_FULL, DETAIL_FIGURES)

#: For professionals (``to_verify``, API, workspace) when the database could not be read.
NO_DATABASE_NOTE = (
    "Plafonds locaux des aides des CPAM non lus (base de données indisponible) : la valeur indicative "
    "intégrée aux règles a été utilisée."
)
#: For the command line, before ``make run`` has created the database.
NO_DATABASE_HINT = (
    "Base de données absente ou inaccessible : les plafonds locaux des CPAM n'ont pas été lus, la valeur "
    "indicative intégrée est utilisée (pour les lire : make run, ou python manage.py migrate)."
)


class CpamSettingsDirectory:
    """Each CPAM's aid ceiling, read from the database once (the table holds at most one row per department)."""

    def __init__(self) -> None:
        self._by_department: dict[str | None, CpamAidSettings] = {}
        #: True when the table could not be read (no database yet, or the server is down): the rules'
        #: built-in default applies and the results say so (``NO_DATABASE_NOTE``).
        self.unavailable = False
        try:
            rows = list(CpamAidCeiling.objects.all())
        except DatabaseError:
            self.unavailable = True
            rows = []
        for row in rows:
            self._by_department[row.department] = CpamAidSettings(
                label=row.label,
                department=row.department,
                annual_ceiling_one_person=row.annual_ceiling_one_person,
                ratio_to_css_participation_ceiling=row.ratio_to_css_participation_ceiling,
                notes=row.notes,
                is_default=row.department is None,
            )

    def for_department(self, department: str | None) -> CpamAidSettings | None:
        """The local CPAM's settings, else the database default, else ``None`` (the rules' own default)."""
        if department and department in self._by_department:
            return self._by_department[department]
        return self._by_department.get(None)


class CpamCeilingCache:
    """The ``CpamSettingsDirectory`` kept in memory between requests, so that a simulation costs no query.

    The ceilings change a few times a year, in the admin. A change (``post_save``/``post_delete``, see
    ``apps.py``) drops this process's copy and writes a new version token to the shared cache; every
    other process (gunicorn workers, other hosts sharing the cache) compares its token with the shared
    one at most every ``RECHECK_SECONDS`` and reloads when it differs. This needs the cache shared between
    processes, as production's is; with a per-process cache (``LocMemCache``, development) only the process
    that saved the change reloads at once.
    """

    KEY = "eligibility:cpam-ceilings-version"
    RECHECK_SECONDS = 10.0

    def __init__(self) -> None:
        self._directory: CpamSettingsDirectory | None = None
        self._version: str | None = None
        self._next_check = 0.0

    def directory(self) -> CpamSettingsDirectory:
        now = time.monotonic()
        if self._directory is None or now >= self._next_check:
            try:
                version = cache.get(self.KEY)
                if version is None:
                    cache.add(self.KEY, uuid.uuid4().hex, None)
                    version = cache.get(self.KEY)
            except Exception:  # the shared cache is down (the database cache with the database): read again
                version = None
            if self._directory is None or version is None or version != self._version:
                self._directory = CpamSettingsDirectory()
                self._version = version
            self._next_check = now + self.RECHECK_SECONDS
        directory = self._directory
        if directory.unavailable:
            self._directory = None  # no database (yet): try again at the next simulation
        return directory

    def forget(self) -> None:
        """Drop this process's copy (the next simulation reads the table again)."""
        self._directory = None

    def changed(self) -> None:
        """A ceiling changed: every process reloads (this one now, the others at their next check)."""
        self.forget()
        cache.set(self.KEY, uuid.uuid4().hex, None)
        # A reload inside the admin's transaction could read rows that are then rolled back: forget
        # again once it is over.
        transaction.on_commit(self.forget)


cpam_ceilings = CpamCeilingCache()


def simulate_situation(
    situation: Situation, directory: CpamSettingsDirectory | None = None, *, texts: bool = True,
) -> SimulationResult:
    """The engine's result with the local CPAM's settings. ``texts=False``: for its figures only
    (``engine.simulate``), written with ``result_dict(result, DETAIL_FIGURES)``."""
    directory = directory or cpam_ceilings.directory()
    result = simulate(situation, cpam_settings=directory.for_department(situation.residence.department), texts=texts)
    if texts and getattr(directory, "unavailable", False):
        result = dataclasses.replace(result, to_verify=(*result.to_verify, NO_DATABASE_NOTE))
    return result


def run_simulation(data: Any, *, today: date, directory: CpamSettingsDirectory | None = None) -> dict:
    """Validate a contract situation and return the contract result. Raises ``InvalidSituation``."""
    situation = parse_situation(data, today=today)
    return simulate_situation(situation, directory).as_dict()


# --------------------------------------------------------------------------- parsing a batch


def check_parameters(situation: Situation) -> None:
    """Raise ``InvalidSituation`` when no legal parameters are known for the request date."""
    try:
        default_parameters().at(situation.request_date)
    except ParameterDateError as exc:
        raise InvalidSituation([FieldError("request_date", str(exc))]) from exc


def parse_one(data: Any, *, today: date) -> Situation:
    """``parse_situation`` plus the parameter-date check, so that simulating it cannot fail afterwards."""
    situation = parse_situation(data, today=today)
    check_parameters(situation)
    return situation


def parse_batch(items: list, *, today: date) -> list[Situation]:
    """Every item validated on its own; raises ``InvalidSituation`` with every error of every item, each
    path prefixed by its index (``[12].members[0].birth_date``)."""
    situations: list[Situation] = []
    errors: list[FieldError] = []
    with fewer_collections():
        for index, item in enumerate(items):
            try:
                situations.append(parse_one(item, today=today))
            except InvalidSituation as exc:
                errors.extend(FieldError(_indexed(index, e.path), e.message) for e in exc.errors)
    if errors:
        raise InvalidSituation(errors)
    return situations


def _indexed(index: int, path: str) -> str:
    if not path:
        return f"[{index}]"
    return f"[{index}]{path}" if path.startswith("[") else f"[{index}].{path}"


# --------------------------------------------------------------------------- results, in full or figures only

#: Keys whose values are sentences for people (reasons, notes, labels, checklists' texts, citations), as the
#: results declare them: ``?detail=figures`` leaves them out and keeps the figures, statuses, codes and ids.
TEXT_KEYS = contract.text_keys()


def figures_only(value: Any) -> Any:
    """A full result (or any part of one) without its texts: the keys the results declare as texts
    (``eligibility.rules.contract``), at any depth. The API does not trim: it serialises figures directly."""
    return contract.free_json(contract.FIGURES)(value)


def result_dict(result: SimulationResult, detail: str = DETAIL_FULL) -> dict:
    """The contract result in full, or its figures only, written directly by the compiled serialisers (no
    text is rendered for ``figures``)."""
    return result.as_dict(detail)


def dumps(value: Any) -> bytes:
    """UTF-8 JSON (orjson: about 3.5 times faster than ``json.dumps`` on a result, same values)."""
    return orjson.dumps(value)


def simulated_dict(situation: Situation, directory: CpamSettingsDirectory, detail: str = DETAIL_FULL) -> dict:
    """Simulate and write the result in ``detail``; for ``figures``, nothing that only the texts use is built
    (``simulate(texts=False)``)."""
    return simulate_situation(situation, directory, texts=detail != DETAIL_FIGURES).as_dict(detail)


def encoded_result(situation: Situation, directory: CpamSettingsDirectory, detail: str = DETAIL_FULL) -> bytes:
    """What the API answers for one household: simulate, build the result, encode."""
    return dumps(simulated_dict(situation, directory, detail))


#: During a batch, Python's cycle collector runs after this many allocations instead of 700. A simulation
#: makes no reference cycle (``tests/api/test_api_batch.py`` checks it), so every collection was pure cost:
#: each one scanned the young results, and the oldest generation the whole validated batch (about a tenth of
#: a batch's CPU, bench/bench_css.py). Garbage without cycles is freed at once by reference counting anyway.
BATCH_GC_THRESHOLD = 20_000
#: Inside a batch, full collections at CPython's usual pace (after 10 middle-generation collections): the
#: oldest generation holds the validated batch, whatever a server process set for its short requests
#: (``aidsante.startup.FULL_COLLECTION_EVERY``).
BATCH_FULL_COLLECTION_EVERY = 10


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The cycle collector's first threshold raised to ``BATCH_GC_THRESHOLD`` inside the block, its last one at
    least ``BATCH_FULL_COLLECTION_EVERY`` (both restored after it, unless another block changed them meanwhile)."""
    before = gc.get_threshold()
    if before[0] >= BATCH_GC_THRESHOLD:
        yield
        return
    gc.set_threshold(BATCH_GC_THRESHOLD, before[1], max(before[2], BATCH_FULL_COLLECTION_EVERY))
    try:
        yield
    finally:
        if gc.get_threshold()[0] == BATCH_GC_THRESHOLD:
            gc.set_threshold(*before)


def stream_results(
    situations: Iterable[Situation], directory: CpamSettingsDirectory, detail: str = DETAIL_FULL,
    *, chunk_bytes: int = 64 * 1024,
) -> Iterator[bytes]:
    """A JSON list of results, in the order of ``situations``, produced one item at a time.

    Items are grouped into chunks of about ``chunk_bytes`` so that the server writes few, large blocks;
    nothing else is kept, so memory does not grow with the number of households.
    """
    parts: list[bytes] = [b"["]
    size = 1
    first = True
    with fewer_collections():
        for situation in situations:
            item = encoded_result(situation, directory, detail)
            if not first:
                parts.append(b",")
            first = False
            parts.append(item)
            size += len(item) + 1
            if size >= chunk_bytes:
                yield b"".join(parts)
                parts, size = [], 0
    parts.append(b"]")
    yield b"".join(parts)


# --------------------------------------------------------------------------- both cores, for large batches

#: Below this many households a batch stays in one process: starting workers costs more than it saves
#: (bench/bench_batch.py, ``--jobs``).
PARALLEL_MIN_ITEMS = 2_000
_PARALLEL_SLICE = 250
_shared: tuple[list[Situation], CpamSettingsDirectory, str] | None = None


def _encode_slice(bounds: tuple[int, int]) -> bytes:
    situations, directory, detail = _shared  # type: ignore[misc]
    with fewer_collections():
        return b",".join(encoded_result(s, directory, detail) for s in situations[bounds[0]:bounds[1]])


def stream_results_parallel(
    situations: list[Situation], directory: CpamSettingsDirectory, detail: str = DETAIL_FULL, *, jobs: int = 2,
) -> Iterator[bytes]:
    """``stream_results`` on ``jobs`` processes, same bytes in the same order.

    The workers are forked once the situations are validated, so they inherit them without copying; each
    encodes a slice of consecutive households and the slices come back in order. For a command (or any
    process that owns its forks), not for a web worker.
    """
    import multiprocessing

    global _shared
    if jobs < 2 or len(situations) < PARALLEL_MIN_ITEMS:
        yield from stream_results(situations, directory, detail)
        return
    _shared = (situations, directory, detail)
    slices = [(i, min(i + _PARALLEL_SLICE, len(situations))) for i in range(0, len(situations), _PARALLEL_SLICE)]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            # At most 2 slices per worker in flight: memory stays flat whatever the batch size.
            pending: deque = deque()
            emitted = 0
            yield b"["
            for bounds in slices:
                pending.append(pool.apply_async(_encode_slice, (bounds,)))
                if len(pending) >= 2 * jobs:
                    yield (b"," if emitted else b"") + pending.popleft().get()
                    emitted += 1
            while pending:
                yield (b"," if emitted else b"") + pending.popleft().get()
                emitted += 1
            yield b"]"
    finally:
        _shared = None
