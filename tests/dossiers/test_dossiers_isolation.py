"""Isolation: every dossier URL answers 404 to another organisation's agent, sends an anonymous visitor to
the login page, refuses a deactivated agent; nothing is changed by any of them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dossiers.models import AuditEntry, Dossier, Note

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dossier_has_a_task(request):
    """The walked dossier has a task, so that the task URLs are walked too."""
    if "dossier" in request.fixturenames:
        request.getfixturevalue("dossier").tasks.create(title="Relancer la CPAM", due_on="2026-12-01")


def dossier_urls(dossier):
    """(method, url, data) for every view of one dossier."""
    kw = {"public_id": dossier.public_id}
    note = dossier.notes.first()
    task = dossier.tasks.first()
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
        ("get", reverse("dossiers:assign", kwargs=kw), None),
        ("post", reverse("dossiers:assign", kwargs=kw), {"assigned_to": ""}),
        ("get", reverse("dossiers:tasks", kwargs=kw), None),
        ("post", reverse("dossiers:tasks", kwargs=kw), {"title": "intrusion", "due_on": "2026-12-01"}),
        ("post", reverse("dossiers:task_done", kwargs={**kw, "task_id": task.pk}), {}),
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
        ("get", reverse("dossiers:todo"), None),
        ("get", reverse("dossiers:todo") + "?equipe=1", None),
        ("post", reverse("dossiers:switch_organisation"), {"organisation": "1"}),
        ("get", reverse("dossiers:statistics"), None),
        ("get", reverse("dossiers:statistics_csv"), None),
        ("get", reverse("dossiers:dossiers_csv"), None),
        ("get", reverse("dossiers:second_factor_setup"), None),
        ("get", reverse("dossiers:second_factor"), None),
    ]


#: Workspace pages that read the organisation's dossiers (their content must never show another's).
READING_PAGES = ["dossiers:list", "dossiers:todo", "dossiers:statistics", "dossiers:statistics_csv",
                 "dossiers:dossiers_csv", "dossiers:audit", "dossiers:team"]


def snapshot(dossier):
    d = Dossier.objects.get(pk=dossier.pk)
    return (d.last_name, d.version, d.status, d.status_version, d.consent_given_on, d.case_id, d.assigned_to_id,
            list(Note.objects.filter(dossier=d).values_list("text", "version")),
            list(d.checklist_states.values_list("state", flat=True)),
            list(d.tasks.values_list("title", "done_at")))


def call(client, method, url, data):
    return client.post(url, data) if method == "post" else client.get(url)


def test_url_walk_covers_every_dossier_view(dossier):
    from eligibility.questionnaire.journey import JOURNEY

    urls = dossier_urls(dossier)
    names = {u[1].split("/")[3] for u in urls}
    assert {"", "modifier", "consentement", "importer", "notes", "pieces", "statut", "export", "pdf", "effacer",
            "questionnaire", "agent", "taches"} <= names
    wizard = {u[1] for u in urls if "/questionnaire/" in u[1]}
    # Every step, the entry point, the results, their print version, a letter, the feedback, the admission page.
    assert len(wizard) == len(JOURNEY) + 6


def test_the_organisations_manager_reaches_every_view_of_the_walk(client, dossier, manager):
    """The walk's URLs are real: the organisation's manager gets pages, downloads or redirects, never 404."""
    client.force_login(manager)
    for method, url, _data in dossier_urls(dossier) + workspace_urls():
        if method == "get":
            response = client.get(url)
            assert response.status_code in (200, 302), (url, response.status_code)


def test_the_owner_agent_reaches_every_view_but_export_and_erasure(client, dossier, agent):
    client.force_login(agent)
    manager_only = {reverse(name, args=[dossier.public_id]) for name in ("dossiers:export", "dossiers:erase")}
    for method, url, _data in dossier_urls(dossier):
        if method == "get":
            response = client.get(url)
            expected = (403,) if url in manager_only else (200, 302)
            assert response.status_code in expected, (url, response.status_code)


def test_another_organisations_agent_gets_404_everywhere(client, dossier, outsider):
    before = snapshot(dossier)
    client.force_login(outsider)
    for method, url, data in dossier_urls(dossier):
        response = call(client, method, url, data)
        assert response.status_code == 404, (method, url, response.status_code)
        assert b"Dupont" not in response.content
    assert snapshot(dossier) == before
    assert Dossier.objects.filter(pk=dossier.pk).exists()
    assert not AuditEntry.objects.filter(organisation=outsider.memberships.get().organisation).exists()


def test_another_organisations_manager_reads_nothing_of_the_dossier(client, dossier, other_org):
    """Every page that reads dossiers (list, to-do, statistics, CSV, log, team) stays within the organisation."""
    from dossiers.models import MembershipRole

    dossier.tasks.create(title="Rappeler la personne", due_on="2020-01-01")
    other_manager = make_member(other_org, "chef.ailleurs", MembershipRole.MANAGER)
    client.force_login(other_manager)
    for name in READING_PAGES:
        for query in ("", "?equipe=1", "?start=2000-01-01&end=2100-12-31"):
            response = client.get(reverse(name) + query)
            assert response.status_code == 200, (name, response.status_code)
            body = response.content.decode()
            assert str(dossier.public_id) not in body and "Dupont" not in body and "Rappeler" not in body, name
    stats = client.get(reverse("dossiers:statistics_csv") + "?start=2000-01-01&end=2100-12-31").content.decode()
    assert "total;dossiers créés;0" in stats


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
        agent.memberships.update(is_active=False)
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
    agent_membership = dossier.created_by.memberships.get()
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


# --- Agents of several organisations --------------------------------------------------------------------
@pytest.fixture
def two_org_agent(org, other_org):
    """An agent of the other organisation who also serves the dossier's organisation."""
    from dossiers.models import Membership

    user = make_member(other_org, "sam.deux-services")
    Membership.objects.create(user=user, organisation=org)
    return user


