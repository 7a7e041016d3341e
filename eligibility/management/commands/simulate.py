"""``python manage.py simulate PATH|-``: contract situations in, contract results out (JSON).

Input: one situation object, or a JSON list of them (a CCAS batch). Output on standard output: one
result, or a list of results in the same order. Parameters are loaded once for the whole list.
Invalid input: the errors (``{"errors": [...]}``, for a list ``{"index": i, "errors": [...]}`` per
invalid item) on standard error, exit status 2, and nothing on standard output.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from eligibility.management.json_input import InvalidJSON, read_json_input
from eligibility.rules.parameters import ParameterDateError
from eligibility.rules.situation import FieldError, InvalidSituation
from eligibility.services import NO_DATABASE_HINT, CpamSettingsDirectory, run_simulation


class Command(BaseCommand):
    help = "Simule une situation (ou une liste de situations) au format du contrat v1 et écrit le résultat en JSON."

    def add_arguments(self, parser):
        parser.add_argument("path", help="fichier JSON, ou - pour l'entrée standard")
        parser.add_argument("--indent", type=int, default=None, help="indentation du JSON produit")

    def handle(self, *args, path: str, indent: int | None, **options):
        try:
            data = read_json_input(path)
        except InvalidJSON as exc:
            self._fail({"errors": [{"path": "", "message": str(exc)}]})
        today = timezone.localdate()
        directory = CpamSettingsDirectory()
        if directory.unavailable:
            self.stderr.write(NO_DATABASE_HINT)
        if isinstance(data, list):
            results, failures = [], []
            for index, item in enumerate(data):
                try:
                    results.append(run_simulation(item, today=today, directory=directory))
                except (InvalidSituation, ParameterDateError) as exc:
                    failures.append({"index": index, "errors": [e.as_dict() for e in _errors(exc)]})
            if failures:
                self._fail({"errors": failures})
            output = results
        else:
            try:
                output = run_simulation(data, today=today, directory=directory)
            except (InvalidSituation, ParameterDateError) as exc:
                self._fail({"errors": [e.as_dict() for e in _errors(exc)]})
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=indent))

    def _fail(self, payload: dict) -> None:
        self.stderr.write(json.dumps(payload, ensure_ascii=False, indent=2))
        sys.exit(2)


def _errors(exc: Exception) -> list[FieldError]:
    if isinstance(exc, InvalidSituation):
        return exc.errors
    return [FieldError("request_date", str(exc))]
