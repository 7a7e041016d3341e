"""Dossier views. Each one is wrapped by ``member_required`` and fetches its dossier with ``get_dossier``
(scoped to the member's organisation: 404 otherwise). Personal data never goes into a URL: dossiers are
named by their random UUID and the name search is posted, then kept in the session."""

from __future__ import annotations

import json
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from eligibility.models import Case
from eligibility.rules.enums import CssStatus
from eligibility.throttle import SlotThrottle

from ..audit import record
from ..forms import (
    ChecklistForm,
    ConsentForm,
    DossierForm,
    FilterForm,
    ImportForm,
    NoteForm,
    SearchForm,
    StatusForm,
)
from ..models import (
    APPEAL_ITEM_KEYS,
    CONSENT_TEXTS,
    CURRENT_CONSENT_VERSION,
    AuditAction,
    ChecklistItemState,
    DocumentState,
    Dossier,
    DossierStatus,
    Note,
)
from ..permissions import (
    get_dossier,
    member_required,
    organisation_dossiers,
    read_only_allowed,
    refuse_unless_manager,
)
from ..sessions import SEARCH_SESSION_KEY

PAGE_SIZE = 20
CONFLICT_MESSAGE = (
    "Un autre agent a enregistré ce dossier pendant que vous le modifiiez. Votre saisie n'a pas été "
    "enregistrée : comparez-la avec la version enregistrée ci-dessous, puis enregistrez de nouveau si "
    "elle doit la remplacer."
)


def _consent_first(request, dossier: Dossier):
    """Redirect to the consent page when the applicant's consent is not recorded yet, else ``None``."""
    if dossier.has_consent:
        return None
    messages.warning(request, "Enregistrez d'abord le consentement de la personne : aucune donnée avant.")
    return redirect("dossiers:consent", public_id=dossier.public_id)


def _conflict(request, template: str, form, saved, **context):
    """409: the refused input (``form``) beside the version another agent saved in the meantime (``saved``)."""
    return render(request, template, {
        **context, "form": form.for_saved(saved), "conflict": saved, "conflict_message": CONFLICT_MESSAGE,
    }, status=409)


