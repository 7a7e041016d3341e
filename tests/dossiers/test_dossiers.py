"""The CCAS workspace: creation, consent before data, list and search, notes, checklist, status, the
hand-off of an anonymous questionnaire, concurrent edits, export and erasure, the audit log, the admin."""

from __future__ import annotations

import html
import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.models import (
    CURRENT_CONSENT_VERSION,
    AuditAction,
    AuditEntry,
    ChecklistItemState,
    DocumentState,
    Dossier,
    DossierStatus,
    Note,
    add_months,
)
from eligibility.models import Case
from eligibility.rules.reasons import format_date

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import RESULT, make_dossier

pytestmark = pytest.mark.django_db


def url(name, dossier, **kwargs):
    return reverse(f"dossiers:{name}", kwargs={"public_id": dossier.public_id, **kwargs})


def assert_no_personal_data_in_audit(*values):
    for entry in AuditEntry.objects.all():
        text = " ".join(str(v) for v in (entry.dossier_public_id, entry.action, entry.detail, entry.actor_username))
        for value in values:
            assert value not in text


# --- creation and consent ------------------------------------------------------------------------------
def test_create_dossier_then_consent_page(agent_client, org, agent):
    response = agent_client.post(reverse("dossiers:create"), {
        "last_name": "Martin", "first_name": "Paul", "birth_date": "1960-03-04", "phone": "", "email": "", "address": "",
    })
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("consent", dossier)
    assert dossier.organisation == org
    assert dossier.created_by == agent
    assert dossier.birth_date == date(1960, 3, 4)
    assert not dossier.has_consent
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.organisation, entry.dossier_public_id) == (
        AuditAction.CREATED, agent, org, dossier.public_id)


def test_birth_date_is_optional_but_not_in_the_future(agent_client):
    response = agent_client.post(reverse("dossiers:create"), {"last_name": "A", "first_name": "B"})
    assert response.status_code == 302
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = agent_client.post(reverse("dossiers:create"), {"last_name": "A", "first_name": "B", "birth_date": future})
    assert response.status_code == 200
    assert "ne peut pas être dans le futur" in response.content.decode()


def test_birth_date_with_a_mistyped_year_is_refused(agent_client):
    response = agent_client.post(reverse("dossiers:create"), {"last_name": "A", "first_name": "B", "birth_date": "0001-01-01"})
    assert response.status_code == 200
    assert "vérifiez l'année" in html.unescape(response.content.decode())
    assert not Dossier.objects.exists()


def test_no_data_before_consent(agent_client, org, agent):
    dossier = make_dossier(org, agent, consent=False)
    Case.objects.create(resume_code="ABCDEFGHJK", answers={"x": 1})
    posts = [
        ("notes", {"text": "une note"}),
        ("checklist", {"doc-0-0": "received"}),
        ("status", {"status": "ready", "version": dossier.status_version}),
        ("import", {"resume_code": "ABCDEFGHJK"}),
    ]
    for name, data in posts:
        for response in (agent_client.get(url(name, dossier)), agent_client.post(url(name, dossier), data)):
            assert response.status_code == 302, name
            assert response["Location"] == url("consent", dossier), name
    dossier.refresh_from_db()
    assert dossier.case is None
    assert dossier.status == DossierStatus.DRAFT
    assert not Note.objects.exists()
    assert not ChecklistItemState.objects.exists()
    assert Case.objects.get().closed_at is None
    detail = agent_client.get(url("detail", dossier)).content.decode()
    assert "Recueillir le consentement" in detail
    assert "Remplir le questionnaire" not in detail
    assert url("notes", dossier) not in detail


def test_record_consent(agent_client, org, agent):
    dossier = make_dossier(org, agent, consent=False)
    page = agent_client.get(url("consent", dossier)).content.decode()
    assert "Texte à présenter (version " + CURRENT_CONSENT_VERSION in page
    assert "Seuls les agents de notre service" in page
    response = agent_client.post(url("consent", dossier), {
        "given_on": timezone.localdate().isoformat(), "text_version": CURRENT_CONSENT_VERSION,
    })
    assert response.status_code == 200
    assert "Cochez la case" in response.content.decode()
    response = agent_client.post(url("consent", dossier), {
        "given_on": timezone.localdate().isoformat(), "text_version": CURRENT_CONSENT_VERSION, "confirmed": "on",
    })
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.has_consent
    assert dossier.consent_given_on == timezone.localdate()
    assert dossier.consent_recorded_by == agent
    assert dossier.consent_text_version == CURRENT_CONSENT_VERSION
    assert AuditEntry.objects.filter(action=AuditAction.CONSENT, dossier_public_id=dossier.public_id).count() == 1
    # A second post does not overwrite the recorded consent.
    agent_client.post(url("consent", dossier), {"given_on": "2020-01-01", "text_version": CURRENT_CONSENT_VERSION,
                                                "confirmed": "on"})
    dossier.refresh_from_db()
    assert dossier.consent_given_on == timezone.localdate()


