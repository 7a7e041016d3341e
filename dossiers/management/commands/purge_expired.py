"""Deletes what is kept past its retention period. Safe to run daily (cron, systemd timer).

- dossiers with no activity for ``--months`` months (default ``settings.DOSSIER_RETENTION_MONTHS``),
  with their questionnaire, notes and checklist; each leaves an audit entry (its UUID, no personal data);
- anonymous questionnaires (cases that no dossier owns) with no activity for ``settings.CASE_EXPIRY_DAYS``;
- reactions to a result (« Ce résultat vous surprend ? ») older than ``settings.FEEDBACK_RETENTION_MONTHS``:
  their free comment may name someone, and they are kept apart from the case (its id only);
- expired sessions (what ``clearsessions`` does: a social worker's session holds their search term);
- expired entries of the database cache (throttle counters keyed by hashed addresses).

Idempotent: a second run finds nothing more to delete. ``--dry-run`` only counts.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import BaseCommand, CommandError
from django.utils import timezone

from dossiers.models import AuditAction, Dossier, add_months
from eligibility.models import Case, ResultFeedback


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
        feedback_months = settings.FEEDBACK_RETENTION_MONTHS
        expired_feedback = ResultFeedback.objects.filter(created_at__lt=add_months(now, -feedback_months))
        expired_sessions = Session.objects.filter(expire_date__lt=now)
        dossier_count = expired_dossiers.count()
        if dry_run:
            case_count = expired_cases.count()
            session_count = expired_sessions.count()
            feedback_count = expired_feedback.count()
        else:
            for dossier in expired_dossiers.iterator(chunk_size=200):
                dossier.erase(None, AuditAction.PURGED)
            _total, per_model = expired_cases.delete()
            case_count = per_model.get(Case._meta.label, 0)
            session_count, _ = expired_sessions.delete()
            feedback_count, _ = expired_feedback.delete()
            clear_expired_cache_entries()

        verb = "seraient effacés" if dry_run else "effacés"
        self.stdout.write(
            f"Dossiers sans activité depuis {months} mois {verb} : {dossier_count}\n"
            f"Questionnaires anonymes sans activité depuis {settings.CASE_EXPIRY_DAYS} jours {verb} : {case_count}\n"
            f"Sessions expirées {verb} : {session_count}\n"
            f"Avis sur les résultats de plus de {feedback_months} mois {verb} : {feedback_count}"
        )


def clear_expired_cache_entries() -> None:
    """The database cache deletes expired rows only now and then, when it is full: delete them all."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache
    from django.db import connections, router

    for alias in settings.CACHES:
        cache = caches[alias]
        if not isinstance(cache, DatabaseCache):
            continue
        db = router.db_for_write(cache.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(cache._table)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE expires < %s",  # noqa: S608 (table name from settings)
                           [connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))])
