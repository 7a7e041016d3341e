"""Isolation: every dossier URL answers 404 to another organisation's agent, sends an anonymous visitor to
the login page, refuses a deactivated agent; nothing is changed by any of them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dossiers.models import AuditEntry, Dossier, Note

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import make_member

pytestmark = pytest.mark.django_db


def dossier_urls(dossier):
    """(method, url, data) for every view of one dossier."""
    kw = {"public_id": dossier.public_id}
    note = dossier.notes.first()
    urls = [
        ("get", reverse("dossiers:detail", kwargs=kw), None),
        ("get", reverse("dossiers:edit", kwargs=kw), None),
        ("post", reverse("dossiers:edit", kwargs=kw), {"last_name": "Pirate", "first_name": "X", "version": dossier.version}),
        ("get", reverse("dossiers:consent", kwargs=kw), None),
        ("post", reverse("dossiers:consent", kwargs=kw), {"given_on": "2026-01-01", "confirmed": "on", "text_version": "2026-11"}),
        ("get", reverse("dossiers:import", kwargs=kw), None),
        ("post", reverse("dossiers:import", kwargs=kw), {"resume_code": "ABCDEFGHJK"}),
        ("get", reverse("dossiers:notes", kwargs=kw), None),
        ("post", reverse("dossiers:notes", kwargs=kw), {"text": "intrusion"}),
        ("get", reverse("dossiers:note_edit", kwargs={**kw, "note_id": note.pk}), None),
        ("post", reverse("dossiers:note_edit", kwargs={**kw, "note_id": note.pk}), {"text": "intrusion", "version": note.version}),
        ("get", reverse("dossiers:checklist", kwargs=kw), None),
        ("post", reverse("dossiers:checklist", kwargs=kw), {"doc-0-0": "received"}),
        ("get", reverse("dossiers:status", kwargs=kw), None),
        ("post", reverse("dossiers:status", kwargs=kw), {"status": "ready", "version": dossier.status_version}),
        ("get", reverse("dossiers:export", kwargs=kw), None),
        ("get", reverse("dossiers:pdf", kwargs=kw), None),
        ("get", reverse("dossiers:erase", kwargs=kw), None),
        ("post", reverse("dossiers:erase", kwargs=kw), {}),
    ]
    urls += questionnaire_urls(dossier)
    return urls


def questionnaire_urls(dossier):
    """Every step of the questionnaire mounted in the dossier, its results page, and a POST to a step."""
    from dossiers.views.questionnaire import dossier_questionnaire_urls

    urls = [("get", u, None) for u in dossier_questionnaire_urls(dossier)]
    step = reverse("dossiers:questionnaire:step", kwargs={"public_id": dossier.public_id, "step": "residence"})
    urls.append(("post", step, {"case-current_step": "residence", "residence-place": "75", "action": "next"}))
    return urls


def workspace_urls():
    return [
        ("get", reverse("dossiers:list"), None),
        ("post", reverse("dossiers:list"), {"q": "Dupont"}),
        ("get", reverse("dossiers:create"), None),
        ("post", reverse("dossiers:create"), {"last_name": "Nouveau", "first_name": "Dossier"}),
    ]


def snapshot(dossier):
    d = Dossier.objects.get(pk=dossier.pk)
    return (d.last_name, d.version, d.status, d.status_version, d.consent_given_on, d.case_id,
            list(Note.objects.filter(dossier=d).values_list("text", "version")),
            list(d.checklist_states.values_list("state", flat=True)))


def call(client, method, url, data):
    return client.post(url, data) if method == "post" else client.get(url)


def test_url_walk_covers_every_dossier_view(dossier):
    from eligibility.questionnaire.journey import JOURNEY

    urls = dossier_urls(dossier)
    names = {u[1].split("/")[3] for u in urls}
    assert {"", "modifier", "consentement", "importer", "notes", "pieces", "statut", "export", "pdf", "effacer",
            "questionnaire"} <= names
    wizard = {u[1] for u in urls if "/questionnaire/" in u[1]}
    assert len(wizard) == len(JOURNEY) + 3  # every step, the entry point, the results and their print version


def test_the_owner_reaches_every_view_of_the_walk(client, dossier, agent):
    """The walk's URLs are real: the dossier's own agent gets pages, downloads or redirects, never 404."""
    client.force_login(agent)
    for method, url, _data in dossier_urls(dossier):
        if method == "get":
            response = client.get(url)
            assert response.status_code in (200, 302), (url, response.status_code)


def test_another_organisations_agent_gets_404_everywhere(client, dossier, outsider):
    before = snapshot(dossier)
    client.force_login(outsider)
    for method, url, data in dossier_urls(dossier):
        response = call(client, method, url, data)
        assert response.status_code == 404, (method, url, response.status_code)
        assert b"Dupont" not in response.content
    assert snapshot(dossier) == before
    assert Dossier.objects.filter(pk=dossier.pk).exists()
    assert not AuditEntry.objects.filter(organisation=outsider.membership.organisation).exists()


def test_another_organisations_list_does_not_show_the_dossier(client, dossier, outsider):
    client.force_login(outsider)
    response = client.get(reverse("dossiers:list"))
    assert response.status_code == 200
    assert b"Dupont" not in response.content
    client.post(reverse("dossiers:list"), {"q": "Dupont"})
    html = client.get(reverse("dossiers:list")).content.decode()
    assert str(dossier.public_id) not in html
    assert "Aucun dossier ne correspond" in html


def test_anonymous_visitor_is_sent_to_login_everywhere(client, dossier):
    before = snapshot(dossier)
    for method, url, data in dossier_urls(dossier) + workspace_urls():
        response = call(client, method, url, data)
        assert response.status_code == 302, (method, url, response.status_code)
        assert response["Location"].startswith(reverse("login") + "?next="), url
    assert snapshot(dossier) == before
    assert Dossier.objects.count() == 1


@pytest.mark.parametrize("how", ["membership", "account"])
def test_deactivated_agent_can_do_nothing(client, dossier, agent, how):
    before = snapshot(dossier)
    client.force_login(agent)
    if how == "membership":
        agent.membership.is_active = False
        agent.membership.save()
    else:
        agent.is_active = False
        agent.save()
    for method, url, data in dossier_urls(dossier) + workspace_urls():
        response = call(client, method, url, data)
        if how == "membership":
            assert response.status_code == 403, (method, url, response.status_code)
            assert "Accès refusé" in response.content.decode()
        else:  # an inactive account's session no longer authenticates: back to the login page
            assert response.status_code == 302, (method, url, response.status_code)
            assert response["Location"].startswith(reverse("login"))
        assert b"Dupont" not in response.content
    assert snapshot(dossier) == before
    assert Dossier.objects.count() == 1


def test_account_without_membership_is_refused(client, dossier, django_user_model):
    user = django_user_model.objects.create_user(username="sans.organisation", password="x" * 14)
    client.force_login(user)
    for method, url, data in dossier_urls(dossier)[:3] + workspace_urls():
        assert call(client, method, url, data).status_code == 403


def test_manager_pages_are_scoped_to_the_organisation(client, org, other_org, dossier, outsider):
    from dossiers.models import MembershipRole

    other_manager = make_member(other_org, "chef.ailleurs", MembershipRole.MANAGER)
    agent_membership = dossier.created_by.membership
    client.force_login(other_manager)
    assert client.post(reverse("dossiers:deactivate", args=[agent_membership.pk])).status_code == 404
    assert client.post(reverse("dossiers:reactivate", args=[agent_membership.pk])).status_code == 404
    assert client.post(reverse("dossiers:resend_invitation", args=[agent_membership.pk])).status_code == 404
    agent_membership.refresh_from_db()
    assert agent_membership.is_active
    team = client.get(reverse("dossiers:team")).content.decode()
    assert "camille.agent" not in team
    audit = client.get(reverse("dossiers:audit")).content.decode()
    assert str(dossier.public_id) not in audit


def test_dossier_urls_carry_no_personal_data(dossier):
    for _method, url, _data in dossier_urls(dossier):
        assert "Dupont" not in url and "Jeanne" not in url
        assert str(dossier.public_id) in url
