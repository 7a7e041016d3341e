"""The bridge between the web layer and the rules: the CPAM settings from the database, then the engine."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from django.db import DatabaseError

from eligibility.models import CpamAidCeiling
from eligibility.rules.cpam_aid import CpamAidSettings
from eligibility.rules.engine import SimulationResult, simulate
from eligibility.rules.situation import Situation, parse_situation

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
    """Each CPAM's aid ceiling, read from the database once (the table holds at most one row per department).

    A batch (``simulate`` on a list) builds one directory and asks it for every situation; the API
    builds one per request.
    """

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


def simulate_situation(situation: Situation, directory: CpamSettingsDirectory | None = None) -> SimulationResult:
    directory = directory or CpamSettingsDirectory()
    result = simulate(situation, cpam_settings=directory.for_department(situation.residence.department))
    if directory.unavailable:
        result = dataclasses.replace(result, to_verify=(*result.to_verify, NO_DATABASE_NOTE))
    return result


def run_simulation(data: Any, *, today: date, directory: CpamSettingsDirectory | None = None) -> dict:
    """Validate a contract situation and return the contract result. Raises ``InvalidSituation``."""
    situation = parse_situation(data, today=today)
    return simulate_situation(situation, directory).as_dict()
