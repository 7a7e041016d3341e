"""Step 4, resources, second page: the amounts, only for the kinds of income ticked on the page before.

Each income is asked the way people know it: "how much per month" and whether it was paid every month of the
12 months counted, only some months (since when, until when) or varied (then the 12-month total). The
self-employed give the yearly income of their last tax notice, the housing aid is asked per month today, and
the RSA only "still paid today?" (the CSS does not count it, but it gives the free CSS).

The translation writes dated resource lines (contract: ``monthly_amount`` with optional ``from`` / ``until``,
or ``amount`` for a 12-month total); the rules count the months of the reference period. From the same
answers it derives the benefits received today and, for people not working today, since when they have had no
work income (``no_work_since``, for the presumptions of R861-11).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import EARNED_INCOME_TYPES, Activity, Benefit
from eligibility.rules.enums import ResourceType as T
from eligibility.rules.reasons import format_eur

from ..fields import AmountField, MonthField
from .base import YES_NO, Origin, Step, StepForm, Translation, money
from .resources import (
    ANNUAL,
    MONTHLY_NOW,
    NOTHING,
    PERIOD,
    STILL,
    Kind,
    asked_about,
    how_asked,
    period_words,
    ticked,
)

EVERY_MONTH, SOME_MONTHS, TOTAL = "all", "part", "total"
WORKING = frozenset({Activity.EMPLOYEE.value, Activity.SELF_EMPLOYED.value, Activity.TRAINEE_PAID.value})
BENEFIT_VALUES = frozenset(b.value for b in Benefit)
HINTS = {
    T.SALARY: _("Le « net à payer avant impôt » de la fiche de paie, par exemple 1 234,56."),
    T.UNEMPLOYMENT_BENEFIT: _("Le montant versé par France Travail."),
    T.DAILY_ALLOWANCE: _("Le montant versé par l'Assurance Maladie pendant l'arrêt."),
    T.FAMILY_BENEFIT: _("Allocations familiales, complément familial, allocation de soutien familial…"),
    T.ALIMONY_PAID: _("Ce montant est retiré des ressources."),
}


def field_name(uid: str, rtype: T, part: str) -> str:
    return f"{uid}__{rtype.value}__{part}"


def wanted(answers) -> list[tuple[dict, list[tuple[Kind, str]]]]:
    """``[(member, [(kind, how asked)…])…]``: what the amounts page asks, person by person."""
    kinds = ticked(answers)
    request_date = answers.request_date
    out = []
    for member in answers.members:
        asked = [(k, how_asked(k, request_date)) for k in kinds.get(member["uid"], [])]
        asked = [(k, how) for k, how in asked if how != NOTHING]
        if asked:
            out.append((member, asked))
    return out


def last_day(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


class AmountsForm(StepForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = []
        if not self.answers:
            return
        period = period_words(self.answers.request_date)
        self.period = period
        for member, kinds in wanted(self.answers):
            uid = member["uid"]
            blocks = []
            for kind, how in kinds:
                names = self._add_fields(uid, kind, how, period)
                blocks.append({"kind": kind, "how": how, "names": names})
            self.people.append({"member": member, "blocks": blocks})
        for person in self.people:
            for block in person["blocks"]:
                block["fields"] = {part: self[name] for part, name in block["names"].items()}
                block["legend"] = block["kind"].short or block["kind"].label

    def _add_fields(self, uid: str, kind: Kind, how: str, period: dict) -> dict[str, str]:
        rtype = kind.type
        names = {}

        def add(part, field):
            names[part] = field_name(uid, rtype, part)
            self.fields[names[part]] = field

        if how == ANNUAL:
            add("annual", AmountField(
                label=_("Revenu net de votre dernier avis d'impôt"),
                help_text=_("Sur l'avis d'impôt sur le revenu, ou sur l'ASDIR (l'avis de situation déclarative, "
                            "à télécharger sur impots.gouv.fr). C'est un montant pour l'année : ne le divisez pas. "
                            "Écrivez 0 s'il n'y a rien."),
                error_messages={"required": _("Indiquez le revenu de votre dernier avis d'impôt (0 si aucun).")},
            ))
        elif how == MONTHLY_NOW:
            add("monthly", AmountField(
                label=_("Combien par mois aujourd'hui ?"), max_value=10000,
                help_text=_("Le montant versé par la CAF ou la MSA, par exemple 250."),
                error_messages={"required": _("Indiquez le montant par mois, par exemple 250.")},
            ))
        elif how == STILL:
            add("still", forms.ChoiceField(
                label=_("Est-il encore versé aujourd'hui ?"), choices=YES_NO, widget=forms.RadioSelect,
                error_messages={"required": _("Répondez par oui ou par non.")},
            ))
        else:
            add("how", forms.ChoiceField(
                label=_("Chaque mois ?"), widget=forms.RadioSelect,
                choices=[
                    (EVERY_MONTH, _("Oui, chaque mois, le même montant")),
                    (SOME_MONTHS, _("Seulement certains mois : il a commencé ou il s'est arrêté")),
                    (TOTAL, _("Le montant change d'un mois à l'autre : je donne le total")),
                ],
                error_messages={"required": _("Choisissez une réponse.")},
            ))
            add("monthly", AmountField(
                label=_("Combien par mois ?"), required=False, help_text=HINTS.get(rtype, _("Le montant net."))))
            add("from", MonthField(
                label=_("Depuis quel mois ?"), required=False,
                help_text=gettext("Par exemple 03/2026. Laissez vide si c'était déjà versé en %(month)s.")
                % {"month": period["start_month"]}))
            add("until", MonthField(
                label=_("Jusqu'à quel mois ?"), required=False,
                help_text=_("Le dernier mois versé. Laissez vide si c'est encore versé aujourd'hui.")))
            add("total", AmountField(
                label=gettext("Combien au total %(period)s ?") % {"period": period["text"]}, required=False))
        return names

    def clean(self):
        data = super().clean()
        for person in self.people:
            for block in person["blocks"]:
                if block["how"] != PERIOD:
                    continue
                names = block["names"]
                how = data.get(names["how"])
                missing_monthly = data.get(names["monthly"]) is None and names["monthly"] not in self.errors
                if how in (EVERY_MONTH, SOME_MONTHS) and missing_monthly:
                    self.add_error(names["monthly"], _("Indiquez le montant par mois, par exemple 1 234,56."))
                if how == SOME_MONTHS:
                    start, end = data.get(names["from"]), data.get(names["until"])
                    if start is None and end is None and not {names["from"], names["until"]} & set(self.errors):
                        self.add_error(names["from"], _("Indiquez le premier mois, le dernier mois, ou les deux."))
                    elif start and end and end < start:
                        self.add_error(names["until"], _("Ce mois est avant le premier mois : vérifiez les dates."))
                    elif start and start > self.answers.request_date:
                        self.add_error(names["from"], _("Ce mois est après la demande : vérifiez l'année."))
                if how == TOTAL and data.get(names["total"]) is None and names["total"] not in self.errors:
                    self.add_error(names["total"], _("Indiquez le total reçu sur les 12 mois, par exemple 9 600."))
        return data

    def summary_rows(self):
        rows = []
        data = self.cleaned_data
        for person in self.people:
            parts = []
            for block in person["blocks"]:
                parts.append(f"{block['legend']} : {describe(block, data)}")
            rows.append((person["member"]["title"], "; ".join(parts)))
        return rows


def describe(block: dict, data: dict) -> str:
    names, how = block["names"], block["how"]
    if how == ANNUAL:
        return gettext("%(amount)s (dernier avis d'impôt)") % {"amount": format_eur(data.get(names["annual"]) or 0)}
    if how == MONTHLY_NOW:
        return gettext("%(amount)s par mois") % {"amount": format_eur(data.get(names["monthly"]) or 0)}
    if how == STILL:
        return gettext("encore versé") if data.get(names["still"]) == "yes" else gettext("plus versé")
    answer = data.get(names["how"])
    if answer == TOTAL:
        return gettext("%(amount)s sur 12 mois") % {"amount": format_eur(data.get(names["total"]) or 0)}
    monthly = gettext("%(amount)s par mois") % {"amount": format_eur(data.get(names["monthly"]) or 0)}
    if answer == EVERY_MONTH:
        return gettext("%(monthly)s, chaque mois") % {"monthly": monthly}
    start, end = data.get(names["from"]), data.get(names["until"])
    return gettext("%(monthly)s, de %(start)s à %(end)s") % {
        "monthly": monthly,
        "start": start.strftime("%m/%Y") if start else gettext("avant"),
        "end": end.strftime("%m/%Y") if end else gettext("aujourd'hui"),
    }


def to_situation(answers, t: Translation) -> None:
    s = t.situation
    s["resources"] = []
    benefits: list[str] = []
    data = answers.get("montants") or {}
    request_date = answers.request_date
    #: uid → for each work income, the first day without it (``None``: still paid, or not known).
    work_ends: dict[str, list[date | None]] = {}
    for member, kinds in wanted(answers) if data else []:
        uid = member["uid"]
        for kind, how in kinds:
            rtype = kind.type
            prefix = field_name(uid, rtype, "")
            current = True
            if how == STILL:
                current = data.get(prefix + "still") == "yes"
            elif how == MONTHLY_NOW:
                s["housing"]["housing_aid_monthly"] = money(data.get(prefix + "monthly"))
                t.trace["housing.housing_aid_monthly"] = Origin("montants", prefix + "monthly")
            else:
                line, stopped = resource_line(data, prefix, how, request_date)
                current = stopped is None
                if rtype in EARNED_INCOME_TYPES:
                    work_ends.setdefault(uid, []).append(stopped)
                t.trace[f"resources[{len(s['resources'])}]"] = Origin("montants", prefix + ("how" if how == PERIOD else "annual"))
                s["resources"].append({"member": t.ids[uid], "type": rtype.value, **line})
            if rtype.value in BENEFIT_VALUES and current and rtype.value not in benefits:
                benefits.append(rtype.value)
    s["current_benefits"] = benefits
    t.trace["current_benefits"] = Origin("ressources", None)
    # For the presumptions (R861-11): since when a person asked about income, not working today, has had no
    # work income. Nothing ticked: none during the 12 months counted; a job that stopped: from the month after.
    window_start = period_words(request_date)["start"]
    for i, member in enumerate(answers.members):
        if not asked_about(member, request_date) or (member.get("activity") or "") in WORKING:
            continue
        ends = work_ends.get(member["uid"], [window_start])
        if ends and all(end is not None for end in ends):
            s["members"][i]["no_work_since"] = max(ends).isoformat()


def resource_line(data: dict, prefix: str, how: str, request_date: date) -> tuple[dict, date | None]:
    """The contract's resource line (without member and type), and the first day it is no longer paid (if so)."""
    if how == ANNUAL:
        return {"amount": money(data.get(prefix + "annual"))}, None
    if data.get(prefix + "how") == TOTAL:
        return {"amount": money(data.get(prefix + "total"))}, None
    line = {"monthly_amount": money(data.get(prefix + "monthly"))}
    stopped = None
    if data.get(prefix + "how") == SOME_MONTHS:
        start, end = data.get(prefix + "from"), data.get(prefix + "until")
        if start:
            line["from"] = start.isoformat()
        if end:
            line["until"] = last_day(end).isoformat()
            if last_day(end) < request_date:
                stopped = last_day(end) + timedelta(days=1)
    return line, stopped


def applies(answers) -> bool:
    return bool(wanted(answers))


STEP = Step(
    "montants", _("Les montants"), AmountsForm, applies, template="questionnaire/step_amounts.html",
    section=_("Ressources"), to_situation=to_situation,
)
