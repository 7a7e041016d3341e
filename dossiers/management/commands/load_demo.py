"""Loads the demo data used by ``make run``: two organisations, their accounts, the CPAM aid default.

Idempotent: running it again resets the demo accounts' passwords and leaves everything else as is.
"""

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command
from django.db import transaction

from dossiers.models import Membership, MembershipRole, Organisation

DEMO_PASSWORD = "demo-aidsante-2026"  # noqa: S105 — public demo accounts, created only by this command
DEMO_ACCOUNTS = [
    # username, first name, last name, organisation pk, role
    ("agent.demo", "Camille", "Martin", 1, MembershipRole.AGENT),
    ("responsable.demo", "Nadia", "Benali", 1, MembershipRole.MANAGER),
    ("agent.exemple", "Lucas", "Schmitt", 2, MembershipRole.AGENT),
]


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
                user=user, defaults={"organisation": Organisation.objects.get(pk=org_pk), "role": role, "is_active": True}
            )
        self.stdout.write("Données de démonstration chargées.")
        self.stdout.write("Espace professionnel : http://127.0.0.1:8000/connexion/")
        for username, _first, _last, org_pk, role in DEMO_ACCOUNTS:
            org = Organisation.objects.get(pk=org_pk)
            self.stdout.write(f"  {username} / {DEMO_PASSWORD}  ({role.label}, {org.name})")