def test_consent_refuses_an_outdated_text_or_a_future_date(agent_client, org, agent):
    dossier = make_dossier(org, agent, consent=False)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    for data in ({"given_on": tomorrow, "text_version": CURRENT_CONSENT_VERSION, "confirmed": "on"},
                 {"given_on": "2026-01-01", "text_version": "2001-01", "confirmed": "on"}):
        assert agent_client.post(url("consent", dossier), data).status_code == 200
    dossier.refresh_from_db()
    assert not dossier.has_consent


# --- list, search, filters -----------------------------------------------------------------------------
def test_list_search_is_posted_and_kept_out_of_the_url(agent_client, org, agent, other_org, outsider):
    make_dossier(org, agent, last_name="Dupont", first_name="Jeanne")
    make_dossier(org, agent, last_name="Durand", first_name="Ali")
    make_dossier(other_org, outsider, last_name="Dupont", first_name="Autre")
    response = agent_client.post(reverse("dossiers:list"), {"q": "dupont"})
    assert response.status_code == 302
    assert "dupont" not in response["Location"].lower()
    html = agent_client.get(response["Location"]).content.decode()
    assert "Jeanne" in html and "Ali" not in html and "Autre" not in html
    html = agent_client.get(reverse("dossiers:list")).content.decode()
    assert "Jeanne" in html  # the search is kept in the session
    agent_client.post(reverse("dossiers:list"), {"q": "", "clear": "1"})
    html = agent_client.get(reverse("dossiers:list")).content.decode()
    assert "Jeanne" in html and "Ali" in html and "Autre" not in html


def test_list_filters_by_status_and_renewal(agent_client, org, agent):
    today = timezone.localdate()
    make_dossier(org, agent, last_name="Brouillon", status=DossierStatus.DRAFT)
    make_dossier(org, agent, last_name="Envoye", status=DossierStatus.SENT, sent_on=today)
    make_dossier(org, agent, last_name="Bientot", status=DossierStatus.ACCEPTED, decision_rights_end=add_months(today, 3))
    make_dossier(org, agent, last_name="Tranquille", status=DossierStatus.ACCEPTED, decision_rights_end=add_months(today, 8))
    html = agent_client.get(reverse("dossiers:list"), {"status": "sent"}).content.decode()
    assert "ENVOYE" in html and "BROUILLON" not in html and "BIENTOT" not in html
    html = agent_client.get(reverse("dossiers:list"), {"renewal": "on"}).content.decode()
    assert "BIENTOT" in html and "TRANQUILLE" not in html and "ENVOYE" not in html
    assert "1 dossier avec des droits à renouveler" in html


def test_list_is_paginated_by_20(agent_client, org, agent):
    for i in range(45):
        make_dossier(org, agent, last_name=f"Nom{i:02d}")
    first = agent_client.get(reverse("dossiers:list")).context["page"]
    assert len(first.object_list) == 20
    assert first.paginator.num_pages == 3
    third = agent_client.get(reverse("dossiers:list"), {"page": 3}).context["page"]
    assert len(third.object_list) == 5


def test_detail_shows_the_dossier_and_logs_the_view(agent_client, dossier, agent):
    html = agent_client.get(url("detail", dossier)).content.decode()
    assert "Jeanne" in html and "DUPONT" in html
    assert "CSS avec participation" in html or "avec participation" in html
    assert "Formulaire S3711" in html
    assert "Rendez-vous pris" in html
    assert AuditEntry.objects.filter(action=AuditAction.VIEWED, actor=agent).count() == 1


def test_detail_prints_amounts_and_dates_as_the_rules_and_the_pdf_do(agent_client, dossier):
    Dossier.objects.filter(pk=dossier.pk).update(decision_css="with_participation", decision_monthly_participation="1234.50")
    page = agent_client.get(url("detail", dossier)).content.decode()
    assert "pour une demande datée du 22 novembre 2026" in page
    assert "Participation estimée : <span class=\"amount\">28\u00a0€</span>" in page
    assert "<span class=\"amount\">1\u202f234,50\u00a0€</span> par mois" in page


