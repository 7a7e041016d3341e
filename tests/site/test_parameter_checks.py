"""Legal parameters: validated at start-up, dated look-ups, and the staleness system check."""

from datetime import date
from pathlib import Path

import pytest
from django.core import checks

from eligibility.rules.parameters import (
    ParameterDateError,
    ParameterFileError,
    ParameterSet,
    default_parameters,
    stale_parameters,
)

GOOD = """
description: Plafond de test
unit: currency-EUR
metadata:
  last_value_still_valid_on: "{checked}"
  revaluation_month_day: "04-01"
values:
  2024-04-01:
    value: 100
    metadata:
      reference: {{title: "Arrêté test", href: "https://www.legifrance.gouv.fr/"}}
  2025-04-01:
    value: 110
    metadata:
      reference: {{title: "Arrêté test 2", href: "https://www.legifrance.gouv.fr/"}}
"""


def write(tmp_path: Path, text: str, name: str = "plafond.yaml") -> ParameterSet:
    folder = tmp_path / "css"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return ParameterSet.load(tmp_path)


def test_value_in_force_on_a_date(tmp_path):
    params = write(tmp_path, GOOD.format(checked="2025-06-01"))
    assert params["css.plafond"].at(date(2025, 3, 31)) == 100
    assert params["css.plafond"].at(date(2025, 4, 1)) == 110
    assert params.at(date(2030, 1, 1))["css.plafond"] == 110


def test_a_date_before_the_first_value_is_a_clear_error(tmp_path):
    params = write(tmp_path, GOOD.format(checked="2025-06-01"))
    with pytest.raises(ParameterDateError, match="pas de valeur avant le 2024-04-01"):
        params["css.plafond"].at(date(2024, 3, 31))


def test_a_value_without_reference_is_refused_at_load(tmp_path):
    text = GOOD.format(checked="2025-06-01").replace(
        'reference: {title: "Arrêté test 2", href: "https://www.legifrance.gouv.fr/"}', "note: sans source"
    )
    with pytest.raises(ParameterFileError, match="référence légale manquante"):
        write(tmp_path, text)


def test_missing_last_value_still_valid_on_is_refused(tmp_path):
    text = GOOD.format(checked="2025-06-01").replace('  last_value_still_valid_on: "2025-06-01"\n', "")
    with pytest.raises(ParameterFileError, match="last_value_still_valid_on"):
        write(tmp_path, text)


def test_stale_when_checked_more_than_13_months_ago(tmp_path):
    params = write(tmp_path, GOOD.format(checked="2025-04-02"))
    assert stale_parameters(params, date(2026, 3, 1)) == []
    found = stale_parameters(params, date(2026, 5, 5))
    assert [s.name for s in found] == ["css.plafond"]


def test_stale_when_the_yearly_revaluation_passed_without_new_value(tmp_path):
    params = write(tmp_path, GOOD.format(checked="2026-03-15"))
    assert stale_parameters(params, date(2026, 3, 31)) == []
    found = stale_parameters(params, date(2026, 4, 2))
    assert len(found) == 1 and "revalorisation du 2026-04-01" in found[0].message
    # A confirmation after the revaluation date (value re-checked, unchanged) clears the warning.
    confirmed = write(tmp_path, GOOD.format(checked="2026-04-05"))
    assert stale_parameters(confirmed, date(2026, 4, 10)) == []


def test_project_parameters_are_fresh_today():
    assert stale_parameters(default_parameters(), date(2026, 11, 22)) == []


def test_system_check_reports_stale_parameters(monkeypatch, tmp_path):
    from eligibility import checks as eligibility_checks

    stale = write(tmp_path, GOOD.format(checked="2020-01-01"))
    monkeypatch.setattr(eligibility_checks, "default_parameters", lambda: stale)
    messages = eligibility_checks.check_parameters_freshness()
    assert [m.id for m in messages] == ["aidsante.W001"]
    assert isinstance(messages[0], checks.Warning)
    assert messages[0].obj == "css.plafond"
