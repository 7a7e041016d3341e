"""Loads the demo data used by ``make run``: two organisations, their accounts, a few fictitious
dossiers, the CPAM aid default.

Idempotent: running it again resets the demo accounts' passwords, re-creates a demo dossier that was
erased, and leaves everything else as is.
"""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command
from django.db import transaction
from django.utils import timezone

from dossiers.models import (
    CURRENT_CONSENT_VERSION,
    AuditAction,
    Dossier,
    DossierStatus,
    GrantedCss,
    Membership,
    MembershipRole,
    Organisation,
)
from dossiers.models import add_months as _add_months

DEMO_PASSWORD = "demo-aidsante-2026"  # noqa: S105 — public demo accounts, created only by this command
DEMO_ACCOUNTS = [
    # username, first name, last name, organisation pk, role
    ("agent.demo", "Camille", "Martin", 1, MembershipRole.AGENT),
    ("responsable.demo", "Nadia", "Benali", 1, MembershipRole.MANAGER),
    ("agent.exemple", "Lucas", "Schmitt", 2, MembershipRole.AGENT),
]
# Fictitious applicants (fixed UUIDs so that the command stays idempotent): public id, organisation pk,
# author, last name, first name, consent given, status.
DEMO_DOSSIERS = [
    ("6f1c6d2e-3b1a-4c55-9a51-0d3e8f0a0001", 1, "agent.demo", "Exemple", "Aline", True, DossierStatus.DRAFT),
    ("6f1c6d2e-3b1a-4c55-9a51-0d3e8f0a0002", 1, "agent.demo", "Fictif", "Bernard", True, DossierStatus.ACCEPTED),
    ("6f1c6d2e-3b1a-4c55-9a51-0d3e8f0a0003", 1, "responsable.demo", "Démo", "Chloé", False, DossierStatus.DRAFT),
    ("6f1c6d2e-3b1a-4c55-9a51-0d3e8f0a0004", 2, "agent.exemple", "Modèle", "Dominique", True, DossierStatus.SENT),
]

#: Accounts serving a second organisation (the organisation switcher).
DEMO_SECOND_MEMBERSHIPS = [("agent.exemple", 1, MembershipRole.READ_ONLY)]


class Command(BaseCommand):
    help = "Charge les données de démonstration (organisations, comptes, plafond indicatif CPAM)."

    @transaction.atomic
    def handle(self, *args, **options):
        call_command("loaddata", "fixtures/demo_organisations.json", "fixtures/cpam_aid_default.json", verbosity=0)
        user_model = get_user_model()
        for username, first, last, org_pk, role in DEMO_ACCOUNTS:
            user, _ = user_model.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
            user.set_password(DEMO_PASSWORD)
            user.is_active = True
            user.save()
            Membership.objects.update_or_create(
                user=user, organisation=Organisation.objects.get(pk=org_pk), defaults={"role": role, "is_active": True}
            )
        for username, org_pk, role in DEMO_SECOND_MEMBERSHIPS:
            Membership.objects.update_or_create(
                user=user_model.objects.get(username=username), organisation=Organisation.objects.get(pk=org_pk),
                defaults={"role": role, "is_active": True},
            )
        self._demo_dossiers(user_model)
        self.stdout.write("Données de démonstration chargées.")
        self.stdout.write("Espace professionnel : http://127.0.0.1:8000/connexion/")
        for username, _first, _last, org_pk, role in DEMO_ACCOUNTS:
            org = Organisation.objects.get(pk=org_pk)
            self.stdout.write(f"  {username} / {DEMO_PASSWORD}  ({role.label}, {org.name})")
        for username, org_pk, role in DEMO_SECOND_MEMBERSHIPS:
            org = Organisation.objects.get(pk=org_pk)
            self.stdout.write(f"  {username} travaille aussi pour {org.name} ({role.label}) : choix de l'organisation en haut des pages")

    def _demo_dossiers(self, user_model):
        from dossiers.audit import record

        today = timezone.localdate()
        for public_id, org_pk, author, last, first, consent, status in DEMO_DOSSIERS:
            if Dossier.objects.filter(public_id=uuid.UUID(public_id)).exists():
                continue
            user = user_model.objects.get(username=author)
            dossier = Dossier(
                public_id=uuid.UUID(public_id), organisation_id=org_pk, last_name=last, first_name=first,
                created_by=user, updated_by=user, status=status, status_changed_by=user,
            )
            if consent:
                dossier.consent_given_on = today
                dossier.consent_text_version = CURRENT_CONSENT_VERSION
                dossier.consent_recorded_by = user
                dossier.consent_recorded_at = timezone.now()
            if status in {DossierStatus.SENT, DossierStatus.ACCEPTED}:
                dossier.sent_on = today - timedelta(days=75)
            if status == DossierStatus.ACCEPTED:
                dossier.decision_on = today - timedelta(days=30)
                dossier.decision_css = GrantedCss.WITH_PARTICIPATION
                dossier.decision_monthly_participation = 21
                dossier.decision_rights_start = _add_months(today, -10)
                dossier.decision_rights_end = _add_months(today, 2)
            dossier.save()
            record(user, dossier, AuditAction.CREATED)
