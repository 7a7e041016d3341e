"""The organisation's managers: their team (invite, deactivate, reactivate) and the dossiers' audit log."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ..forms import InviteForm
from ..models import AuditAction, AuditEntry, Membership
from ..permissions import manager_required

AUDIT_PAGE_SIZE = 50


@never_cache
@manager_required
@require_http_methods(["GET"])
def team(request):
    members = (
        Membership.objects.filter(organisation=request.membership.organisation)
        .select_related("user").order_by("-is_active", "user__last_name", "user__first_name")
    )
    return render(request, "dossiers/team.html", {"members": members})


@never_cache
@manager_required
@require_http_methods(["GET", "POST"])
def invite(request):
    form = InviteForm(request.POST or None, organisation=request.membership.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.existing_user is not None:
            Membership.objects.create(user=form.existing_user, organisation=request.membership.organisation,
                                      role=data["role"])
            messages.success(request, f"Le compte {form.existing_user.get_username()} fait maintenant partie de "
                                      "l'équipe ; il choisit l'organisation dans laquelle il travaille après sa connexion.")
            return redirect("dossiers:team")
        with transaction.atomic():
            user = get_user_model().objects.create(
                username=data["username"], first_name=data["first_name"], last_name=data["last_name"],
                email=data["email"], is_active=True,
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
            Membership.objects.create(user=user, organisation=request.membership.organisation, role=data["role"])
        send_invitation(request, user)
        messages.success(request, f"Invitation envoyée à {user.email}. Le lien pour choisir un mot de passe vaut 3 jours.")
        return redirect("dossiers:team")
    return render(request, "dossiers/invite.html", {"form": form})


def send_invitation(request, user) -> None:
    """E-mail a set-password link built with Django's token generator (valid PASSWORD_RESET_TIMEOUT)."""
    path = reverse("password_reset_confirm", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user),
    })
    context = {
        "user": user, "organisation": request.membership.organisation, "inviter": request.user,
        "link": request.build_absolute_uri(path),
    }
    subject = render_to_string("registration/invitation_subject.txt", context).strip()
    body = render_to_string("registration/invitation_email.txt", context)
    send_mail(subject, body, None, [user.email])


def _member(request, membership_id) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, organisation=request.membership.organisation,
    )


@manager_required
@require_POST
def deactivate(request, membership_id):
    member = _member(request, membership_id)
    if member.pk == request.membership.pk:
        messages.error(request, "Vous ne pouvez pas désactiver votre propre compte.")
        return redirect("dossiers:team")
    with transaction.atomic():
        member.is_active = False
        member.save(update_fields=["is_active"])
        # The account stays open for the other organisations it serves; without any, it is closed.
        if not Membership.objects.filter(user=member.user, is_active=True).exists():
            member.user.is_active = False
            member.user.save(update_fields=["is_active"])
    messages.success(request, f"Le compte {member.user.get_username()} est désactivé dans l'organisation : "
                              "il n'y peut plus rien faire.")
    return redirect("dossiers:team")


@manager_required
@require_POST
def reactivate(request, membership_id):
    member = _member(request, membership_id)
    with transaction.atomic():
        member.is_active = True
        member.save(update_fields=["is_active"])
        member.user.is_active = True
        member.user.save(update_fields=["is_active"])
    if not member.user.has_usable_password():
        send_invitation(request, member.user)
        messages.success(request, f"Le compte {member.user.get_username()} est réactivé ; l'invitation a été renvoyée.")
    else:
        messages.success(request, f"Le compte {member.user.get_username()} est réactivé.")
    return redirect("dossiers:team")


@never_cache
@manager_required
@require_http_methods(["GET"])
def audit_log(request):
    entries = AuditEntry.objects.filter(organisation=request.membership.organisation).select_related("actor")
    action = request.GET.get("action", "")
    if action in AuditAction.values:
        entries = entries.filter(action=action)
    dossier = request.GET.get("dossier", "").strip()
    if dossier:
        import uuid

        try:
            entries = entries.filter(dossier_public_id=uuid.UUID(dossier))
        except ValueError:
            entries = entries.none()
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "dossiers/audit.html", {
        "page": page, "actions": AuditAction.choices, "action": action, "dossier": dossier,
        "filter_query": params.urlencode(),
    })


@manager_required
@require_POST
def resend_invitation(request, membership_id):
    member = _member(request, membership_id)
    if not member.is_usable or member.user.has_usable_password():
        messages.error(request, "Ce compte a déjà choisi son mot de passe ou est désactivé : rien n'a été envoyé.")
    else:
        send_invitation(request, member.user)
        messages.success(request, f"Invitation renvoyée à {member.user.email}.")
    return redirect("dossiers:team")
