"""Hostile input on every workspace form: a French message next to the field, never a 5xx, nothing stored.

Runs on SQLite and again on PostgreSQL (``make test``), which refuses NUL in text columns. Each field of
each form is poisoned in turn (NUL, a right-to-left override, an escape sequence, 20 000 characters),
then junk fields are added to a valid post: the database must hold no control character and no such text.
"""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core import serializers
from django.test import Client
from django.urls import reverse

from dossiers.models import CURRENT_CONSENT_VERSION
from eligibility.safe_input import FORBIDDEN_CHARACTERS

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import PASSWORD, make_dossier

pytestmark = pytest.mark.django_db

POISONS = {
    "nul": "Du\x00pont",
    "rtl-override": "\u202eDupont",
    "escape": "\x1b[2JDupont",
    "20000-chars": "D" * 20000,
}
MESSAGES = ("caractère invisible ou de contrôle", "Ce texte est trop long")


def forms_to_post(org, agent, manager) -> list[tuple[str, object, str, dict]]:
    """(name, user, url, valid data) of every workspace form."""
    dossier = make_dossier(org, agent, last_name="Valide", first_name="Jeanne")
    fresh = make_dossier(org, agent, consent=False, last_name="Sans", first_name="Consentement")
    empty = make_dossier(org, agent, last_name="Vide", first_name="Import")
    note = dossier.notes.create(author=agent, updated_by=agent, text="Note")
    kw = {"public_id": dossier.public_id}
    return [
        ("create", agent, reverse("dossiers:create"), {
            "last_name": "Martin", "first_name": "Paul", "birth_date": "1960-03-04", "phone": "06 00 00 00 00",
            "email": "paul@example.org", "address": "1 rue de la Paix"}),
        ("edit", agent, reverse("dossiers:edit", kwargs=kw), {
            "last_name": "Valide", "first_name": "Jeanne", "birth_date": "", "phone": "", "email": "", "address": "",
            "version": str(dossier.version)}),
        ("consent", agent, reverse("dossiers:consent", kwargs={"public_id": fresh.public_id}), {
            "given_on": "2026-11-01", "text_version": CURRENT_CONSENT_VERSION, "confirmed": "on"}),
        ("import", agent, reverse("dossiers:import", kwargs={"public_id": empty.public_id}),
         {"resume_code": "ABCD-EFGH-JK"}),
        ("note", agent, reverse("dossiers:notes", kwargs=kw), {"text": "Appel à la CPAM."}),
        ("note-edit", agent, reverse("dossiers:note_edit", kwargs={**kw, "note_id": note.pk}),
         {"text": "Appel à la CPAM.", "version": str(note.version)}),
        ("status", agent, reverse("dossiers:status", kwargs=kw), {
            "status": "sent", "sent_on": "2026-09-01", "version": str(dossier.status_version)}),
        ("search", agent, reverse("dossiers:list"), {"q": "valide"}),
        ("task", agent, reverse("dossiers:tasks", kwargs=kw), {"title": "Relancer la CPAM", "due_on": "2026-12-01"}),
        ("invite", manager, reverse("dossiers:invite"), {
            "username": "marie.nouvelle", "first_name": "Marie", "last_name": "Nouvelle",
            "email": "marie@example.org", "role": "agent"}),
        ("login", None, reverse("login"), {"username": "camille.agent", "password": PASSWORD}),
    ]


def stored_text() -> str:
    """Every row of every model of the project, as JSON text."""
    models = [m for m in apps.get_models() if m._meta.app_label in {"dossiers", "eligibility"}]
    return "".join(serializers.serialize("json", m.objects.all()) for m in models)


def test_every_field_of_every_workspace_form_refuses_hostile_text(org, agent, manager):
    for name, user, url, valid in forms_to_post(org, agent, manager):
        client = Client()
        if user is not None:
            client.force_login(user)
        for field in valid:
            if field == "version":
                continue
            for kind, poison in POISONS.items():
                response = client.post(url, {**valid, field: poison})
                assert response.status_code < 500, (name, field, kind)
                page = response.content.decode()
                if name == "search":  # an unreadable search is dropped (the list shows every dossier)
                    assert response.status_code == 302
                    assert poison not in json.dumps([s.get_decoded() for s in Session.objects.all()])
                    continue
                assert any(message in page for message in MESSAGES), (name, field, kind, response.status_code)
        text = stored_text()
        assert not FORBIDDEN_CHARACTERS.search(json.loads(json.dumps(text))), name
        assert "D" * 1001 not in text, name


def test_junk_and_too_many_fields_change_nothing(org, agent, manager):
    for name, user, url, valid in forms_to_post(org, agent, manager):
        if name in {"login", "import"}:
            continue
        client = Client()
        client.force_login(user)
        junk = {f"junk{i}": "x" * 400 for i in range(900)}
        response = client.post(url, {**valid, **junk})
        assert response.status_code < 500, name
        assert "junk" not in stored_text()
        # Over DATA_UPLOAD_MAX_NUMBER_FIELDS: 400 wherever the body is read (a view that needs not read it answers as usual).
        assert client.post(url, {f"f{i}": "1" for i in range(2100)}).status_code in (200, 302, 400), name


def test_the_login_form_refuses_a_nul_byte_without_counting_it_against_the_account(client, agent):
    for _ in range(6):
        response = client.post(reverse("login"), {"username": "camille.agent\x00", "password": PASSWORD})
        assert response.status_code == 200
        assert "caractère invisible" in response.content.decode()
    # Not a failed login: the account is not locked.
    assert client.post(reverse("login"), {"username": "camille.agent", "password": PASSWORD}).status_code == 302
