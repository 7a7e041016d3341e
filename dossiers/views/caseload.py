"""Caseload: the organisation switcher, who is in charge of a dossier, its tasks, and the « À faire » page
(the reminders of ``dossiers.reminders``, each linking to its dossier). Every change is audited (the
dossier's UUID and the part changed, never the applicant's data nor a task's text)."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ..audit import record
from ..forms import AssignForm, OrganisationSwitchForm, TaskForm
from ..models import AuditAction, Dossier, Task
from ..permissions import ORGANISATION_SESSION_KEY, get_dossier, member_required, read_only_allowed
from ..reminders import due_reminders, reminders_for


def today():
    """The day the workspace works on (one place, so tests can set the clock)."""
    return timezone.localdate()


@member_required
@require_POST
@read_only_allowed
def switch_organisation(request):
    """Work in another of the account's organisations. The choice is one of its own active memberships;
    anything else is refused. Always lands on the list: no page of the previous organisation stays open."""
    form = OrganisationSwitchForm(request.POST, memberships=request.memberships)
    if form.is_valid():
        request.session[ORGANISATION_SESSION_KEY] = form.cleaned_data["organisation"]
        request.session.pop("dossiers_search", None)
        chosen = next(m for m in request.memberships if m.organisation_id == form.cleaned_data["organisation"])
        messages.success(request, f"Vous travaillez maintenant pour {chosen.organisation.name}.")
    else:
        messages.error(request, "Choisissez une de vos organisations.")
    return redirect("dossiers:list")


@never_cache
@member_required
@require_http_methods(["GET"])
def todo(request):
    """What is due today: the member's own reminders; managers may see the whole team's."""
    everyone = request.membership.is_manager and request.GET.get("equipe") == "1"
    reminders = due_reminders(request.membership.organisation, today())
    if not everyone:
        reminders = reminders_for(request.user, reminders)
    return render(request, "dossiers/todo.html", {"reminders": reminders, "everyone": everyone, "today": today()})


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def dossier_assign(request, public_id):
    dossier = get_dossier(request, public_id)
    form = AssignForm(request.POST or None, organisation=request.membership.organisation,
                      initial={"assigned_to": dossier.assigned_to_id})
    if request.method == "POST" and form.is_valid():
        user = form.cleaned_data["assigned_to"]
        Dossier.objects.filter(pk=dossier.pk).update(assigned_to=user, last_activity_at=timezone.now())
        record(request.user, dossier, AuditAction.CHANGED, "assignment")
        name = (user.get_full_name() or user.get_username()) if user else None
        messages.success(request, f"Dossier confié à {name}." if name else "Le dossier n'est plus confié à personne.")
        return redirect("dossiers:detail", public_id=dossier.public_id)
    return render(request, "dossiers/assign.html", {"dossier": dossier, "form": form})


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def dossier_tasks(request, public_id):
    dossier = get_dossier(request, public_id)
    form = TaskForm(request.POST or None, organisation=request.membership.organisation,
                    initial={"due_on": today()})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            task = form.save(commit=False)
            task.dossier, task.created_by = dossier, request.user
            task.save()
            dossier.touch()
        record(request.user, dossier, AuditAction.CHANGED, "tasks")
        messages.success(request, "Tâche ajoutée.")
        return redirect("dossiers:tasks", public_id=dossier.public_id)
    tasks = dossier.tasks.select_related("assigned_to", "created_by", "done_by")
    return render(request, "dossiers/tasks.html", {"dossier": dossier, "form": form, "tasks": tasks})


@member_required
@require_POST
def task_done(request, public_id, task_id):
    dossier = get_dossier(request, public_id)
    task = get_object_or_404(Task, pk=task_id, dossier=dossier)
    if task.done_at is None:
        updated = Task.objects.filter(pk=task.pk, done_at__isnull=True).update(
            done_at=timezone.now(), done_by=request.user,
        )
        if updated:
            dossier.touch()
            record(request.user, dossier, AuditAction.CHANGED, "tasks")
        messages.success(request, "Tâche marquée comme faite.")
    return redirect("dossiers:tasks", public_id=dossier.public_id)
