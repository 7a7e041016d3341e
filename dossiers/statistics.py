"""Figures for the organisation's board: counts, never a person. Everything here is computed from the
dossiers' statuses, dates and the keys of their results' checklist; no name, contact or answer is read.

Period: a dossier counts in « created », « by status » and « aids » when it was created in the period,
in « sent » when it was sent in it, in « decisions », « granted » and the average time to a decision when
its decision came in it. « Renewals due » is a count on the day of reading (rights ending within 4 months).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from io import StringIO

from django.utils import formats, timezone

from .models import Dossier, DossierStatus, GrantedCss, add_months

#: Checklist item keys of the rules (``eligibility.rules.checklist``) that are requests for an aid.
AIDS = {
    "css_request": "Demande de Complémentaire santé solidaire",
    "css_renewal": "Renouvellement de la Complémentaire santé solidaire",
    "cpam_aid_request": "Aide financière de la CPAM (action sanitaire et sociale)",
    "help_questionnaire": "Aide « Help » de l'Urssaf (travailleurs indépendants)",
}


@dataclass
class Chart:
    """A bar chart and its table: rows of (label, value), drawn as SVG by ``dossiers/_chart.html``."""

    key: str
    title: str
    unit: str
    rows: list[tuple[str, int]]
    row_height: int = 28
    label_width: int = 260
    bar_width: int = 300

    @property
    def total(self) -> int:
        return sum(value for _label, value in self.rows)

    @property
    def height(self) -> int:
        return self.row_height * len(self.rows) + 8

    @property
    def width(self) -> int:
        return self.label_width + self.bar_width + 60

    @property
    def bars(self) -> list[dict]:
        top = max([value for _label, value in self.rows] + [1])
        return [
            {"label": label, "value": value, "y": 4 + i * self.row_height, "text_y": 4 + i * self.row_height + 18,
             "x": self.label_width, "width": round(self.bar_width * value / top), "height": self.row_height - 8,
             "value_x": self.label_width + round(self.bar_width * value / top) + 6}
            for i, (label, value) in enumerate(self.rows)
        ]


@dataclass
class Statistics:
    start: date
    end: date
    dossiers_created: int
    by_status: list[tuple[str, int]]
    by_month: list[dict]
    granted: list[tuple[str, int]]
    renewals_due: int
    decisions: int
    average_decision_days: float | None
    aids: list[tuple[str, int]]
    charts: list[Chart] = field(default_factory=list)


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months, from the first day of the month eleven months back to today."""
    return add_months(today.replace(day=1), -11), today


def _months(start: date, end: date) -> list[date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


def month_label(month: date) -> str:
    return formats.date_format(month, "F Y").capitalize()


def compute(organisation, start: date, end: date, today: date, agent=None) -> Statistics:
    """The board's figures of ``organisation`` for dossiers of the period (and of ``agent`` if given)."""
    dossiers = list(
        Dossier.objects.for_organisation(organisation)
        .filter(**({"assigned_to": agent} if agent is not None else {}))
        .only("status", "created_at", "sent_on", "decision_on", "decision_css", "decision_rights_end", "result")
    )

    def in_period(day):
        return day is not None and start <= day <= end

    created = [d for d in dossiers if in_period(timezone.localtime(d.created_at).date())]
    decided = [d for d in dossiers if d.status in DossierStatus.decided() and in_period(d.decision_on)]
    by_status = [(label, sum(1 for d in created if d.status == value)) for value, label in DossierStatus.choices]

    by_month = []
    for month in _months(start, end):
        last = add_months(month, 1)

        def same_month(day, month=month, last=last):
            return day is not None and month <= day < last and in_period(day)

        by_month.append({
            "month": month, "label": month_label(month),
            "created": sum(1 for d in dossiers if same_month(timezone.localtime(d.created_at).date())),
            "sent": sum(1 for d in dossiers if same_month(d.sent_on)),
            "decisions": sum(1 for d in dossiers if same_month(d.decision_on) and d.status in DossierStatus.decided()),
        })

    accepted = [d for d in decided if d.status == DossierStatus.ACCEPTED]
    granted = [(label, sum(1 for d in accepted if d.decision_css == value)) for value, label in GrantedCss.choices]
    delays = [(d.decision_on - d.sent_on).days for d in decided if d.sent_on is not None]
    average = round(sum(delays) / len(delays), 1) if delays else None
    renewals = sum(
        1 for d in dossiers if d.status == DossierStatus.ACCEPTED and d.decision_rights_end is not None
        and d.decision_rights_end <= add_months(today, 4)
    )
    aids = []
    for key, label in AIDS.items():
        aids.append((label, sum(
            1 for d in created
            if any(isinstance(item, dict) and item.get("key") == key for item in (d.result or {}).get("checklist") or [])
        )))

    stats = Statistics(
        start=start, end=end, dossiers_created=len(created), by_status=by_status, by_month=by_month,
        granted=granted, renewals_due=renewals, decisions=len(decided), average_decision_days=average, aids=aids,
    )
    stats.charts = [
        Chart("statuts", "Dossiers créés sur la période, par statut actuel", "dossiers", by_status),
        Chart("mois", "Dossiers créés par mois", "dossiers", [(m["label"], m["created"]) for m in by_month]),
        Chart("accords", "Complémentaire santé solidaire accordée (décisions de la période)", "dossiers", granted),
        Chart("aides", "Aides demandées (dossiers créés sur la période)", "dossiers", aids),
    ]
    return stats


def statistics_csv(stats: Statistics) -> str:
    """The figures as CSV (section, label, value): counts only, for the board."""
    out = StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["rubrique", "libellé", "valeur"])
    writer.writerow(["période", "début", stats.start.isoformat()])
    writer.writerow(["période", "fin", stats.end.isoformat()])
    writer.writerow(["total", "dossiers créés", stats.dossiers_created])
    for label, value in stats.by_status:
        writer.writerow(["statut actuel", label, value])
    for month in stats.by_month:
        writer.writerow(["créés par mois", month["month"].strftime("%Y-%m"), month["created"]])
        writer.writerow(["envoyés par mois", month["month"].strftime("%Y-%m"), month["sent"]])
        writer.writerow(["décisions par mois", month["month"].strftime("%Y-%m"), month["decisions"]])
    for label, value in stats.granted:
        writer.writerow(["droit accordé", label, value])
    writer.writerow(["décisions", "nombre", stats.decisions])
    writer.writerow(["décisions", "délai moyen (jours)",
                     "" if stats.average_decision_days is None else str(stats.average_decision_days)])
    writer.writerow(["renouvellements", "droits finissant dans les 4 mois", stats.renewals_due])
    for label, value in stats.aids:
        writer.writerow(["aides demandées", label, value])
    return out.getvalue()


DOSSIER_COLUMNS = ["dossier", "statut", "créé le", "envoyé le", "décision le", "droit accordé",
                   "participation mensuelle", "fin des droits"]


def dossiers_csv(dossiers) -> str:
    """The dossier list without anything about the person: random identifier, status and dates."""
    out = StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(DOSSIER_COLUMNS)
    for d in dossiers:
        writer.writerow([
            str(d.public_id), d.get_status_display(), timezone.localtime(d.created_at).date().isoformat(),
            _iso(d.sent_on), _iso(d.decision_on), d.get_decision_css_display() if d.decision_css else "",
            "" if d.decision_monthly_participation is None else str(d.decision_monthly_participation),
            _iso(d.decision_rights_end),
        ])
    return out.getvalue()


def _iso(day):
    return day.isoformat() if day else ""