def test_pages_survive_a_deleted_author_or_consent_recorder(agent_client, org, agent, colleague):
    """Authors are kept with SET_NULL: once the account is deleted, the pages name an "Ancien agent"."""
    dossier = make_dossier(org, agent)
    Dossier.objects.filter(pk=dossier.pk).update(consent_recorded_by=colleague)
    dossier.notes.create(author=colleague, updated_by=colleague, text="Note d'un agent parti.")
    colleague.delete()
    for name, expected in [("detail", "Ancien agent"), ("notes", "Ancien agent"), ("consent", "par un agent")]:
        response = agent_client.get(url(name, dossier))
        assert response.status_code == 200
        assert expected in response.content.decode()


# --- notes, checklist, status --------------------------------------------------------------------------
def test_add_note(agent_client, dossier, agent):
    response = agent_client.post(url("notes", dossier), {"text": "Appel à la CPAM le 3 décembre."})
    assert response.status_code == 302
    note = dossier.notes.get(text__startswith="Appel")
    assert note.author == agent
    assert "Appel à la CPAM" in agent_client.get(url("notes", dossier)).content.decode()
    assert AuditEntry.objects.filter(action=AuditAction.CHANGED, detail="notes").exists()


def test_checklist_states_are_kept_per_item_key_and_document(agent_client, dossier, agent):
    page = agent_client.get(url("checklist", dossier)).content.decode()
    assert "Formulaire S3711" in page and "Facture détaillée" in page
    response = agent_client.post(url("checklist", dossier), {
        "doc-0-0": "received", "doc-0-1": "sent", "doc-0-2": "to_gather", "doc-1-0": "not_applicable",
    })
    assert response.status_code == 302
    states = {(s.item_key, s.document_index): s.state for s in ChecklistItemState.objects.all()}
    assert states[("css_request", 0)] == DocumentState.RECEIVED
    assert states[("css_request", 1)] == DocumentState.SENT
    assert states[("hopital-facture-de-sejour", 0)] == DocumentState.NOT_APPLICABLE
    assert ChecklistItemState.objects.get(item_key="css_request", document_index=0).document_text == "Formulaire S3711"
    html = agent_client.get(url("detail", dossier)).content.decode()
    assert "Reçue" in html and "Envoyée" in html and "Sans objet" in html
    # A recomputed checklist whose document changed does not inherit the old state.
    result = json.loads(json.dumps(RESULT))
    result["checklist"][0]["documents"][0] = "Formulaire S3711 (nouvelle version)"
    Dossier.objects.filter(pk=dossier.pk).update(result=result)
    groups = Dossier.objects.get(pk=dossier.pk).checklist_groups()
    assert groups[0]["documents"][0]["state"] == DocumentState.TO_GATHER
    assert groups[0]["documents"][1]["state"] == DocumentState.SENT


def test_checklist_refuses_unknown_states(agent_client, dossier):
    response = agent_client.post(url("checklist", dossier), {"doc-0-0": "lost", "doc-0-1": "sent", "doc-0-2": "sent",
                                                             "doc-1-0": "sent"})
    assert response.status_code == 200
    assert not ChecklistItemState.objects.exists()


def test_status_with_decision_figures(agent_client, dossier, agent):
    form = {"status": "accepted", "sent_on": "2026-09-01", "decision_on": "2026-10-15", "decision_css": "with_participation",
            "decision_monthly_participation": "24.50", "decision_rights_start": "2026-11-01",
            "decision_rights_end": "2027-10-31", "version": dossier.status_version}
    response = agent_client.post(url("status", dossier), {**form, "decision_monthly_participation": ""})
    assert response.status_code == 200
    assert "Indiquez la participation mensuelle" in response.content.decode()
    response = agent_client.post(url("status", dossier), form)
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.ACCEPTED
    assert str(dossier.decision_monthly_participation) == "24.50"
    assert dossier.decision_rights_end == date(2027, 10, 31)
    assert dossier.status_changed_by == agent
    assert dossier.status_version == 2


def test_status_sent_needs_a_date(agent_client, dossier):
    response = agent_client.post(url("status", dossier), {"status": "sent", "version": dossier.status_version})
    assert response.status_code == 200
    assert "Indiquez la date d'envoi" in html.unescape(response.content.decode())


