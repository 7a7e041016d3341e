"""What the pages show: French money and dates, bar widths, error summaries, the results' sections.

Nothing legal is computed here: every figure comes from the rules' contract result (``as_dict()``), and the
reference period from the rules' own function.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import forms

from eligibility.rules.css import reference_period_on
from eligibility.rules.enums import AidAssessment, CssStatus, HospitalExemption, ResourceType
from eligibility.rules.parameters import default_parameters
from eligibility.rules.reasons import format_date, format_eur, format_month

EXCLUDED_INTRO = (
    "La Complémentaire santé solidaire ne compte pas certaines ressources : le RSA, la prime d'activité, "
    "l'aide au logement (déjà indiquée à l'étape « Logement »), l'AEEH, l'allocation de rentrée scolaire, "
    "les bourses sur critères sociaux, l'aide de la famille… Vous pouvez les indiquer : elles seront montrées "
    "comme laissées de côté."
)
TREATMENT_LABELS = {
    "included": "comptée",
    "abated": "comptée après abattement",
    "deducted": "retirée",
    "excluded": "laissée de côté",
}


def eur(value) -> str:
    """``1 234,56 €`` from a JSON number, ``Decimal`` or ``None`` (``—``)."""
    if value is None:
        return "—"
    return format_eur(Decimal(str(value)))


def iso_to_text(value: str | None) -> str:
    return format_date(date.fromisoformat(value)) if value else ""


def width_class(part, whole) -> str:
    """``w-0`` … ``w-100`` in 5 % steps (CSS classes: no inline style under the CSP)."""
    if not whole or whole <= 0:
        return "w-0"
    ratio = max(Decimal(0), min(Decimal(1), Decimal(str(part)) / Decimal(str(whole))))
    return f"w-{int((ratio * 20).to_integral_value()) * 5}"


def _de(words: str) -> str:
    """French elision: « d'octobre », « de novembre »."""
    return f"d'{words}" if words[:1] in "aeiouyéèâ" else f"de {words}"


def reference_period_text(request_date: date) -> dict:
    """The 12 months whose resources count, from the rules (R861-8): text and bounds."""
    start, end, months = reference_period_on(default_parameters().at(request_date), request_date)
    return {
        "start": start, "end": end, "months": months,
        "text": f"{_de(format_month(start.year, start.month))} à {format_month(end.year, end.month)}",
        "request_month": format_month(request_date.year, request_date.month),
    }


# --------------------------------------------------------------------------- error summary


def _field_errors(form, items: list, scope: str = "") -> None:
    for error in form.non_field_errors():
        items.append({"href": f"#{scope or 'formulaire'}", "message": error})
    for name, errors in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
            continue
        bound = form[name]
        # Radio buttons and checkbox lists: link to the first choice (the fieldset cannot take focus).
        target = f"{bound.auto_id}_0" if bound.use_fieldset else (bound.id_for_label or bound.auto_id)
        for error in errors:
            items.append({"href": f"#{target}", "message": error})


def error_summary(form) -> list[dict]:
    """Links to every error of a form or formset, in page order."""
    items: list[dict] = []
    if not form.is_bound:
        return items
    if isinstance(form, forms.BaseFormSet):
        for error in form.non_form_errors():
            items.append({"href": "#ajouter", "message": error})
        for i, sub in enumerate(form.forms):
            _field_errors(sub, items, scope=f"entree-{i}")
    else:
        _field_errors(form, items)
    return items


# --------------------------------------------------------------------------- results


def _reasons(block: dict) -> list[dict]:
    detail = block.get("reasons_detail")
    if detail:
        return detail
    return [{"text": r, "article": None, "href": None} for r in block.get("reasons", [])]


def _member_name(member_titles: dict, member_id: str | None) -> str:
    return member_titles.get(member_id, member_id or "")


def css_context(css: dict, member_titles: dict) -> dict:
    status = CssStatus(css["status"])
    top = max(Decimal(str(css["resources"])), Decimal(str(css["ceiling_with_participation"])), Decimal(1))
    bars = [
        {"label": "Vos ressources retenues", "value": eur(css["resources"]),
         "width": width_class(css["resources"], top), "modifier": "resources"},
        {"label": "Plafond pour la CSS sans participation", "value": eur(css["ceiling_free"]),
         "width": width_class(css["ceiling_free"], top), "modifier": "free"},
        {"label": "Plafond pour la CSS avec participation", "value": eur(css["ceiling_with_participation"]),
         "width": width_class(css["ceiling_with_participation"], top), "modifier": "with"},
    ]
    lines = []
    for line in css.get("resource_lines", []):
        rtype = line.get("type")
        label = ResourceType(rtype).label if rtype in ResourceType._value2member_map_ else rtype
        lines.append({
            "who": _member_name(member_titles, line.get("member")), "label": label,
            "declared": eur(line.get("declared")), "counted": eur(line.get("counted")),
            "treatment": TREATMENT_LABELS.get(line.get("treatment"), line.get("treatment")),
            "excluded": line.get("treatment") == "excluded", "note": line.get("note"),
        })
    period = css.get("reference_period") or {}
    return {
        "status": status.value,
        "status_label": status.label,
        "eligible": status is not CssStatus.NOT_ELIGIBLE,
        "free": status is CssStatus.FREE,
        "household_size": css["household_size"],
        "resources": eur(css["resources"]),
        "ceiling_free": eur(css["ceiling_free"]),
        "ceiling_with_participation": eur(css["ceiling_with_participation"]),
        "monthly_participation": eur(css["monthly_participation"]),
        "has_participation": status is CssStatus.WITH_PARTICIPATION,
        "participations": [
            {"who": _member_name(member_titles, p["member"]), "age": p["age_on_january_1"], "monthly": eur(p["monthly"])}
            for p in css.get("participations", [])
        ],
        "margin": eur(css["margin"]) if css.get("margin") else None,
        "excess": eur(css["excess"]) if css.get("excess") else None,
        "housing_flat_amount": eur(css.get("housing_flat_amount")) if css.get("housing_flat_amount") else None,
        "period": (f"du {iso_to_text(period.get('start'))} au {iso_to_text(period.get('end'))}"
                   if period.get("start") else ""),
        "bars": bars,
        "resource_lines": lines,
        "reasons": _reasons(css),
    }


