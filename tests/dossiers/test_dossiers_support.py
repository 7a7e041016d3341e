"""Shared fixtures of the dossier and auth tests (imported by ``test_dossiers*.py`` and ``test_auth*.py``)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from dossiers.models import CURRENT_CONSENT_VERSION, Dossier, Membership, MembershipRole, Organisation
from eligibility.models import Case

PASSWORD = "un-mot-de-passe-solide-2026"

#: A result in the contract's shape (what the dossier stores); the figures only show the shape.
RESULT = {
    "request_date": "2026-11-22",
    "ruleset": {"version": "test", "parameters_valid_on": "2026-11-22"},
    "css": {"status": "with_participation", "household_size": 1, "resources": 12000, "ceiling_free": 10166,
            "ceiling_with_participation": 13724, "monthly_participation": 28.0, "reasons": []},
    "checklist": [
        {"key": "css_request", "organism": "CPAM", "procedure": "Demande de Complémentaire santé solidaire",
         "documents": ["Formulaire S3711", "Avis d'impôt sur le revenu", "Justificatif de domicile"],
         "deadline": "Décision sous deux mois"},
        {"organism": "Hôpital", "procedure": "Facture de séjour", "documents": ["Facture détaillée"], "deadline": ""},
    ],
    "to_verify": [],
}


def make_member(organisation, username, role=MembershipRole.AGENT, **extra):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org",
        first_name=extra.pop("first_name", username.split(".")[0].title()), last_name="Agent",
    )
    Membership.objects.create(user=user, organisation=organisation, role=role, **extra)
    return user


def make_dossier(organisation, author, *, consent=True, last_name="Dupont", first_name="Jeanne", **extra):
    dossier = Dossier.objects.create(
        organisation=organisation, created_by=author, updated_by=author, last_name=last_name, first_name=first_name,
        phone="06 12 34 56 78", **extra,
    )
    if consent:
        Dossier.objects.filter(pk=dossier.pk).update(
            consent_given_on=timezone.localdate(), consent_text_version=CURRENT_CONSENT_VERSION,
            consent_recorded_by=author, consent_recorded_at=timezone.now(),
        )
        dossier.refresh_from_db()
    return dossier


@pytest.fixture
def org():
    return Organisation.objects.create(name="CCAS de Testville", address="1 place de la Mairie", phone="01 02 03 04 05",
                                       email="ccas@testville.example", opening_hours="Lundi au vendredi, 9 h – 17 h")


@pytest.fixture
def other_org():
    return Organisation.objects.create(name="CIAS d'Ailleurs", address="2 rue Lointaine", phone="03 00 00 00 00")


@pytest.fixture
def agent(org):
    return make_member(org, "camille.agent")


@pytest.fixture
def colleague(org):
    return make_member(org, "dominique.agent")


@pytest.fixture
def manager(org):
    return make_member(org, "nadia.responsable", MembershipRole.MANAGER)


@pytest.fixture
def outsider(other_org):
    return make_member(other_org, "lucas.ailleurs")


@pytest.fixture
def dossier(org, agent):
    """A consented dossier with a questionnaire (case), results and a note."""
    case = Case.objects.create(answers={"step_data": {"household": {"household-adults": ["1"]}}})
    result_time = timezone.now()
    dossier = make_dossier(org, agent, case=case, result=RESULT, result_computed_at=result_time)
    dossier.notes.create(author=agent, updated_by=agent, text="Rendez-vous pris pour le dépôt.")
    return dossier


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


__all__ = ["agent", "agent_client", "colleague", "dossier", "manager", "org", "other_org", "outsider"]