def test_status_refuses_future_events_a_decision_before_sending_and_unreadable_amounts(agent_client, dossier):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    form = {"status": "accepted", "sent_on": "2026-09-01", "decision_on": "2026-10-15", "decision_css": "with_participation",
            "decision_monthly_participation": "24.50", "decision_rights_end": "2027-10-31",
            "version": dossier.status_version}
    cases = [
        ({"sent_on": tomorrow, "decision_on": tomorrow}, "sent_on", "La date d'envoi ne peut pas être dans le futur."),
        ({"decision_on": tomorrow}, "decision_on", "La date de la décision ne peut pas être dans le futur."),
        ({"decision_on": "2026-08-31"}, "decision_on", "La décision ne peut pas précéder l'envoi à la CPAM."),
        ({"decision_monthly_participation": "-5"}, "decision_monthly_participation", "Le montant ne peut pas être négatif."),
    ]
    for change, field, message in cases:
        response = agent_client.post(url("status", dossier), {**form, **change})
        assert response.status_code == 200
        assert message in response.context["form"].errors[field]
        assert message in html.unescape(response.content.decode())
    response = agent_client.post(url("status", dossier), {**form, "decision_monthly_participation": "douze"})
    assert response.context["form"].errors["decision_monthly_participation"] == ["Saisissez un nombre."]
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DRAFT


# --- concurrent edits ----------------------------------------------------------------------------------
def test_second_concurrent_save_of_the_identity_is_refused_and_both_versions_shown(client, dossier, agent, colleague):
    client.force_login(agent)
    form_a = client.get(url("edit", dossier)).context["form"]
    version = form_a.initial["version"]
    from django.test import Client

    other = Client()
    other.force_login(colleague)
    first = other.post(url("edit", dossier), {"last_name": "Dupont-Morel", "first_name": "Jeanne",
                                              "phone": "07 00 00 00 01", "version": version})
    assert first.status_code == 302
    second = client.post(url("edit", dossier), {"last_name": "Dupont", "first_name": "Jeanne-Marie",
                                                "phone": "06 99 99 99 99", "version": version})
    assert second.status_code == 409
    html = second.content.decode()
    assert "Enregistrement refusé" in html
    assert "Dupont-Morel" in html and "07 00 00 00 01" in html      # the other agent's saved version
    assert "Jeanne-Marie" in html and "06 99 99 99 99" in html      # the refused input, still in the form
    assert "Dominique" in html                                       # who saved it
    dossier.refresh_from_db()
    assert (dossier.last_name, dossier.first_name, dossier.phone) == ("Dupont-Morel", "Jeanne", "07 00 00 00 01")
    # The re-shown form carries the saved version: saving again is a deliberate replacement.
    resubmit = second.context["form"].data
    assert resubmit["version"] == str(dossier.version)
    third = client.post(url("edit", dossier), resubmit)
    assert third.status_code == 302
    dossier.refresh_from_db()
    assert dossier.first_name == "Jeanne-Marie"


def test_concurrent_note_edits(client, dossier, agent, colleague):
    note = dossier.notes.get()
    from django.test import Client

    other = Client()
    other.force_login(colleague)
    client.force_login(agent)
    assert other.post(url("note_edit", dossier, note_id=note.pk), {"text": "Version B", "version": note.version}).status_code == 302
    response = client.post(url("note_edit", dossier, note_id=note.pk), {"text": "Version A", "version": note.version})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Version B" in html and "Version A" in html
    note.refresh_from_db()
    assert note.text == "Version B"
    assert note.updated_by == colleague


def test_concurrent_status_changes(client, dossier, agent, colleague):
    from django.test import Client

    other = Client()
    other.force_login(colleague)
    client.force_login(agent)
    version = dossier.status_version
    assert other.post(url("status", dossier), {"status": "sent", "sent_on": "2026-11-20", "version": version}).status_code == 302
    response = client.post(url("status", dossier), {"status": "ready", "version": version})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Envoyé à la CPAM" in html and "Enregistrement refusé" in html
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.SENT


def test_edit_without_version_is_refused(agent_client, dossier):
    response = agent_client.post(url("edit", dossier), {"last_name": "X", "first_name": "Y"})
    assert response.status_code == 409
    dossier.refresh_from_db()
    assert dossier.last_name == "Dupont"


