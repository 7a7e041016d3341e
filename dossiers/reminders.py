"""Reminders of the CCAS workspace: what each agent must do today, for the « À faire » page and the daily
e-mail (``manage.py send_reminders``).

Four rules, each evaluated on a given day (``today``) for one organisation's dossiers only:

- **renewal**: the CSS granted on the dossier ends on ``decision_rights_end``; its renewal is asked between
  4 and 2 months before the end (CSS art. R861-18, parameter ``demarches.css_renouvellement_mois``). The
  reminder opens with the window. Not for the renewals the caisse makes itself: CSS without participation
  of RSA recipients, and CSS of ASPA or ASI recipients (CSS art. L861-2, R861-18).
- **decision overdue**: the dossier was sent and no decision came within the legal delay
  (``demarches.css_delai_decision_mois`` in force on the sending day; CSS art. R861-16 and R861-17).
- **missing documents**: results were computed ``organisation.missing_documents_reminder_days`` days ago
  and documents of the checklist are still to gather or asked, while the dossier is not sent.
- **task due**: a task of the dossier is not done and its date has come.

Each reminder has a key (the rights' end date, the sending date, the computation date, the task) so the
daily e-mail sends it once: ``ReminderSent`` remembers (dossier, kind, key). The page shows every reminder
that still applies, sent or not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from eligibility.rules.parameters import default_parameters
from eligibility.rules.reasons import format_date

from .models import (
    DocumentState,
    Dossier,
    DossierStatus,
    GrantedCss,
    Membership,
    MembershipRole,
    Organisation,
    ReminderKind,
    Task,
    add_months,
)

#: Documents that still stall the dossier.
PENDING_DOCUMENT_STATES = {DocumentState.TO_GATHER, DocumentState.ASKED}


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    dossier: Dossier
    key: str
    due_on: date
    detail: str            # dates and counts only: never the applicant's data (it goes into e-mails)
    recipients: tuple      # users (active members of the dossier's organisation)
    task: Task | None = None

    @property
    def label(self) -> str:
        return ReminderKind(self.kind).label


def _day(value: date) -> str:
    return format_date(value)


def renewal_is_automatic(dossier: Dossier) -> bool:
    """The caisse renews by itself the CSS without participation of RSA recipients and the CSS of ASPA and
    ASI recipients (CSS art. L861-2 and R861-18): the presumption the rules applied tells."""
    presumption = ((dossier.result or {}).get("css") or {}).get("presumption")
    if presumption == "rsa":
        return dossier.decision_css != GrantedCss.WITH_PARTICIPATION
    return presumption in {"aspa", "asi"}


def renewal_window(rights_end: date) -> tuple[date, date]:
    """(first day, last day) to ask for the renewal of rights ending on ``rights_end``."""
    window = default_parameters().at(rights_end)["demarches.css_renouvellement_mois"]
    return add_months(rights_end, -int(window["au_plus_tot"])), add_months(rights_end, -int(window["au_plus_tard"]))


def decision_due_on(sent_on: date) -> date:
    """Last day of the legal delay of the caisse's decision on a dossier sent on ``sent_on``."""
    return add_months(sent_on, int(default_parameters().at(sent_on)["demarches.css_delai_decision_mois"]))


class _Recipients:
    """Who receives a dossier's reminders: the agent in charge (of the task, else of the dossier) when
    still an active member of the dossier's organisation, else the organisation's managers."""

    def __init__(self, organisation: Organisation):
        members = Membership.objects.filter(
            organisation=organisation, is_active=True, user__is_active=True,
        ).exclude(role=MembershipRole.READ_ONLY).select_related("user")
        self.members = {m.user_id: m.user for m in members}
        self.managers = tuple(m.user for m in members if m.role == MembershipRole.MANAGER)

    def __call__(self, *user_ids) -> tuple:
        for user_id in user_ids:
            if user_id in self.members:
                return (self.members[user_id],)
        return self.managers


def due_reminders(organisation: Organisation, today: date) -> list[Reminder]:
    """Every reminder that applies on ``today`` to the organisation's dossiers, oldest due first."""
    recipients = _Recipients(organisation)
    dossiers = Dossier.objects.for_organisation(organisation)
    found: list[Reminder] = []

    for dossier in dossiers.filter(status=DossierStatus.ACCEPTED, decision_rights_end__gt=today):
        opens, closes = renewal_window(dossier.decision_rights_end)
        if opens <= today and not renewal_is_automatic(dossier):
            found.append(Reminder(
                ReminderKind.RENEWAL, dossier, dossier.decision_rights_end.isoformat(), opens,
                f"droits jusqu'au {_day(dossier.decision_rights_end)} ; demande à faire avant le {_day(closes)}",
                recipients(dossier.assigned_to_id),
            ))

    for dossier in dossiers.filter(status=DossierStatus.SENT, sent_on__isnull=False):
        due = decision_due_on(dossier.sent_on)
        if today > due:
            found.append(Reminder(
                ReminderKind.DECISION_OVERDUE, dossier, dossier.sent_on.isoformat(), due + timedelta(days=1),
                f"envoyé le {_day(dossier.sent_on)}, sans décision au {_day(due)}",
                recipients(dossier.assigned_to_id),
            ))

    delay = timedelta(days=organisation.missing_documents_reminder_days)
    waiting = dossiers.filter(
        status__in=[DossierStatus.DRAFT, DossierStatus.READY], result_computed_at__isnull=False,
    ).prefetch_related("checklist_states")
    for dossier in waiting:
        computed = dossier.result_computed_at.date()
        if today < computed + delay:
            continue
        pending = sum(1 for doc in dossier.checklist_documents() if doc["state"] in PENDING_DOCUMENT_STATES)
        if pending:
            found.append(Reminder(
                ReminderKind.MISSING_DOCUMENTS, dossier, computed.isoformat(), computed + delay,
                f"{pending} pièce{'s' if pending > 1 else ''} à réunir depuis le {_day(computed)}",
                recipients(dossier.assigned_to_id),
            ))

    tasks = Task.objects.filter(
        dossier__organisation=organisation, done_at__isnull=True, due_on__lte=today,
    ).select_related("dossier")
    for task in tasks:
        found.append(Reminder(
            ReminderKind.TASK_DUE, task.dossier, f"task-{task.pk}", task.due_on,
            f"tâche à faire pour le {_day(task.due_on)}",
            recipients(task.assigned_to_id, task.dossier.assigned_to_id), task=task,
        ))

    found.sort(key=lambda r: (r.due_on, r.kind, r.dossier.pk))
    return found


def reminders_for(user, reminders: Iterable[Reminder]) -> list[Reminder]:
    """The reminders addressed to ``user``."""
    return [r for r in reminders if any(u.pk == user.pk for u in r.recipients)]
