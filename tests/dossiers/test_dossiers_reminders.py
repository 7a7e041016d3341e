"""Reminders: the daily ``send_reminders`` command on fixed clocks (each rule fires once, on the right day,
never for another organisation) and the « À faire » page listing the same reminders."""

from __future__ import annotations

import re
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from dossiers.models import ChecklistItemState, DocumentState, DossierStatus, GrantedCss, ReminderSent

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import RESULT, make_dossier

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def run(day: str) -> list:
    """Run the command on ``day``; the e-mails it sent."""
    before = len(mail.outbox)
    out = StringIO()
    call_command("send_reminders", date=day, base_url="https://aidsante.example", stdout=out)
    return mail.outbox[before:]


def uuids(message) -> set[str]:
    return set(re.findall(r"/dossiers/([0-9a-f-]{36})/", message.body))


def accepted(org, author, rights_end, *, presumption=None, css=GrantedCss.FREE, **extra):
    result = {**RESULT, "css": {**RESULT["css"], "presumption": presumption}}
    return make_dossier(org, author, status=DossierStatus.ACCEPTED, sent_on=date(2026, 5, 2),
                        decision_on=date(2026, 6, 20), decision_css=css, decision_rights_end=rights_end,
                        result=result, assigned_to=author, **extra)


# --- renewal ---------------------------------------------------------------------------------------------
def test_renewal_reminder_fires_once_when_the_window_opens(agent):
    org = agent.memberships.get().organisation
    dossier = accepted(org, agent, date(2027, 6, 30))  # window: from 28 February (4 months) to 30 April
    assert run("2027-02-27") == []
    sent = run("2027-02-28")
    assert len(sent) == 1 and sent[0].to == [agent.email]
    assert uuids(sent[0]) == {str(dossier.public_id)}
    assert "Renouvellement de la CSS à demander" in sent[0].body and "30 avril 2027" in sent[0].body
    assert "Dupont" not in sent[0].body and "Jeanne" not in sent[0].body and "Dupont" not in sent[0].subject
    assert run("2027-02-28") == [] and run("2027-03-01") == [] and run("2027-06-29") == []
    assert ReminderSent.objects.get().key == "2027-06-30"


def test_a_missed_day_still_sends_the_renewal_once(agent):
    """The command did not run on the opening day: the next run sends it."""
    org = agent.memberships.get().organisation
    accepted(org, agent, date(2027, 6, 30))
    assert len(run("2027-03-03")) == 1
    assert run("2027-03-04") == []


@pytest.mark.parametrize(("presumption", "css", "fires"), [
    ("rsa", GrantedCss.FREE, False),                 # renewed by the caisse
    ("aspa", GrantedCss.WITH_PARTICIPATION, False),  # renewed by the caisse
    ("rsa", GrantedCss.WITH_PARTICIPATION, True),
    (None, GrantedCss.WITH_PARTICIPATION, True),
])
def test_no_renewal_reminder_for_automatic_renewals(agent, presumption, css, fires):
    org = agent.memberships.get().organisation
    accepted(org, agent, date(2027, 6, 30), presumption=presumption, css=css)
    assert len(run("2027-03-01")) == (1 if fires else 0)


def test_renewal_reminder_stops_with_the_rights_and_skips_refused(agent):
    org = agent.memberships.get().organisation
    accepted(org, agent, date(2027, 2, 1))
    make_dossier(org, agent, status=DossierStatus.REFUSED, sent_on=date(2026, 5, 2), decision_on=date(2026, 6, 1),
                 decision_rights_end=date(2027, 6, 30), assigned_to=agent)
    assert run("2027-02-01") == []  # rights ended that day: too late to remind


# --- decision overdue --------------------------------------------------------------------------------------
def test_decision_overdue_fires_the_day_after_the_legal_delay(agent):
    org = agent.memberships.get().organisation
    dossier = make_dossier(org, agent, status=DossierStatus.SENT, sent_on=date(2027, 1, 15), assigned_to=agent)
    assert run("2027-03-15") == []  # two months: the caisse may still answer today
    sent = run("2027-03-16")
    assert len(sent) == 1 and uuids(sent[0]) == {str(dossier.public_id)}
    assert "Décision de la CPAM en retard" in sent[0].body
    assert run("2027-03-17") == []


# --- missing documents ------------------------------------------------------------------------------------
def test_missing_documents_fire_after_the_organisations_delay(agent):
    org = agent.memberships.get().organisation
    org.missing_documents_reminder_days = 30
    org.save()
    dossier = make_dossier(org, agent, result=RESULT, assigned_to=agent,
                           result_computed_at=datetime(2027, 1, 10, 12, tzinfo=PARIS))
    groups = dossier.checklist_groups()
    first = groups[0]["documents"][0]
    ChecklistItemState.objects.create(dossier=dossier, item_key=first["key"], document_index=0,
                                      document_text=first["text"], state=DocumentState.RECEIVED)
    assert run("2027-02-08") == []
    sent = run("2027-02-09")
    assert len(sent) == 1 and "3 pièces à réunir depuis le 10 janvier 2027" in sent[0].body
    assert run("2027-02-10") == []


def test_no_missing_documents_reminder_when_everything_is_in_or_sent(agent):
    org = agent.memberships.get().organisation
    computed = datetime(2027, 1, 10, 12, tzinfo=PARIS)
    complete = make_dossier(org, agent, result=RESULT, assigned_to=agent, result_computed_at=computed)
    for group in complete.checklist_groups():
        for doc in group["documents"]:
            ChecklistItemState.objects.create(dossier=complete, item_key=doc["key"], document_index=doc["index"],
                                              document_text=doc["text"], state=DocumentState.RECEIVED)
    make_dossier(org, agent, result=RESULT, assigned_to=agent, result_computed_at=computed,
                 status=DossierStatus.SENT, sent_on=date(2027, 1, 20))
    assert run("2027-03-01") == []


