"""The bridge between the web layer and the rules: the CPAM settings from the database, then the engine."""

from __future__ import annotations

from datetime import date
from typing import Any

from eligibility.models import CpamAidCeiling
from eligibility.rules.cpam_aid import CpamAidSettings
from eligibility.rules.engine import SimulationResult, simulate
from eligibility.rules.situation import Situation, parse_situation


class CpamSettingsDirectory:
    """Each CPAM's aid ceiling, read from the database once (the table holds at most one row per department).

    A batch (``simulate`` on a list) builds one directory and asks it for every situation; the API
    builds one per request.
    """

    def __init__(self) -> None:
        self._by_department: dict[str | None, CpamAidSettings] = {}
        for row in CpamAidCeiling.objects.all():
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
    return simulate(situation, cpam_settings=directory.for_department(situation.residence.department))


def run_simulation(data: Any, *, today: date, directory: CpamSettingsDirectory | None = None) -> dict:
    """Validate a contract situation and return the contract result. Raises ``InvalidSituation``."""
    situation = parse_situation(data, today=today)
    return simulate_situation(situation, directory).as_dict()