# --- List and creation ---------------------------------------------------------------------------------
@never_cache
@member_required
@require_http_methods(["GET", "POST"])
@read_only_allowed
def dossier_list(request):
    if request.method == "POST":
        search = SearchForm(request.POST)
        query = search.cleaned_data["q"].strip() if search.is_valid() else ""
        if "clear" in request.POST or not query:
            request.session.pop(SEARCH_SESSION_KEY, None)
        else:
            request.session[SEARCH_SESSION_KEY] = query
        params = request.GET.copy()
        params.pop("page", None)
        return redirect(f"{reverse('dossiers:list')}?{params.urlencode()}" if params else reverse("dossiers:list"))

    query = request.session.get(SEARCH_SESSION_KEY, "")
    filters = FilterForm(request.GET or None)
    dossiers = organisation_dossiers(request.membership)
    for term in query.split():
        dossiers = dossiers.filter(Q(last_name__icontains=term) | Q(first_name__icontains=term))
    if filters.is_valid():
        if filters.cleaned_data["mine"]:
            dossiers = dossiers.filter(assigned_to=request.user)
        if filters.cleaned_data["status"]:
            dossiers = dossiers.filter(status=filters.cleaned_data["status"])
        if filters.cleaned_data["renewal"]:
            dossiers = dossiers.renewal_due(timezone.localdate())
    dossiers = dossiers.select_related("assigned_to")
    page = Paginator(dossiers.order_by("-last_activity_at", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "dossiers/list.html", {
        "page": page, "search_form": SearchForm(initial={"q": query}), "query": query,
        "filter_form": filters if request.GET else FilterForm(), "filter_query": params.urlencode(),
        "renewal_due_count": organisation_dossiers(request.membership).renewal_due(timezone.localdate()).count(),
        "mine_count": organisation_dossiers(request.membership).filter(assigned_to=request.user).count(),
    })


@member_required
@require_http_methods(["GET", "POST"])
def dossier_create(request):
    form = DossierForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        dossier = form.save(commit=False)
        dossier.organisation = request.membership.organisation
        dossier.created_by = dossier.updated_by = dossier.assigned_to = request.user
        dossier.save()
        record(request.user, dossier, AuditAction.CREATED)
        messages.success(request, "Dossier créé. Recueillez maintenant le consentement de la personne.")
        return redirect("dossiers:consent", public_id=dossier.public_id)
    return render(request, "dossiers/form.html", {"form": form, "creating": True})


# --- One dossier ---------------------------------------------------------------------------------------
@never_cache
@member_required
@require_http_methods(["GET"])
def dossier_detail(request, public_id):
    dossier = get_dossier(request, public_id)
    record(request.user, dossier, AuditAction.VIEWED)
    return render(request, "dossiers/detail.html", {
        "dossier": dossier,
        "notes": dossier.notes.select_related("author")[:3],
        "notes_count": dossier.notes.count(),
        "checklist": dossier.checklist_documents(),
        "open_tasks": dossier.tasks.filter(done_at__isnull=True).select_related("assigned_to"),
        "result_summary": _result_summary(dossier.result),
        "has_answers": dossier.has_answers,
    })


def _result_summary(result: dict | None) -> dict | None:
    css = (result or {}).get("css")
    if not css:
        return None
    status = CssStatus._value2member_map_.get(css.get("status"))
    return {
        "status": css.get("status"), "status_label": status.label if status else css.get("status"),
        "monthly_participation": css.get("monthly_participation"), "request_date": result.get("request_date"),
    }


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def dossier_edit(request, public_id):
    dossier = get_dossier(request, public_id)
    if request.method == "POST":
        form = DossierForm(request.POST, instance=get_dossier(request, public_id))
        if form.is_valid():
            now = timezone.now()
            if form.save_versioned(updated_at=now, updated_by=request.user, last_activity_at=now):
                record(request.user, dossier, AuditAction.CHANGED, "identity")
                messages.success(request, "Identité et coordonnées enregistrées.")
                return redirect("dossiers:detail", public_id=dossier.public_id)
            saved = get_dossier(request, public_id)
            return _conflict(request, "dossiers/form.html", form, saved, dossier=saved)
    else:
        form = DossierForm(instance=dossier, initial={"version": dossier.version})
    return render(request, "dossiers/form.html", {"form": form, "dossier": dossier})


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def dossier_consent(request, public_id):
    dossier = get_dossier(request, public_id)
    if dossier.has_consent:
        return render(request, "dossiers/consent.html", {"dossier": dossier, "text": dossier.consent_text})
    form = ConsentForm(request.POST or None, initial={"given_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        updated = Dossier.objects.filter(pk=dossier.pk, consent_given_on__isnull=True).update(
            consent_given_on=form.cleaned_data["given_on"], consent_text_version=form.cleaned_data["text_version"],
            consent_recorded_by=request.user, consent_recorded_at=now, last_activity_at=now,
        )
        if updated:
            record(request.user, dossier, AuditAction.CONSENT)
            messages.success(request, "Consentement enregistré. Vous pouvez remplir le questionnaire.")
        return redirect("dossiers:detail", public_id=dossier.public_id)
    return render(request, "dossiers/consent.html", {
        "dossier": dossier, "form": form, "text": CONSENT_TEXTS[CURRENT_CONSENT_VERSION],
        "version": CURRENT_CONSENT_VERSION,
    })


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def dossier_import(request, public_id):
    """Hand-off: the person gives their resume code; their anonymous case becomes this dossier's
    questionnaire and is closed to anonymous edits. Refused once the dossier has answers of its own."""
    dossier = get_dossier(request, public_id)
    if (refusal := _consent_first(request, dossier)) is not None:
        return refusal
    if dossier.has_answers:
        messages.error(request, "Ce dossier a déjà un questionnaire : l'import n'est possible que dans un dossier vide.")
        return redirect("dossiers:detail", public_id=dossier.public_id)
    form = ImportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Each code tried takes a slot of the shared throttle (per account); a right code gives it back.
        throttle = SlotThrottle("import-code", *settings.THROTTLE_IMPORT_CODES)
        slot = throttle.acquire(f"user:{request.user.pk}")
        if slot is None:
            form.add_error("resume_code", "Trop de codes erronés ont été essayés depuis ce compte. Attendez un quart "
                                          "d'heure avant de réessayer.")
            return render(request, "dossiers/import.html", {"dossier": dossier, "form": form}, status=429)
        expiry = timezone.now() - timedelta(days=settings.CASE_EXPIRY_DAYS)
        with transaction.atomic():
            case = (
                Case.objects.select_for_update(of=("self",))
                .filter(resume_code=form.cleaned_data["resume_code"], closed_at__isnull=True,
                        dossier__isnull=True, last_activity_at__gte=expiry)
                .first()
            )
            if case is not None:
                locked = get_dossier(request, public_id, for_update=True)
                previous = locked.case
                now = timezone.now()
                case.closed_at = now
                case.resume_code = None
                case.last_activity_at = now
                case.save(update_fields=["closed_at", "resume_code", "last_activity_at"])
                locked.case = case
                locked.last_activity_at = now
                locked.save(update_fields=["case", "last_activity_at"])
                if previous is not None:
                    previous.delete()
                record(request.user, locked, AuditAction.IMPORTED)
        if case is not None:
            throttle.release(slot)
            messages.success(request, "Questionnaire importé. Vérifiez les réponses avec la personne.")
            return redirect("dossiers:detail", public_id=dossier.public_id)
        form.add_error("resume_code", "Aucun questionnaire en cours ne correspond à ce code. Vérifiez-le avec la personne "
                                      "(il expire 30 jours après sa dernière visite).")
    return render(request, "dossiers/import.html", {"dossier": dossier, "form": form})


# --- Notes ---------------------------------------------------------------------------------------------
@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def dossier_notes(request, public_id):
    dossier = get_dossier(request, public_id)
    if (refusal := _consent_first(request, dossier)) is not None:
        return refusal
    form = NoteForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            note = form.save(commit=False)
            note.dossier, note.author, note.updated_by = dossier, request.user, request.user
            note.save()
            dossier.touch()
            record(request.user, dossier, AuditAction.CHANGED, "notes")
            messages.success(request, "Note ajoutée.")
            return redirect("dossiers:notes", public_id=dossier.public_id)
    else:
        record(request.user, dossier, AuditAction.VIEWED, "notes")
    return render(request, "dossiers/notes.html", {
        "dossier": dossier, "form": form, "notes": dossier.notes.select_related("author", "updated_by"),
    })


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def note_edit(request, public_id, note_id):
    dossier = get_dossier(request, public_id)
    if (refusal := _consent_first(request, dossier)) is not None:
        return refusal
    note = _get_note(dossier, note_id)
    if request.method == "POST":
        form = NoteForm(request.POST, instance=_get_note(dossier, note_id))
        if form.is_valid():
            if form.save_versioned(updated_at=timezone.now(), updated_by=request.user):
                dossier.touch()
                record(request.user, dossier, AuditAction.CHANGED, "notes")
                messages.success(request, "Note modifiée.")
                return redirect("dossiers:notes", public_id=dossier.public_id)
            saved = _get_note(dossier, note_id)
            return _conflict(request, "dossiers/note_edit.html", form, saved, dossier=dossier, note=saved)
    else:
        form = NoteForm(instance=note, initial={"version": note.version})
    return render(request, "dossiers/note_edit.html", {"dossier": dossier, "note": note, "form": form})


def _get_note(dossier, note_id) -> Note:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Note.objects.select_related("author", "updated_by"), pk=note_id, dossier=dossier)


# --- Checklist and status ------------------------------------------------------------------------------
#: The date recorded when a document reaches each state.
STATE_DATES = {
    DocumentState.ASKED: "asked_on", DocumentState.RECEIVED: "received_on", DocumentState.SENT: "sent_on",
}


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def dossier_checklist(request, public_id):
    """Every document of the dossier once, in one form; a changed state records its date (asked,
    received, sent) and applies to each organism that asks for the document."""
    dossier = get_dossier(request, public_id)
    if (refusal := _consent_first(request, dossier)) is not None:
        return refusal
    documents = dossier.checklist_documents()
    form = ChecklistForm(request.POST or None, documents=documents)
    if request.method == "POST" and form.is_valid():
        today = timezone.localdate()
        changed = 0
        with transaction.atomic():
            for doc in documents:
                new_state = form.cleaned_data[doc["field"]]
                if new_state == doc["state"]:
                    continue
                changed += 1
                date_field = STATE_DATES.get(new_state)
                for key, index, text in doc["occurrences"]:
                    state, _created = ChecklistItemState.objects.get_or_create(
                        dossier=dossier, item_key=key, document_index=index, defaults={"document_text": text},
                    )
                    if state.document_text != text:  # a state recorded for an older wording: start afresh
                        state.asked_on = state.received_on = state.sent_on = None
                    state.document_text, state.state, state.updated_by = text, new_state, request.user
                    if date_field:
                        setattr(state, date_field, today)
                    state.save()
            if changed:
                dossier.touch()
        if changed:
            record(request.user, dossier, AuditAction.CHANGED, "checklist")
            messages.success(request, f"État des pièces enregistré ({changed} changement{'s' if changed > 1 else ''}).")
        else:
            messages.info(request, "Aucun changement à enregistrer.")
        return redirect("dossiers:detail", public_id=dossier.public_id)
    if request.method == "GET":
        record(request.user, dossier, AuditAction.VIEWED, "checklist")
    for doc in documents:
        doc["bound_field"] = form[doc["field"]]
    counts = {value: sum(1 for d in documents if d["state"] == value) for value in DocumentState.values}
    return render(request, "dossiers/checklist.html", {
        "dossier": dossier, "documents": documents, "form": form, "counts": counts,
        "procedures": [g["item"] for g in dossier.checklist_groups()
                       if g["key"] not in APPEAL_ITEM_KEYS or dossier.is_decided],
    })


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def dossier_status(request, public_id):
    dossier = get_dossier(request, public_id)
    if (refusal := _consent_first(request, dossier)) is not None:
        return refusal
    if request.method == "POST":
        form = StatusForm(request.POST, instance=get_dossier(request, public_id))
        if form.is_valid():
            now = timezone.now()
            instance = form.instance
            if instance.status == DossierStatus.READY and not instance.ready_on:
                instance.ready_on = timezone.localdate()
            extra = {"last_activity_at": now}
            if instance.status != dossier.status:
                extra.update(status_changed_at=now, status_changed_by=request.user)
            if form.save_versioned(**extra):
                record(request.user, dossier, AuditAction.CHANGED, "status")
                messages.success(request, f"Statut enregistré : {instance.get_status_display()}.")
                return redirect("dossiers:detail", public_id=dossier.public_id)
            saved = get_dossier(request, public_id)
            return _conflict(request, "dossiers/status.html", form, saved, dossier=saved)
    else:
        form = StatusForm(instance=dossier, initial={"version": dossier.status_version})
    return render(request, "dossiers/status.html", {"dossier": dossier, "form": form})


# --- Copy, print, erase --------------------------------------------------------------------------------
@never_cache
@member_required
@require_http_methods(["GET"])
def dossier_export(request, public_id):
    """A copy of everything kept about the person: managers only."""
    dossier = get_dossier(request, public_id)
    if (refusal := refuse_unless_manager(request)) is not None:
        return refusal
    payload = json.dumps(dossier.export_data(), ensure_ascii=False, indent=2, default=str)
    record(request.user, dossier, AuditAction.EXPORTED)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="dossier-{dossier.public_id}.json"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def dossier_erase(request, public_id):
    """Irreversible: managers only."""
    dossier = get_dossier(request, public_id)
    if (refusal := refuse_unless_manager(request)) is not None:
        return refusal
    if request.method == "POST":
        dossier.erase(request.user, AuditAction.ERASED)
        messages.success(request, "Le dossier et toutes ses données ont été effacés.")
        return redirect("dossiers:list")
    return render(request, "dossiers/erase.html", {"dossier": dossier})

