"""The legal amounts' freshness where people work: the 1 April revaluation is announced from 1 March to
managers and in the admin (with whether each new value is in); from 1 April a parameter without its new
value puts an unmistakable banner on every workspace page. Fixed dates: 28 Feb, 1 March, 1 April, 2 April."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from eligibility import checks as freshness
from eligibility.rules.parameters import ParameterSet
from tests.dossiers.test_dossiers_support import *  # noqa: F403  (the fixtures)

YAML = """
description: {description}
unit: currency-EUR
metadata:
  last_value_still_valid_on: "2026-11-22"
  revaluation_month_day: "04-01"
values:
{values}
"""
VALUE = """  {day}:
    value: {value}
    metadata:
      reference: {{title: "Arrêté test", href: "https://www.legifrance.gouv.fr/"}}
"""


@pytest.fixture
def parameters(tmp_path: Path) -> ParameterSet:
    """Two ceilings revalued each 1 April: the 2027 value of one is already in, the other's is not."""
    folder = tmp_path / "css"
    folder.mkdir()
    (folder / "plafond_a.yaml").write_text(YAML.format(
        description="Plafond A", values=VALUE.format(day="2026-04-01", value=100) + VALUE.format(day="2027-04-01", value=102),
    ), encoding="utf-8")
    (folder / "plafond_b.yaml").write_text(YAML.format(
        description="Plafond B", values=VALUE.format(day="2026-04-01", value=200),
    ), encoding="utf-8")
    (folder / "sans_revalorisation.yaml").write_text(YAML.format(
        description="Sans date", values=VALUE.format(day="2026-04-01", value=1),
    ).replace('  revaluation_month_day: "04-01"\n', ""), encoding="utf-8")
    return ParameterSet.load(tmp_path)


def test_nothing_is_announced_on_28_february(parameters):
    notices = freshness.freshness_notices(date(2027, 2, 28), parameters)
    assert not notices and notices.upcoming == () and notices.stale == ()


def test_the_revaluation_is_announced_on_1_march(parameters):
    notices = freshness.freshness_notices(date(2027, 3, 1), parameters)
    assert [(r.name, r.on, r.value_in) for r in notices.upcoming] == [
        ("css.plafond_a", date(2027, 4, 1), True), ("css.plafond_b", date(2027, 4, 1), False),
    ]
    assert [r.name for r in notices.upcoming_missing] == ["css.plafond_b"]
    assert notices.stale == ()


@pytest.mark.parametrize("day", [date(2027, 4, 1), date(2027, 4, 2)])
def test_from_1_april_the_missing_value_is_stale(parameters, day):
    notices = freshness.freshness_notices(day, parameters)
    assert notices.upcoming == ()
    assert len(notices.stale) == 1 and notices.stale[0].startswith("css.plafond_b : la revalorisation du 2027-04-01")


def test_the_system_check_announces_the_missing_value_from_1_march(parameters, monkeypatch):
    monkeypatch.setattr(freshness, "default_parameters", lambda: parameters)
    monkeypatch.setattr(freshness, "today", lambda: date(2027, 3, 1))
    found = freshness.check_parameters_freshness()
    assert [(m.id, m.obj) for m in found] == [("aidsante.I002", "css.plafond_b")]
    monkeypatch.setattr(freshness, "today", lambda: date(2027, 4, 1))
    assert [(m.id, m.obj) for m in freshness.check_parameters_freshness()] == [("aidsante.W001", "css.plafond_b")]


@pytest.fixture
def on_day(parameters, monkeypatch):
    monkeypatch.setattr(freshness, "default_parameters", lambda: parameters)

    def set_day(day: date):
        monkeypatch.setattr(freshness, "today", lambda: day)
    return set_day


@pytest.mark.django_db
def test_managers_see_the_announcement_agents_do_not(client, manager, agent, on_day):
    on_day(date(2027, 2, 28))
    client.force_login(manager)
    assert "Revalorisation prochaine" not in client.get(reverse("dossiers:list")).content.decode()
    on_day(date(2027, 3, 1))
    html = client.get(reverse("dossiers:list")).content.decode()
    assert "Revalorisation prochaine" in html and "Plafond B" in html and "nouvelle valeur pas encore saisie" in html
    assert "Plafond A" in html and "nouvelle valeur saisie" in html
    assert 'role="alert"' not in html
    client.force_login(agent)
    assert "Revalorisation prochaine" not in client.get(reverse("dossiers:list")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("day", [date(2027, 4, 1), date(2027, 4, 2)])
def test_everyone_in_the_workspace_sees_the_banner_from_1_april(client, manager, agent, dossier, on_day, day):
    on_day(day)
    for user in (agent, manager):
        client.force_login(user)
        for url in (reverse("dossiers:list"), reverse("dossiers:detail", args=[dossier.public_id]), reverse("dossiers:todo")):
            html = client.get(url).content.decode()
            assert 'class="freshness freshness--stale" role="alert"' in html, url
            assert "Barèmes à mettre à jour" in html and "css.plafond_b" in html


@pytest.mark.django_db
def test_the_admin_shows_the_notices(client, django_user_model, on_day):
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "x" * 14)
    client.force_login(superuser)
    on_day(date(2027, 2, 28))
    assert "Revalorisation le" not in client.get(reverse("admin:index")).content.decode()
    on_day(date(2027, 3, 1))
    html = client.get(reverse("admin:index")).content.decode()
    assert '<li class="warning">Revalorisation le 1er avril 2027 : Plafond B (css.plafond_b)' in html
    assert '<li class="info">Revalorisation le 1er avril 2027 : Plafond A (css.plafond_a)' in html
    on_day(date(2027, 4, 2))
    html = client.get(reverse("admin:dossiers_dossier_changelist")).content.decode()
    assert '<li class="error">Barème à mettre à jour — css.plafond_b' in html
