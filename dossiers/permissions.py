"""Who may do what in the CCAS workspace.

Every dossier view goes through ``member_required`` (or ``manager_required``) and fetches its dossier with
``get_dossier`` — the one place where dossiers are scoped to the member's organisation, so that another
organisation's dossier answers 404 exactly like a dossier that does not exist.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from .models import Dossier, Membership


def active_membership(user) -> Membership | None:
    """The user's membership if both the account and the membership are active, else ``None``."""
    if not user.is_authenticated or not user.is_active:
        return None
    try:
        membership = user.membership
    except Membership.DoesNotExist:
        return None
    return membership if membership.is_usable else None


def _refused(request, reason: str):
    return render(request, "dossiers/refused.html", {"reason": reason}, status=403)


def member_required(view):
    """Anonymous visitors go to the login page; accounts without an active membership are refused (403).

    The view receives the membership as ``request.membership``.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        membership = active_membership(request.user)
        if membership is None:
            return _refused(request, "Votre compte n'est rattaché à aucune organisation active.")
        request.membership = membership
        return view(request, *args, **kwargs)

    return wrapper


def manager_required(view):
    """Like ``member_required``, for the organisation's managers only (agents are refused)."""

    @wraps(view)
    @member_required
    def wrapper(request, *args, **kwargs):
        if not request.membership.is_manager:
            return _refused(request, "Cette page est réservée aux responsables de l'organisation.")
        return view(request, *args, **kwargs)

    return wrapper


def organisation_dossiers(membership: Membership):
    """The only queryset of dossiers the views use: those of the member's organisation."""
    return Dossier.objects.for_organisation(membership.organisation)


def get_dossier(request, public_id, *, for_update: bool = False) -> Dossier:
    """The organisation's dossier with this UUID, or 404 (also for another organisation's dossiers)."""
    queryset = organisation_dossiers(request.membership).select_related("case", "consent_recorded_by")
    if for_update:
        # Lock the dossier row only: the joined case and consent author are nullable (outer joins).
        queryset = queryset.select_for_update(of=("self",))
    try:
        return queryset.get(public_id=public_id)
    except Dossier.DoesNotExist:
        raise Http404("Dossier introuvable") from None
