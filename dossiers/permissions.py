"""Who may do what in the CCAS workspace.

Every dossier view goes through ``member_required`` (or ``manager_required``) and fetches its dossier with
``get_dossier`` — the one place where dossiers are scoped to the organisation the member is working in, so
that another organisation's dossier answers 404 exactly like a dossier that does not exist.

An account may belong to several organisations; the one it works in is kept in the session (chosen with
the organisation switcher) and nothing of the others is reachable until it switches. Read-only members
are refused every change (403) except the few harmless posts marked ``read_only_allowed``.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from .models import Dossier, Membership, MembershipRole

ORGANISATION_SESSION_KEY = "dossiers_organisation"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def usable_memberships(user) -> list[Membership]:
    """The account's active memberships of the organisations it may work in (empty if the account is off)."""
    if not user.is_authenticated or not user.is_active:
        return []
    return [
        m for m in Membership.objects.filter(user=user, is_active=True).select_related("organisation", "user")
        .order_by("organisation__name", "pk")
        if m.is_usable
    ]


def active_membership(request, memberships: list[Membership] | None = None) -> Membership | None:
    """The membership the request works under: the organisation chosen in the session if the account is
    still an active member of it, else its first active membership; ``None`` without any."""
    if memberships is None:
        memberships = usable_memberships(request.user)
    if not memberships:
        return None
    chosen = request.session.get(ORGANISATION_SESSION_KEY)
    for membership in memberships:
        if membership.organisation_id == chosen:
            return membership
    return memberships[0]


def _refused(request, reason: str):
    return render(request, "dossiers/refused.html", {"reason": reason}, status=403)


def read_only_allowed(view):
    """Mark a view whose POST changes nothing shared (a search kept in the session, the organisation
    switcher): read-only members may post to it."""
    view.read_only_allowed = True
    return view


def second_factor_exempt(view):
    """Mark the views that set up or check the second factor: reachable before it is checked."""
    view.second_factor_exempt = True
    return view


def second_factor_required(user, memberships: list[Membership]) -> bool:
    """A second factor is asked of an account that set one up, and of every member of an organisation
    that requires it (any of its organisations: one session serves them all)."""
    from django_otp import user_has_device

    return any(m.organisation.require_second_factor for m in memberships) or user_has_device(user)


def member_required(view):
    """Anonymous visitors go to the login page; accounts without an active membership are refused (403),
    and so are read-only members asking for a change.

    The view receives the membership as ``request.membership`` and the account's other organisations as
    ``request.memberships``.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        memberships = usable_memberships(request.user)
        membership = active_membership(request, memberships)
        if membership is None:
            return _refused(request, "Votre compte n'est rattaché à aucune organisation active.")
        if (not getattr(view, "second_factor_exempt", False) and not request.user.is_verified()
                and second_factor_required(request.user, memberships)):
            from django.shortcuts import redirect
            from django.urls import reverse
            from django.utils.http import urlencode

            return redirect(f"{reverse('dossiers:second_factor')}?{urlencode({'next': request.path})}")
        if (request.method not in SAFE_METHODS and not membership.can_write
                and not getattr(view, "read_only_allowed", False)):
            return _refused(request, "Votre rôle dans cette organisation permet de consulter les dossiers, pas de "
                                     "les modifier.")
        request.membership = membership
        request.memberships = memberships
        return view(request, *args, **kwargs)

    return wrapper


def refuse_unless_manager(request):
    """The 403 page for a member who is not a manager, else ``None``. Dossier views call it after
    ``get_dossier``, so that another organisation's dossier still answers 404 first."""
    if request.membership.is_manager:
        return None
    return _refused(request, "Cette action est réservée aux responsables de l'organisation.")


def manager_required(view):
    """Like ``member_required``, for the organisation's managers only (agents are refused)."""

    @wraps(view)
    def inner(request, *args, **kwargs):
        if not request.membership.is_manager:
            return _refused(request, "Cette page est réservée aux responsables de l'organisation.")
        return view(request, *args, **kwargs)

    inner.read_only_allowed = getattr(view, "read_only_allowed", False)
    return member_required(inner)


def organisation_dossiers(membership: Membership):
    """The only queryset of dossiers the views use: those of the organisation the member works in."""
    return Dossier.objects.for_organisation(membership.organisation)


def organisation_members(organisation):
    """The organisation's active members (agents a dossier or a task may be given to)."""
    return (
        Membership.objects.filter(organisation=organisation, is_active=True, user__is_active=True)
        .exclude(role=MembershipRole.READ_ONLY).select_related("user").order_by("user__last_name", "user__first_name")
    )


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