def _exemption_label(value: str | None, label: str | None) -> str | None:
    if not value:
        return None
    if label:
        return label
    return HospitalExemption(value).label if value in HospitalExemption._value2member_map_ else value


def care_context(result: dict, member_titles: dict) -> dict:
    stays = [{
        "who": _member_name(member_titles, s.get("member")), "days": s.get("days"),
        "daily_rate": eur(s.get("daily_rate")), "forfait": eur(s.get("forfait_journalier")),
        "exemption": _exemption_label(s.get("exemption"), s.get("exemption_label")),
        "single_room": eur(s.get("single_room")) if s.get("single_room") else None,
        "psychiatric": s.get("psychiatric"), "home": s.get("home"),
        "reasons": _reasons(s),
    } for s in result.get("hospital_stays", [])]
    visits = [{
        "who": _member_name(member_titles, v.get("member")), "flat_fee": eur(v.get("flat_fee")),
        "exemption": _exemption_label(v.get("exemption"), v.get("exemption_label")),
        "reasons": _reasons(v),
    } for v in result.get("emergency_visits", [])]
    rac = result.get("reste_a_charge") or {}
    lines = []
    for line in rac.get("lines", []):
        current = line.get("current") or {"left": line.get("left")}
        with_css = line.get("with_css") or {}
        lines.append({
            "label": line.get("label"), "who": _member_name(member_titles, line.get("member")),
            "billed": eur(line.get("billed")),
            "current": eur(current.get("left")), "current_note": current.get("note"),
            "current_upper": current.get("upper_bound"),
            "with_css": eur(with_css.get("left")) if with_css else None, "with_css_note": with_css.get("note"),
            "with_css_upper": with_css.get("upper_bound"),
            "assumptions": line.get("assumptions", []),
        })
    return {
        "stays": stays,
        "visits": visits,
        "out_of_pocket": {
            "lines": lines,
            "with_css_column": bool(rac.get("with_css_column")),
            "total_current": eur(rac.get("total_current", rac.get("total"))),
            "total_with_css": eur(rac.get("total_with_css")) if rac.get("with_css_column") else None,
            "current_is_upper_bound": rac.get("current_is_upper_bound"),
            "with_css_is_upper_bound": rac.get("with_css_is_upper_bound"),
            "assumptions": rac.get("assumptions", []),
            "reasons": _reasons(rac),
        } if lines else None,
    }


def cpam_context(cpam: dict) -> dict | None:
    if not cpam:
        return None
    assessment = cpam.get("assessment")
    label = cpam.get("assessment_label") or (
        AidAssessment(assessment).label if assessment in AidAssessment._value2member_map_ else assessment)
    return {
        "assessment": assessment, "label": label,
        "ceiling": eur(cpam.get("ceiling")) if cpam.get("ceiling") is not None else None,
        "ceiling_label": cpam.get("ceiling_label"),
        "ceiling_is_default": cpam.get("ceiling_is_default"),
        "needs": cpam.get("needs", []),
        "quotes_needed": cpam.get("quotes_needed", []),
        "reasons": _reasons(cpam),
    }


def results_context(result, member_titles: dict | None = None) -> dict:
    data = result.as_dict()
    member_titles = member_titles or {}
    help_block = data.get("help_independants") or {}
    return {
        "result": data,
        "request_date": iso_to_text(data.get("request_date")),
        "parameters_valid_on": iso_to_text((data.get("ruleset") or {}).get("parameters_valid_on")),
        "ruleset_version": (data.get("ruleset") or {}).get("version"),
        "css": css_context(data["css"], member_titles),
        "care": care_context(data, member_titles),
        "cpam": cpam_context(data.get("cpam_aid") or {}),
        "help": {**help_block, "reasons": _reasons(help_block)} if help_block else None,
        "checklist": [{**item, "reasons": _reasons(item)} for item in data.get("checklist", [])],
        "to_verify": data.get("to_verify", []),
    }
