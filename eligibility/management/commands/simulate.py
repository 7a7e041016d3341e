"""``python manage.py simulate PATH|-``: contract situations in, contract results out (JSON).

Input: one situation object, or a JSON list of them (a CCAS batch). Output on standard output: one
result, or a list of results in the same order, written item by item as they are computed (memory does
not grow with the number of results). Parameters and CPAM ceilings are loaded once for the whole list.
Every item is validated before anything is written: invalid input gives the errors (``{"errors": [...]}``,
for a list ``{"index": i, "errors": [...]}`` per invalid item) on standard error, exit status 2, and
nothing on standard output. ``--detail figures`` leaves out the texts, as the API's ``?detail=figures``.
"""

from __future__ import annotations

import json
import sys
import textwrap

from django.core.management.base import BaseCommand
from django.utils import timezone

from eligibility.management.json_input import InvalidJSON, read_json_input
from eligibility.rules.situation import InvalidSituation
from eligibility.services import (
    DETAIL_FULL,
    DETAILS,
    NO_DATABASE_HINT,
    PARALLEL_MIN_ITEMS,
    CpamSettingsDirectory,
    parse_one,
    simulated_dict,
    stream_results_parallel,
)


class Command(BaseCommand):
    help = "Simule une situation (ou une liste de situations) au format du contrat v1 et écrit le résultat en JSON."

    def add_arguments(self, parser):
        parser.add_argument("path", help="fichier JSON, ou - pour l'entrée standard")
        parser.add_argument("--indent", type=int, default=None, help="indentation du JSON produit")
        parser.add_argument("--detail", choices=DETAILS, default=DETAIL_FULL,
                            help="figures : les montants, statuts et codes seulement, sans les textes")
        # One process by default: a second one pays only when a core is idle (bench/bench_batch.py measured
        # 2 processes 1.99 times slower than one on a 2-core machine kept busy by other work; on 2026-12-01, with
        # that machine's load at 4 to 6, 2 processes / 1 in wall time: 1.62 for 1 000 households, 1.05 for
        # 2 000, 1.35 for 5 000, 0.60 for 10 000, never a gain to count on while other work runs).
        parser.add_argument("--jobs", type=int, default=1,
                            help=f"processus de calcul pour une liste d'au moins {PARALLEL_MIN_ITEMS} situations "
                                 "(utile seulement si des cœurs sont libres)")

    def handle(self, *args, path: str, indent: int | None, detail: str, jobs: int, **options):
        try:
            data = read_json_input(path)
        except InvalidJSON as exc:
            self._fail({"errors": [{"path": "", "message": str(exc)}]})
        today = timezone.localdate()
        directory = CpamSettingsDirectory()
        if directory.unavailable:
            self.stderr.write(NO_DATABASE_HINT)
        if not isinstance(data, list):
            try:
                situation = parse_one(data, today=today)
            except InvalidSituation as exc:
                self._fail({"errors": [e.as_dict() for e in exc.errors]})
            result = simulated_dict(situation, directory, detail)
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=indent))
            return
        situations, failures = [], []
        for index, item in enumerate(data):
            try:
                situations.append(parse_one(item, today=today))
            except InvalidSituation as exc:
                failures.append({"index": index, "errors": [e.as_dict() for e in exc.errors]})
        if failures:
            self._fail({"errors": failures})
        del data
        write = self.stdout.write
        if indent is None:
            for chunk in stream_results_parallel(situations, directory, detail, jobs=jobs):
                write(chunk.decode(), ending="")
            write("")
            return
        # Indented: the same text as ``json.dumps(results, indent=indent)``, one result at a time.
        prefix = " " * indent
        write("[", ending="")
        for i, situation in enumerate(situations):
            item = json.dumps(simulated_dict(situation, directory, detail), ensure_ascii=False, indent=indent)
            write(("," if i else "") + "\n" + textwrap.indent(item, prefix), ending="")
        write("\n]" if situations else "]")

    def _fail(self, payload: dict) -> None:
        self.stderr.write(json.dumps(payload, ensure_ascii=False, indent=2))
        sys.exit(2)