# --- tasks ------------------------------------------------------------------------------------------------
def test_task_due_goes_to_the_agent_it_is_given_to_once(agent, colleague):
    org = agent.memberships.get().organisation
    dossier = make_dossier(org, agent, assigned_to=agent)
    dossier.tasks.create(title="Rappeler la personne", due_on=date(2027, 2, 1), assigned_to=colleague)
    done = dossier.tasks.create(title="Déjà fait", due_on=date(2027, 1, 1), assigned_to=colleague)
    done.done_at = datetime(2027, 1, 2, tzinfo=PARIS)
    done.save()
    assert run("2027-01-31") == []
    sent = run("2027-02-01")
    assert [m.to for m in sent] == [[colleague.email]]
    assert "Tâche à faire" in sent[0].body and "Rappeler" not in sent[0].body  # a task's text stays in the app
    assert run("2027-02-02") == []


def test_unassigned_dossiers_remind_the_managers(agent, manager):
    org = agent.memberships.get().organisation
    make_dossier(org, agent, status=DossierStatus.SENT, sent_on=date(2027, 1, 15))
    sent = run("2027-03-16")
    assert [m.to for m in sent] == [[manager.email]]


def test_a_deactivated_agents_dossiers_go_to_the_managers(agent, manager):
    org = agent.memberships.get().organisation
    make_dossier(org, agent, status=DossierStatus.SENT, sent_on=date(2027, 1, 15), assigned_to=agent)
    agent.memberships.update(is_active=False)
    assert [m.to for m in run("2027-03-16")] == [[manager.email]]


# --- organisations ---------------------------------------------------------------------------------------
def test_reminders_never_cross_organisations(agent, manager, outsider, other_org):
    org = agent.memberships.get().organisation
    mine = accepted(org, agent, date(2027, 6, 30))
    theirs = accepted(other_org, outsider, date(2027, 6, 30))
    # an agent of both organisations is given nothing of the other one's by this
    from dossiers.models import Membership
    Membership.objects.create(user=agent, organisation=other_org)
    sent = run("2027-03-01")
    by_recipient = {m.to[0]: uuids(m) for m in sent}
    assert by_recipient == {agent.email: {str(mine.public_id)}, outsider.email: {str(theirs.public_id)}}
    assert {m.subject for m in sent} == {
        "aidsante — 1 rappel pour CCAS de Testville", "aidsante — 1 rappel pour CIAS d'Ailleurs",
    }


def test_dry_run_sends_and_records_nothing(agent):
    org = agent.memberships.get().organisation
    accepted(org, agent, date(2027, 6, 30))
    out = StringIO()
    call_command("send_reminders", date="2027-03-01", dry_run=True, stdout=out)
    assert "seraient envoyés : 1" in out.getvalue()
    assert mail.outbox == [] and not ReminderSent.objects.exists()
    assert len(run("2027-03-01")) == 1


def test_a_bad_date_is_refused():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="AAAA-MM-JJ"):
        call_command("send_reminders", date="01/03/2027")


# --- « À faire » page ------------------------------------------------------------------------------------
@pytest.fixture
def clock(monkeypatch):
    def set_day(day: date):
        monkeypatch.setattr("dossiers.views.caseload.today", lambda: day)
    return set_day


def test_todo_page_lists_the_agents_reminders_with_links(client, agent, colleague, outsider, other_org, clock):
    org = agent.memberships.get().organisation
    renewal = accepted(org, agent, date(2027, 6, 30))
    overdue = make_dossier(org, agent, last_name="Martin", status=DossierStatus.SENT, sent_on=date(2027, 1, 15),
                           assigned_to=agent)
    elsewhere = make_dossier(org, colleague, last_name="Durand", status=DossierStatus.SENT,
                             sent_on=date(2027, 1, 15), assigned_to=colleague)
    theirs = accepted(other_org, outsider, date(2027, 6, 30))
    task = renewal.tasks.create(title="Appeler la CPAM", due_on=date(2027, 3, 1), assigned_to=agent)
    client.force_login(agent)

    clock(date(2027, 2, 27))
    assert "Rien à faire aujourd'hui" in client.get(reverse("dossiers:todo")).content.decode()

    clock(date(2027, 3, 16))
    html = client.get(reverse("dossiers:todo")).content.decode()
    assert reverse("dossiers:detail", args=[renewal.public_id]) in html
    assert reverse("dossiers:detail", args=[overdue.public_id]) in html
    assert reverse("dossiers:tasks", args=[renewal.public_id]) in html and "Appeler la CPAM" in html
    assert str(elsewhere.public_id) not in html and str(theirs.public_id) not in html
    assert "3 rappels" in html

    client.post(reverse("dossiers:task_done", args=[renewal.public_id, task.pk]))
    assert "Appeler la CPAM" not in client.get(reverse("dossiers:todo")).content.decode()


def test_managers_may_see_the_whole_teams_reminders(client, agent, manager, colleague, clock):
    org = agent.memberships.get().organisation
    overdue = make_dossier(org, colleague, status=DossierStatus.SENT, sent_on=date(2027, 1, 15), assigned_to=colleague)
    clock(date(2027, 3, 16))
    client.force_login(manager)
    assert str(overdue.public_id) not in client.get(reverse("dossiers:todo")).content.decode()
    html = client.get(reverse("dossiers:todo") + "?equipe=1").content.decode()
    assert str(overdue.public_id) in html and "Dominique" in html
    client.force_login(agent)  # an agent asking for the team's sees their own
    assert str(overdue.public_id) not in client.get(reverse("dossiers:todo") + "?equipe=1").content.decode()