def switch(client, organisation):
    return client.post(reverse("dossiers:switch_organisation"), {"organisation": organisation.pk})


def test_a_two_organisation_agent_sees_one_organisation_at_a_time(client, dossier, org, other_org, two_org_agent):
    before = snapshot(dossier)
    client.force_login(two_org_agent)
    switch(client, other_org)
    for method, url, data in dossier_urls(dossier):
        response = call(client, method, url, data)
        assert response.status_code == 404, (method, url, response.status_code)
    for name in READING_PAGES[:2]:
        assert str(dossier.public_id) not in client.get(reverse(name)).content.decode()
    assert snapshot(dossier) == before

    response = switch(client, org)
    assert response.status_code == 302 and response["Location"] == reverse("dossiers:list")
    assert client.get(reverse("dossiers:detail", args=[dossier.public_id])).status_code == 200
    assert str(dossier.public_id) in client.get(reverse("dossiers:list")).content.decode()
    # the switcher lists both organisations, and only them
    html = client.get(reverse("dossiers:list")).content.decode()
    assert org.name in html and "CIAS d&#x27;Ailleurs" in html


def test_the_switcher_refuses_an_organisation_the_agent_is_not_in(client, dossier, org, other_org, outsider):
    third = type(org).objects.create(name="CCAS Tiers", address="3 rue", phone="04")
    client.force_login(outsider)
    for target in (org, third):
        switch(client, target)
        assert client.get(reverse("dossiers:detail", args=[dossier.public_id])).status_code == 404
        assert "CCAS de Testville" not in client.get(reverse("dossiers:list")).content.decode()


def test_a_deactivated_membership_closes_that_organisation_only(client, dossier, org, other_org, two_org_agent):
    from dossiers.models import Membership

    client.force_login(two_org_agent)
    switch(client, org)
    assert client.get(reverse("dossiers:detail", args=[dossier.public_id])).status_code == 200
    Membership.objects.filter(user=two_org_agent, organisation=org).update(is_active=False)
    # the session still names the closed organisation: the request falls back to the open one
    assert client.get(reverse("dossiers:detail", args=[dossier.public_id])).status_code == 404
    switch(client, org)
    assert client.get(reverse("dossiers:detail", args=[dossier.public_id])).status_code == 404
    assert client.get(reverse("dossiers:list")).status_code == 200


def test_a_manager_deactivating_a_shared_agent_leaves_the_account_open(client, org, other_org, two_org_agent, manager):
    from dossiers.models import Membership

    client.force_login(manager)
    membership = Membership.objects.get(user=two_org_agent, organisation=org)
    client.post(reverse("dossiers:deactivate", args=[membership.pk]))
    two_org_agent.refresh_from_db()
    membership.refresh_from_db()
    assert not membership.is_active and two_org_agent.is_active
    assert Membership.objects.get(user=two_org_agent, organisation=other_org).is_active


# --- Read-only members ----------------------------------------------------------------------------------
def test_a_read_only_member_reads_and_changes_nothing(client, dossier, org):
    from dossiers.models import MembershipRole

    reader = make_member(org, "lea.lecture", MembershipRole.READ_ONLY)
    before = snapshot(dossier)
    client.force_login(reader)
    assert client.get(reverse("dossiers:detail", args=[dossier.public_id])).status_code == 200
    for method, url, data in dossier_urls(dossier) + workspace_urls():
        response = call(client, method, url, data)
        if method == "post" and url not in {reverse("dossiers:list"), reverse("dossiers:switch_organisation")}:
            assert response.status_code == 403, (url, response.status_code)
    assert snapshot(dossier) == before
    assert Dossier.objects.count() == 1
