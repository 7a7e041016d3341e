"""Caseload: who is in charge of a dossier, « mes dossiers », tasks with due dates, and who did what
(audited with the dossier's UUID and the part changed only)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dossiers.models import AuditAction, AuditEntry, Dossier, MembershipRole

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import make_dossier, make_member

pytestmark = pytest.mark.django_db


def test_a_new_dossier_is_given_to_its_creator(agent_client, agent):
    agent_client.post(reverse("dossiers:create"), {"last_name": "Neuf", "first_name": "Nina"})
    assert Dossier.objects.get().assigned_to == agent


def test_assignment_and_my_dossiers(agent_client, dossier, agent, colleague):
    assign = reverse("dossiers:assign", args=[dossier.public_id])
    page = agent_client.get(assign).content.decode()
    assert "Dominique" in page and "Camille" in page
    response = agent_client.post(assign, {"assigned_to": colleague.pk})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.assigned_to == colleague
    entry = AuditEntry.objects.get(action=AuditAction.CHANGED, detail="agent chargé du dossier")
    assert entry.actor == agent and entry.dossier_public_id == dossier.public_id
    mine = agent_client.get(reverse("dossiers:list"), {"mine": "on"}).content.decode()
    assert str(dossier.public_id) not in mine
    agent_client.force_login(colleague)
    mine = agent_client.get(reverse("dossiers:list"), {"mine": "on"}).content.decode()
    assert str(dossier.public_id) in mine and "Mes dossiers (1)" in mine


def test_a_dossier_cannot_be_given_outside_the_team(agent_client, dossier, agent, outsider, org):
    reader = make_member(org, "lea.lecture", MembershipRole.READ_ONLY)
    former = make_member(org, "ancien.agent")
    former.memberships.update(is_active=False)
    for user in (outsider, reader, former):
        response = agent_client.post(reverse("dossiers:assign", args=[dossier.public_id]), {"assigned_to": user.pk})
        assert response.status_code == 200
        assert "Sélectionnez un choix valide" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.assigned_to is None


def test_tasks_who_created_and_who_did(agent_client, dossier, agent, colleague):
    tasks = reverse("dossiers:tasks", args=[dossier.public_id])
    response = agent_client.post(tasks, {"title": "Rappeler Jeanne Dupont", "due_on": "2026-12-10",
                                         "assigned_to": colleague.pk})
    assert response.status_code == 302
    task = dossier.tasks.get()
    assert (task.created_by, task.assigned_to, str(task.due_on)) == (agent, colleague, "2026-12-10")
    agent_client.force_login(colleague)
    done = reverse("dossiers:task_done", args=[dossier.public_id, task.pk])
    agent_client.post(done)
    agent_client.post(done)                                  # twice: recorded once
    task.refresh_from_db()
    assert task.done_by == colleague and task.done_at is not None
    page = agent_client.get(tasks).content.decode()
    assert "par Camille Agent" in page and "Faite le" in page and "par Dominique Agent" in page
    entries = AuditEntry.objects.filter(detail="tâches")
    assert [e.actor for e in entries.order_by("at", "pk")] == [agent, colleague]
    for entry in AuditEntry.objects.all():
        assert "Dupont" not in f"{entry.detail} {entry.actor_username}" and "Rappeler" not in entry.detail


def test_a_task_needs_a_title_and_a_date(agent_client, dossier):
    response = agent_client.post(reverse("dossiers:tasks", args=[dossier.public_id]), {"title": "", "due_on": "demain"})
    assert response.status_code == 200
    assert not dossier.tasks.exists()


def test_a_task_is_reached_only_through_its_own_dossier(agent_client, dossier, org, agent):
    other = make_dossier(org, agent, last_name="Autre")
    task = other.tasks.create(title="x", due_on="2026-12-01")
    response = agent_client.post(reverse("dossiers:task_done", args=[dossier.public_id, task.pk]))
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.done_at is None