# --- hand-off ------------------------------------------------------------------------------------------
def test_import_by_resume_code_closes_the_anonymous_case(agent_client, org, agent):
    dossier = make_dossier(org, agent)
    answers = {"step_data": {"household": {"household-adults": ["2"]}}, "step": "resources"}
    case = Case.objects.create(resume_code="ABCDEFGHJK", answers=answers, schema_version=1)
    response = agent_client.post(url("import", dossier), {"resume_code": "abcd-efgh jk"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    case.refresh_from_db()
    assert dossier.case == case
    assert case.answers == answers                       # nothing typed twice
    assert case.closed_at is not None                     # closed to anonymous edits
    assert case.resume_code is None                       # the code no longer opens anything
    entry = AuditEntry.objects.get(action=AuditAction.IMPORTED)
    assert entry.dossier_public_id == dossier.public_id
    # The same code cannot be imported again, into this or another dossier.
    again = make_dossier(org, agent, last_name="Autre")
    response = agent_client.post(url("import", again), {"resume_code": "ABCDEFGHJK"})
    assert response.status_code == 200
    assert "Aucun questionnaire en cours ne correspond" in response.content.decode()


def test_import_refuses_unknown_expired_or_owned_cases(agent_client, org, agent):
    dossier = make_dossier(org, agent)
    Case.objects.create(resume_code="EXPIREDAAA", last_activity_at=timezone.now() - timedelta(days=31))
    Case.objects.create(resume_code="CLOSEDAAAA", closed_at=timezone.now())
    for code in ("UNKNOWNAAA", "EXPIREDAAA", "CLOSEDAAAA"):
        response = agent_client.post(url("import", dossier), {"resume_code": code})
        assert response.status_code == 200, code
        assert "Aucun questionnaire en cours ne correspond" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.case is None


def test_import_replaces_a_questionnaire_opened_but_not_answered(agent_client, org, agent):
    dossier = make_dossier(org, agent)
    agent_client.get(reverse("dossiers:questionnaire:case", kwargs={"public_id": dossier.public_id}))
    agent_client.get(reverse("dossiers:questionnaire:step", kwargs={"public_id": dossier.public_id, "step": "residence"}))
    dossier.refresh_from_db()
    empty = dossier.case
    assert empty is not None and not dossier.has_answers
    assert "Importer avec un code de reprise" in agent_client.get(url("detail", dossier)).content.decode()
    case = Case.objects.create(resume_code="ABCDEFGHJK", answers={"step_data": {"residence": {}}})
    assert agent_client.post(url("import", dossier), {"resume_code": "ABCDEFGHJK"}).status_code == 302
    dossier.refresh_from_db()
    assert dossier.case == case
    assert not Case.objects.filter(pk=empty.pk).exists()


def test_import_refused_into_a_dossier_with_answers(agent_client, dossier):
    case = Case.objects.create(resume_code="ABCDEFGHJK", answers={"x": 1})
    response = agent_client.post(url("import", dossier), {"resume_code": "ABCDEFGHJK"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.closed_at is None
    dossier.refresh_from_db()
    assert dossier.case != case


# --- export, erase, audit ------------------------------------------------------------------------------
def test_export_and_erasure_are_refused_to_agents(agent_client, dossier):
    for name in ("export", "erase"):
        response = agent_client.get(url(name, dossier))
        assert response.status_code == 403
        assert "réservée aux responsables" in response.content.decode()
    assert agent_client.post(url("erase", dossier)).status_code == 403
    assert Dossier.objects.filter(pk=dossier.pk).exists()
    assert not AuditEntry.objects.filter(action__in=[AuditAction.EXPORTED, AuditAction.ERASED]).exists()
    detail = agent_client.get(url("detail", dossier)).content.decode()
    assert url("export", dossier) not in detail and url("erase", dossier) not in detail


def test_export_is_a_json_download_of_answers_and_results(client, dossier, manager):
    client.force_login(manager)
    agent = manager
    response = client.get(url("export", dossier))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == f'attachment; filename="dossier-{dossier.public_id}.json"'
    assert "Dupont" not in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["answers"] == dossier.case.answers
    assert data["results"] == RESULT
    assert data["applicant"]["last_name"] == "Dupont"
    assert data["consent"]["text_version"] == CURRENT_CONSENT_VERSION
    assert data["notes"][0]["text"] == "Rendez-vous pris pour le dépôt."
    entry = AuditEntry.objects.get(action=AuditAction.EXPORTED)
    assert entry.actor == agent
    assert_no_personal_data_in_audit("Dupont", "Jeanne", "06 12")


def test_erase_on_request_deletes_everything_but_an_anonymous_audit_entry(client, dossier, manager, org):
    client.force_login(manager)
    agent, agent_client = manager, client
    case_pk = dossier.case.pk
    confirm = agent_client.get(url("erase", dossier))
    assert confirm.status_code == 200
    assert "Effacer définitivement" in confirm.content.decode()
    assert Dossier.objects.filter(pk=dossier.pk).exists()          # a GET never erases
    response = agent_client.post(url("erase", dossier))
    assert response.status_code == 302
    assert not Dossier.objects.filter(pk=dossier.pk).exists()
    assert not Case.objects.filter(pk=case_pk).exists()
    assert not Note.objects.exists()
    entry = AuditEntry.objects.get(action=AuditAction.ERASED)
    assert (entry.dossier_public_id, entry.actor, entry.organisation) == (dossier.public_id, agent, org)
    assert_no_personal_data_in_audit("Dupont", "Jeanne", "Rendez-vous")
    assert agent_client.get(url("detail", dossier)).status_code == 404


def test_audit_page_is_for_managers_only(client, dossier, agent, manager, outsider):
    client.force_login(agent)
    client.get(url("detail", dossier))
    assert client.get(url("export", dossier)).status_code == 403
    assert client.get(reverse("dossiers:audit")).status_code == 403
    client.force_login(manager)
    client.get(url("export", dossier))
    response = client.get(reverse("dossiers:audit"))
    assert response.status_code == 200
    html = response.content.decode()
    assert str(dossier.public_id) in html
    assert "Consultation" in html and "Export (copie des données)" in html
    assert "Dupont" not in html and "Jeanne" not in html
    filtered = client.get(reverse("dossiers:audit"), {"action": "exported"}).context["page"]
    assert [e.action for e in filtered.object_list] == [AuditAction.EXPORTED]
    client.force_login(outsider)
    assert client.get(reverse("dossiers:audit")).status_code == 403


def test_audit_entries_carry_no_applicant_data(agent_client, org, agent, manager):
    agent_client.post(reverse("dossiers:create"), {"last_name": "Zanzibar", "first_name": "Odile", "phone": "0611223344"})
    dossier = Dossier.objects.get()
    agent_client.post(url("consent", dossier), {"given_on": timezone.localdate().isoformat(),
                                                "text_version": CURRENT_CONSENT_VERSION, "confirmed": "on"})
    agent_client.post(url("notes", dossier), {"text": "Odile a un secret"})
    agent_client.get(url("detail", dossier))
    agent_client.force_login(manager)
    agent_client.get(url("export", dossier))
    agent_client.post(url("erase", dossier))
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"created", "consent", "changed", "viewed", "exported", "erased"} <= actions
    for field in AuditEntry._meta.get_fields():
        assert field.name not in {"answers", "last_name", "first_name", "text"}
    assert_no_personal_data_in_audit("Zanzibar", "Odile", "0611223344", "secret")


# --- admin ---------------------------------------------------------------------------------------------
def test_admin_lists_no_applicant_data(client, dossier, django_user_model):
    from django.contrib import admin

    from dossiers.models import Dossier as DossierModel

    model_admin = admin.site._registry[DossierModel]
    exposed = set(model_admin.list_display) | set(model_admin.fields) | set(model_admin.search_fields)
    assert not exposed & {"last_name", "first_name", "phone", "email", "address", "birth_date", "result", "case"}
    assert Case not in admin.site._registry or "answers" not in admin.site._registry[Case].list_display
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "x" * 14)
    client.force_login(superuser)
    changelist = client.get(reverse("admin:dossiers_dossier_changelist")).content.decode()
    assert str(dossier.public_id) in changelist
    assert "Dupont" not in changelist and "Jeanne" not in changelist
    change = client.get(reverse("admin:dossiers_dossier_change", args=[dossier.pk])).content.decode()
    assert "Dupont" not in change and "Rendez-vous" not in change
    assert "Dupont" not in str(dossier)


def test_no_applicant_data_in_logs(agent_client, org, agent, manager, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    agent_client.post(reverse("dossiers:create"), {"last_name": "Quasimodo", "first_name": "Esmeralda"})
    dossier = Dossier.objects.get()
    agent_client.post(url("consent", dossier), {"given_on": timezone.localdate().isoformat(),
                                                "text_version": CURRENT_CONSENT_VERSION, "confirmed": "on"})
    agent_client.post(reverse("dossiers:list"), {"q": "Quasimodo"})
    agent_client.get(reverse("dossiers:list"))
    agent_client.post(url("notes", dossier), {"text": "Esmeralda confidentielle"})
    agent_client.post(url("edit", dossier), {"last_name": "Quasimodo", "first_name": "Esmeralda", "version": 0})
    agent_client.force_login(manager)
    agent_client.get(url("export", dossier))
    agent_client.post(url("erase", dossier))
    for record in caplog.records:
        assert "Quasimodo" not in record.getMessage() and "Esmeralda" not in record.getMessage()


# --- checklist: each document once, appeals after a decision, dated states -------------------------------
DUPLICATED = {
    **RESULT,
    "checklist": [
        {"key": "css_request", "organism": "CPAM", "procedure": "Demande de CSS",
         "documents": ["Carte Vitale", "Avis d'impôt sur le revenu"]},
        {"key": "cpam_aid_request", "organism": "CPAM", "procedure": "Aide financière",
         "documents": ["carte  vitale", "Devis"]},
        {"key": "appeal", "organism": "CPAM", "procedure": "Recours", "documents": ["Copie de la décision"]},
    ],
}


def test_checklist_lists_each_document_once_and_its_state_applies_everywhere(agent_client, org, agent):
    dossier = make_dossier(org, agent, result=DUPLICATED)
    page = agent_client.get(url("checklist", dossier)).content.decode()
    assert page.count("<legend") == 3 and "Carte Vitale" in page and "carte  vitale" not in page
    assert "Pour : CPAM — Demande de CSS ; CPAM — Aide financière." in page
    assert "Copie de la décision" not in page               # no appeal before a decision
    assert page.count('type="radio"') == 3 * len(DocumentState.choices)
    response = agent_client.post(url("checklist", dossier), {"doc-0-0": "received", "doc-0-1": "to_gather",
                                                            "doc-1-1": "asked"})
    assert response.status_code == 302
    states = {(s.item_key, s.document_index): s for s in ChecklistItemState.objects.all()}
    assert states[("css_request", 0)].state == states[("cpam_aid_request", 0)].state == DocumentState.RECEIVED
    assert states[("cpam_aid_request", 0)].document_text == "carte  vitale"
    assert states[("css_request", 0)].received_on == timezone.localdate()
    assert states[("cpam_aid_request", 1)].asked_on == timezone.localdate()
    assert ("css_request", 1) not in states                  # unchanged: nothing written
    detail = agent_client.get(url("detail", dossier)).content.decode()
    assert f"reçue le {format_date(timezone.localdate())}" in detail


def test_appeal_documents_appear_once_a_decision_exists(agent_client, org, agent):
    dossier = make_dossier(org, agent, result=DUPLICATED, status=DossierStatus.REFUSED,
                           sent_on=date(2026, 9, 1), decision_on=date(2026, 10, 1))
    page = agent_client.get(url("checklist", dossier)).content.decode()
    assert "Copie de la décision" in page and page.count("<legend") == 4


def test_a_later_state_keeps_the_earlier_dates(agent_client, org, agent):
    dossier = make_dossier(org, agent, result=DUPLICATED)
    agent_client.post(url("checklist", dossier), {"doc-0-0": "asked", "doc-0-1": "to_gather", "doc-1-1": "to_gather"})
    ChecklistItemState.objects.filter(item_key="css_request", document_index=0).update(asked_on=date(2026, 1, 5))
    agent_client.post(url("checklist", dossier), {"doc-0-0": "sent", "doc-0-1": "to_gather", "doc-1-1": "to_gather"})
    state = ChecklistItemState.objects.get(item_key="css_request", document_index=0)
    assert (state.state, state.asked_on, state.sent_on) == (DocumentState.SENT, date(2026, 1, 5), timezone.localdate())
    assert AuditEntry.objects.filter(action=AuditAction.CHANGED, detail="pièces").count() == 2
    agent_client.post(url("checklist", dossier), {"doc-0-0": "sent", "doc-0-1": "to_gather", "doc-1-1": "to_gather"})
    assert AuditEntry.objects.filter(action=AuditAction.CHANGED, detail="pièces").count() == 2  # nothing changed
