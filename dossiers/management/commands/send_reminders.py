"""E-mails each agent the reminders that became due (see ``dossiers.reminders``). Run it daily (cron,
systemd timer): each reminder is sent once, so a second run the same day, or the next day, sends nothing
it already sent. The e-mails carry no applicant data: the kind of reminder, dates, and a link to the
dossier (by its random identifier) that opens only for a logged-in member of its organisation.
"""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import date

from django.core.mail import send_mail
from django.core.management import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Organisation, ReminderSent
from dossiers.reminders import due_reminders


class Command(BaseCommand):
    help = "Envoie à chaque agent, une seule fois, ses rappels du jour (renouvellements, décisions en retard, pièces, tâches)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Jour à considérer (AAAA-MM-JJ ; par défaut aujourd'hui).")
        parser.add_argument("--base-url", default=os.environ.get("SITE_URL", "http://localhost:8000"),
                            help="Adresse du site pour les liens des e-mails (variable SITE_URL).")
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien envoyer.")

    def handle(self, *args, date=None, base_url="", dry_run=False, **options):
        today = _parse_day(date) if date else timezone.localdate()
        base_url = base_url.rstrip("/")
        sent_mails = sent_reminders = 0
        for organisation in Organisation.objects.order_by("pk"):
            already = set(
                ReminderSent.objects.filter(dossier__organisation=organisation).values_list("dossier_id", "kind", "key")
            )
            by_recipient = defaultdict(list)
            for reminder in due_reminders(organisation, today):
                if (reminder.dossier.pk, reminder.kind, reminder.key) in already:
                    continue
                for user in reminder.recipients:
                    if user.email:
                        by_recipient[user].append(reminder)
            for user, reminders in by_recipient.items():
                if dry_run:
                    sent_mails, sent_reminders = sent_mails + 1, sent_reminders + len(reminders)
                    continue
                lines = [{"reminder": r, "url": base_url + reverse("dossiers:detail", args=[r.dossier.public_id])}
                         for r in reminders]
                context = {"user": user, "organisation": organisation, "today": today, "lines": lines,
                           "todo_url": base_url + reverse("dossiers:todo")}
                subject = render_to_string("dossiers/email/reminders_subject.txt", context).strip()
                send_mail(subject, render_to_string("dossiers/email/reminders.txt", context), None, [user.email])
                sent_mails += 1
                for reminder in reminders:
                    try:
                        with transaction.atomic():
                            ReminderSent.objects.create(dossier=reminder.dossier, kind=reminder.kind,
                                                        key=reminder.key, recipient=user, sent_on=today)
                    except IntegrityError:  # sent to a first recipient already (the managers share one)
                        continue
                    sent_reminders += 1
        verb = "seraient envoyés" if dry_run else "envoyés"
        self.stdout.write(f"Rappels du {today.isoformat()} {verb} : {sent_reminders} en {sent_mails} e-mail(s)")


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError("--date attend une date AAAA-MM-JJ.") from None
