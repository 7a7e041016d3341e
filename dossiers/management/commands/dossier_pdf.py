"""``python manage.py dossier_pdf PATH|- -o OUT.pdf``: the printable dossier of one contract situation.

Input: one situation object (contract v1), from a file or standard input (``-``). Output: the PDF written to
``OUT.pdf`` (``-o -`` writes it to standard output). Invalid input: ``{"errors": [...]}`` on standard error,
exit status 2, and no file written. ``--name`` sets the first name printed on the dossier.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from eligibility.management.json_input import InvalidJSON, read_json_input
from eligibility.presentation.pdf import render_dossier_pdf
from eligibility.rules.parameters import ParameterDateError
from eligibility.rules.situation import FieldError, InvalidSituation, parse_situation
from eligibility.services import NO_DATABASE_HINT, CpamSettingsDirectory, simulate_situation


class Command(BaseCommand):
    help = "Produit le dossier imprimable (PDF) d'une situation au format du contrat v1."

    def add_arguments(self, parser):
        parser.add_argument("path", help="fichier JSON de la situation, ou - pour l'entrée standard")
        parser.add_argument("-o", "--output", required=True, help="fichier PDF à écrire (- pour la sortie standard)")
        parser.add_argument("--name", default=None, help="prénom de la personne, imprimé sur le dossier")

    def handle(self, *args, path: str, output: str, name: str | None, **options):
        try:
            data = read_json_input(path)
        except InvalidJSON as exc:
            self._fail([FieldError("", str(exc))])
        if isinstance(data, list):
            self._fail([FieldError("", "Une seule situation est attendue (un objet JSON), pas une liste.")])
        try:
            situation = parse_situation(data, today=timezone.localdate())
            directory = CpamSettingsDirectory()
            if directory.unavailable:
                self.stderr.write(NO_DATABASE_HINT)
            result = simulate_situation(situation, directory)
        except InvalidSituation as exc:
            self._fail(exc.errors)
        except ParameterDateError as exc:
            self._fail([FieldError("request_date", str(exc))])
        pdf = render_dossier_pdf(result, person_label=name)
        if output == "-":
            sys.stdout.buffer.write(pdf)
            sys.stdout.buffer.flush()
            return
        self._write(output, pdf)

    def _write(self, output: str, pdf: bytes) -> None:
        """Write atomically: a reader never sees half a PDF, and a failure leaves no file behind."""
        directory = os.path.dirname(os.path.abspath(output))
        try:
            fd, tmp = tempfile.mkstemp(prefix=".dossier-", suffix=".pdf", dir=directory)
        except OSError as exc:
            raise CommandError(f"Impossible d'écrire {output} : {exc.strerror}") from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pdf)
            os.replace(tmp, output)
        except OSError as exc:
            os.unlink(tmp)
            raise CommandError(f"Impossible d'écrire {output} : {exc.strerror}") from exc

    def _fail(self, errors: list[FieldError]) -> None:
        self.stderr.write(json.dumps({"errors": [e.as_dict() for e in errors]}, ensure_ascii=False, indent=2))
        sys.exit(2)
