"""Deletes what is kept past its retention period. Safe to run daily (cron, systemd timer).

- dossiers with no activity for ``--months`` months (default ``settings.DOSSIER_RETENTION_MONTHS``),
  with their questionnaire, notes and checklist; each leaves an audit entry (its UUID, no personal data);
- anonymous questionnaires (cases that no dossier owns) with no activity for ``settings.CASE_EXPIRY_DAYS``.

Idempotent: a second run finds nothing more to delete. ``--dry-run`` only counts.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management import BaseCommand, CommandError
from django.utils import timezone

from dossiers.models import AuditAction, Dossier, add_months
from eligibility.models import Case


class Command(BaseCommand):
    help = "Efface les dossiers et questionnaires anonymes arrivés au terme de leur durée de conservation."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None,
                            help="Mois sans activité avant l'effacement d'un dossier "
                                 f"(par défaut DOSSIER_RETENTION_MONTHS = {settings.DOSSIER_RETENTION_MONTHS}).")
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien effacer.")

    def handle(self, *args, months=None, dry_run=False, **options):
        months = settings.DOSSIER_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("--months doit valoir au moins 1.")
        now = timezone.now()
        dossier_cutoff = add_months(now, -months)
        case_cutoff = now - timedelta(days=settings.CASE_EXPIRY_DAYS)

        # A dossier whose questionnaire was edited recently is active, whatever its own date says.
        expired_dossiers = (
            Dossier.objects.filter(last_activity_at__lt=dossier_cutoff)
            .exclude(case__last_activity_at__gte=dossier_cutoff)
            .select_related("case")
        )
        expired_cases = Case.objects.filter(dossier__isnull=True, last_activity_at__lt=case_cutoff)
        dossier_count = expired_dossiers.count()
        if dry_run:
            case_count = expired_cases.count()
        else:
            for dossier in expired_dossiers.iterator(chunk_size=200):
                dossier.erase(None, AuditAction.PURGED)
            _total, per_model = expired_cases.delete()
            case_count = per_model.get(Case._meta.label, 0)

        verb = "seraient effacés" if dry_run else "effacés"
        self.stdout.write(
            f"Dossiers sans activité depuis {months} mois {verb} : {dossier_count}\n"
            f"Questionnaires anonymes sans activité depuis {settings.CASE_EXPIRY_DAYS} jours {verb} : {case_count}"
        )
