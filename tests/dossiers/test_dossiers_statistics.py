"""The managers' statistics and their CSV, against a hand-counted set of dossiers (January–March 2027)."""

from __future__ import annotations

import csv
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from dossiers.models import Dossier, DossierStatus, GrantedCss
from dossiers.statistics import compute

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import make_dossier

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
START, END, TODAY = date(2027, 1, 1), date(2027, 3, 31), date(2027, 3, 31)


def result(*keys):
    return {"css": {"status": "free"}, "checklist": [{"key": key, "documents": []} for key in keys]}


def add(org, author, created, *, assigned=None, keys=(), **fields):
    dossier = make_dossier(org, author, assigned_to=assigned, result=result(*keys) if keys else None, **fields)
    Dossier.objects.filter(pk=dossier.pk).update(created_at=datetime(*created, 10, tzinfo=PARIS))
    return dossier


@pytest.fixture
def board(org, other_org, agent, colleague, outsider):
    """Six dossiers of the organisation, one of another; the comments give what each one counts for."""
    accepted, refused, sent = DossierStatus.ACCEPTED, DossierStatus.REFUSED, DossierStatus.SENT
    add(org, agent, (2027, 1, 5), assigned=agent, keys=["css_request"], status=accepted, sent_on=date(2027, 1, 10),
        decision_on=date(2027, 2, 9), decision_css=GrantedCss.FREE, decision_rights_end=date(2028, 2, 28))   # A: 30 d
    add(org, agent, (2027, 1, 20), assigned=colleague, keys=["css_request", "cpam_aid_request"], status=accepted,
        sent_on=date(2027, 2, 1), decision_on=date(2027, 3, 3), decision_css=GrantedCss.WITH_PARTICIPATION,
        decision_monthly_participation="21.50", decision_rights_end=date(2027, 6, 30))                    # B: 30 d
    add(org, agent, (2027, 2, 14), assigned=agent, keys=["css_request"], status=refused, sent_on=date(2027, 2, 15),
        decision_on=date(2027, 3, 27))                                                                      # C: 40 d
    add(org, agent, (2027, 3, 2), assigned=agent, keys=["help_questionnaire"], status=sent, sent_on=date(2027, 3, 5))
    add(org, agent, (2027, 3, 10))                                                                          # E: draft
    add(org, agent, (2026, 12, 15), assigned=agent, keys=["css_renewal"], status=accepted, sent_on=date(2026, 12, 20),
        decision_on=date(2027, 1, 19), decision_css=GrantedCss.FREE, decision_rights_end=date(2027, 4, 30))  # F: 30 d
    add(other_org, outsider, (2027, 2, 1), keys=["css_request"], status=accepted, sent_on=date(2027, 2, 1),
        decision_on=date(2027, 2, 2), decision_css=GrantedCss.FREE, decision_rights_end=date(2027, 5, 1))


def test_figures_of_the_whole_team(board, org):
    stats = compute(org, START, END, TODAY)
    assert stats.dossiers_created == 5                                   # A B C D E
    assert dict(stats.by_status) == {"Brouillon": 1, "Prêt à envoyer": 0, "Envoyé à la CPAM": 1,
                                     "Décision reçue : accord": 2, "Décision reçue : refus": 1,
                                     "Décision reçue : autre": 0}
    assert [(m["label"], m["created"], m["sent"], m["decisions"]) for m in stats.by_month] == [
        ("Janvier 2027", 2, 1, 1), ("Février 2027", 1, 2, 1), ("Mars 2027", 2, 1, 2),
    ]
    assert stats.decisions == 4                                          # F A B C
    assert dict(stats.granted) == {"CSS sans participation": 2, "CSS avec participation": 1}
    assert stats.average_decision_days == 32.5                           # (30 + 30 + 30 + 40) / 4
    assert stats.renewals_due == 2                                       # B (30 June), F (30 April)
    assert [value for _label, value in stats.aids] == [3, 0, 1, 1]       # CSS, renewal, CPAM, Help


