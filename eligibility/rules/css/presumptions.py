"""Presumptions of entitlement (Code de la sécurité sociale, L861-1 and R861-11).

RSA recipients get the CSS without participation whatever their other resources. Recipients of the ASPA
(and, as the dated parameter ``css.presomptions`` says, of the ASI or the AAH) are presumed entitled to the
CSS with participation when nobody in the household had a professional activity during the three calendar
months before the month of the request (R861-11, ``mois_sans_activite``). A member working today rules it
out; a member's ``no_work_since`` (the first day without work) decides it; when a member of 16 or more does
not say it, the presumption applies and the result says the caisse will check it. Younger children do not
count (no work before 16).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..enums import WORKING_ACTIVITIES, Benefit, CssStatus
from ..parameters import ParametersOn
from ..reasons import Reason
from ..situation import Member, Situation
from ..wording import Day, say
from .common import ARTICLE_DECISION, new_key_notes, reason, ref, who_is
from .household import Household

#: Below this age nobody is asked whether they worked (no professional activity before 16).
WORKING_AGE = 16
#: Order of the presumptions when a household receives several allowances.
PRESUMPTION_ORDER = (Benefit.RSA, Benefit.ASPA, Benefit.ASI, Benefit.AAH)
BENEFIT_NAME = {
    Benefit.RSA: say("benefit.rsa"), Benefit.ASPA: say("benefit.aspa_long"), Benefit.ASI: say("benefit.asi"),
    Benefit.AAH: say("benefit.aah"),
}


def apply_presumptions(
    situation: Situation, h: Household, p: ParametersOn, status: CssStatus, reasons: list[Reason],
    to_verify: list[str],
) -> tuple[CssStatus, str | None]:
    """The status once the presumptions are applied, and the benefit that gave it (``None`` if none did)."""
    current_benefits = situation.current_benefits
    if not current_benefits:
        return status, None
    presumptions = p["css.presomptions"]
    months = int(presumptions.get("mois_sans_activite") or 0)
    working = any(m.activity in WORKING_ACTIVITIES for m in h.counted)
    worked, unknown = _worked_before(situation, h, months)
    for benefit in PRESUMPTION_ORDER:
        if benefit not in current_benefits:
            continue
        kind = presumptions.get(benefit)
        if not isinstance(kind, str):
            continue
        if benefit is Benefit.RSA:
            automatic = kind == "gratuite_automatique"
            reasons.append(reason(
                "css.presumption", ARTICLE_DECISION,
                say("css.presumption.rsa_automatic" if automatic else "css.presumption.rsa"),
            ))
            return CssStatus.FREE, benefit.value
        if working:
            reasons.append(reason(
                "css.presumption_not_applied", ref(p, "css.presomptions"),
                say("css.presumption_not_applied.working", benefit=BENEFIT_NAME[benefit]),
            ))
            continue
        if worked is not None:
            member, since = worked
            reasons.append(reason(
                "css.presumption_not_applied", ref(p, "css.presomptions"),
                say("css.presumption_not_applied.worked", benefit=BENEFIT_NAME[benefit], who=who_is(member),
                    last_day=Day(since - timedelta(days=1)), months=months, since=Day(_start(situation, months))),
            ))
            continue
        if kind == "participation_personne_seule" and h.size != 1:
            reasons.append(reason(
                "css.presumption_not_applied", ref(p, "css.presomptions"),
                say("css.presumption_not_applied.alone", benefit=BENEFIT_NAME[benefit]),
            ))
            continue
        if status is CssStatus.NOT_ELIGIBLE:
            status = CssStatus.WITH_PARTICIPATION
        nobody = (say("css.presumption.nobody_works") if unknown else
                  say("css.presumption.nobody_worked", since=Day(_start(situation, months)), months=months))
        reasons.append(reason(
            "css.presumption", ref(p, "css.presomptions"), benefit=BENEFIT_NAME[benefit], nobody=nobody,
        ))
        note = new_key_notes(p, "css.presomptions").get(benefit)
        if note:
            to_verify.append(note)
        if unknown:
            to_verify.append(say("css.to_verify.presumption_work_unknown", months=months))
        return status, benefit.value
    return status, None


def _start(situation: Situation, months: int) -> date:
    """First day of the ``months``-th calendar month before the month of the request."""
    when = situation.request_date
    index = when.year * 12 + when.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _worked_before(situation: Situation, h: Household, months: int) -> tuple[tuple[Member, date] | None, bool]:
    """(a member who worked in the ``months`` calendar months before the request, with the first day without
    work), and whether some member of working age did not say since when they have not worked."""
    start = _start(situation, months)
    unknown = False
    for m in h.counted:
        if m.activity in WORKING_ACTIVITIES or m.age_on(situation.request_date) < WORKING_AGE:
            continue
        if m.no_work_since is None:
            unknown = True
        elif m.no_work_since > start:
            return (m, m.no_work_since), unknown
    return None, unknown