def test_figures_of_one_agent(board, org, agent):
    stats = compute(org, START, END, TODAY, agent=agent)
    assert stats.dossiers_created == 3                                   # A C D
    assert stats.decisions == 3                                          # F A C
    assert stats.average_decision_days == 33.3                           # (30 + 30 + 40) / 3
    assert dict(stats.granted) == {"CSS sans participation": 2, "CSS avec participation": 0}
    assert stats.renewals_due == 1
    assert [value for _label, value in stats.aids] == [2, 0, 0, 1]


def test_no_decision_gives_no_average(org):
    assert compute(org, START, END, TODAY).average_decision_days is None


@pytest.fixture
def manager_client(client, manager, monkeypatch):
    monkeypatch.setattr("dossiers.views.caseload.today", lambda: TODAY)
    client.force_login(manager)
    return client


PERIOD = {"start": "2027-01-01", "end": "2027-03-31"}


def test_statistics_page_draws_each_chart_with_its_table(board, manager_client):
    response = manager_client.get(reverse("dossiers:statistics"), PERIOD)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<svg") == 4 and html.count('role="img"') == 4
    assert html.count('class="chart__table"') == 4
    assert "style=" not in html and "<script" not in html                # the strict CSP allows neither
    assert "32,5 jours" in html
    assert "Dupont" not in html and "Jeanne" not in html


def test_the_default_period_is_the_last_twelve_months(board, manager_client):
    stats = manager_client.get(reverse("dossiers:statistics")).context["stats"]
    assert (stats.start, stats.end) == (date(2026, 4, 1), TODAY)
    assert stats.dossiers_created == 6 and len(stats.by_month) == 12


def test_a_reversed_period_is_refused_next_to_the_field(board, manager_client):
    response = manager_client.get(reverse("dossiers:statistics"), {"start": "2027-03-01", "end": "2027-01-01"})
    assert response.status_code == 200 and response.context["stats"] is None
    assert "La fin de la période doit suivre son début." in response.content.decode()
    assert manager_client.get(reverse("dossiers:statistics_csv"), {"start": "2027-03-01", "end": "2027-01-01"}).status_code == 400


def rows(response) -> list[list[str]]:
    return list(csv.reader(StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_statistics_csv_holds_the_hand_counted_figures(board, manager_client, colleague):
    response = manager_client.get(reverse("dossiers:statistics_csv"), PERIOD)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="statistiques-2027-01-01-2027-03-31.csv"'
    table = rows(response)
    assert table[0] == ["rubrique", "libellé", "valeur"]
    assert ["total", "dossiers créés", "5"] in table
    assert ["statut actuel", "Décision reçue : accord", "2"] in table
    assert ["créés par mois", "2027-03", "2"] in table and ["décisions par mois", "2027-03", "2"] in table
    assert ["droit accordé", "CSS avec participation", "1"] in table
    assert ["décisions", "délai moyen (jours)", "32.5"] in table
    assert ["renouvellements", "droits finissant dans les 4 mois", "2"] in table
    assert ["aides demandées", "Aide financière de la CPAM (action sanitaire et sociale)", "1"] in table
    agent_only = rows(manager_client.get(reverse("dossiers:statistics_csv"), {**PERIOD, "agent": colleague.pk}))
    assert ["total", "dossiers créés", "1"] in agent_only


def test_dossier_list_csv_has_no_personal_data(board, manager_client, org):
    table = rows(manager_client.get(reverse("dossiers:dossiers_csv"), PERIOD))
    assert table[0] == ["dossier", "statut", "créé le", "envoyé le", "décision le", "droit accordé",
                        "participation mensuelle", "fin des droits"]
    ids = {str(d.public_id) for d in Dossier.objects.filter(organisation=org, created_at__gte=datetime(2027, 1, 1, tzinfo=PARIS))}
    assert {row[0] for row in table[1:]} == ids and len(ids) == 5
    assert ["Décision reçue : accord", "2027-01-20", "2027-02-01", "2027-03-03", "CSS avec participation", "21.50",
            "2027-06-30"] in [row[1:] for row in table]
    body = "\n".join(";".join(row) for row in table)
    for personal in ("Dupont", "Jeanne", "06 12", "camille", "Camille"):
        assert personal not in body


def test_statistics_and_exports_are_for_managers_only(board, client, agent):
    client.force_login(agent)
    for name in ("dossiers:statistics", "dossiers:statistics_csv", "dossiers:dossiers_csv"):
        assert client.get(reverse(name)).status_code == 403
