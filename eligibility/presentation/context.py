"""The one template context of a result: the results page, the dossier (HTML and PDF) and the letters.

``build_context(result, *, member_titles=None, person_label=None, organisation=None, professional=False,
document=False)``

* ``member_titles``: how the pages call each member (``{"p1": "Vous"}``); the ids otherwise.
* ``person_label``: the person's name on a dossier (a social worker's dossier), else nobody is named.
* ``organisation``: the organisation that follows the person (contact details printed on the dossier).
* ``professional``: the reader is a social worker (workspace): parameter provenance and "to verify" notes
  are shown. A person never sees them, and the dossier, which is handed to the person, never prints them.
* ``document``: the dossier (PDF and its HTML twin): disclosure widgets are printed open, links are text.

Reading order (issue 15): the answer first (what you get, what you pay, what to do first), then the steps
grouped by organism, then each aid with its calculation and its legal reasons one tap away.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from eligibility.rules.checklist import AtService
from eligibility.rules.enums import (
    AidAssessment,
    AidCategory,
    CssStatus,
    HospitalExemption,
    ResourceType,
    Role,
)

from .formatting import eur, iso_to_text, width_class
from .wording import page_language

#: Checklist items that only make sense after a decision: shown under "if the request is refused".
AFTER_DECISION_KEYS = frozenset({"appeal"})
#: General guidance steps said again, in more precise words, by the case's own steps: on screen, a general step
#: is left out when one of the steps named (or starting with the prefix given) is there (issue 15: no text twice).
SUPERSEDED_ON_SCREEN = {
    "guidance_pay_quote": ("quote_",),
    "guidance_pay_local_aid": ("cpam_aid_request", "local_aid_request"),
}
#: Out-of-pocket charges billed by the hospital itself (the payment-plan letter is about these).
HOSPITAL_CHARGES = frozenset({"forfait_journalier", "single_room", "emergency_flat_fee"})


def _label(enum_class, value: str | None) -> str:
    """The French label of a contract value, or the value itself if the enum does not know it."""
    if value is None:
        return ""
    member = enum_class._value2member_map_.get(value)
    return _(member.label) if member is not None else str(value)


def treatment_labels() -> dict[str, str]:
    return {
        "included": _("comptée"),
        "abated": _("comptée après abattement"),
        "deducted": _("retirée"),
        "excluded": _("laissée de côté"),
    }


@dataclass(frozen=True, slots=True)
class OrganisationContact:
    """The contact details printed for the organisation that follows the dossier (a CCAS…)."""

    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    opening_hours: str = ""

    @classmethod
    def from_object(cls, organisation: Any) -> OrganisationContact | None:
        if organisation is None:
            return None
        if isinstance(organisation, OrganisationContact):
            return organisation

        def text(name: str) -> str:
            value = organisation.get(name) if isinstance(organisation, dict) else getattr(organisation, name, "")
            return str(value or "").strip()

        name = text("name")
        if not name:
            return None
        return cls(
            name=name, address=text("address"), phone=text("phone"), email=text("email"),
            opening_hours=text("opening_hours"),
        )


# --------------------------------------------------------------------------- blocks


def reasons(block: dict | None) -> list[dict]:
    """A block's reasons as ``{text, article, href}`` (the detailed form when the result carries it)."""
    block = block or {}
    detail = block.get("reasons_detail")
    if detail:
        return detail
    return [{"text": r, "article": None, "href": None} for r in block.get("reasons", [])]


def _who(titles: dict, member_id: str | None) -> str:
    return titles.get(member_id, member_id or "")


def members(result, titles: dict, person_label: str | None) -> list[dict]:
    """The household as printed on the dossier: id, role, name (the applicant's, if given), age."""
    situation = result.situation
    rows = []
    for member in situation.members:
        rows.append({
            "id": member.id,
            "title": titles.get(member.id, ""),
            "role": _(member.role.label),
            "name": person_label if member.role is Role.APPLICANT and person_label else "",
            "age": member.age_on(situation.request_date),
        })
    return rows


def css_context(css: dict, titles: dict) -> dict:
    status = CssStatus(css["status"])
    top = max(Decimal(str(css["resources"])), Decimal(str(css["ceiling_with_participation"])), Decimal(1))
    bars = [
        {"label": _("Vos ressources retenues"), "value": eur(css["resources"]),
         "width": width_class(css["resources"], top), "modifier": "resources"},
        {"label": _("Plafond pour la CSS sans participation"), "value": eur(css["ceiling_free"]),
         "width": width_class(css["ceiling_free"], top), "modifier": "free"},
        {"label": _("Plafond pour la CSS avec participation"), "value": eur(css["ceiling_with_participation"]),
         "width": width_class(css["ceiling_with_participation"], top), "modifier": "with"},
    ]
    labels = treatment_labels()
    lines = []
    for line in css.get("resource_lines", []):
        treatment = line.get("treatment")
        lines.append({
            "who": _who(titles, line.get("member")), "label": _label(ResourceType, line.get("type")),
            "declared": eur(line.get("declared")), "counted": eur(line.get("counted")),
            "treatment": labels.get(treatment, treatment), "excluded": treatment == "excluded",
            "note": line.get("note"),
        })
    period = css.get("reference_period") or {}
    return {
        "status": status.value,
        "status_label": _(status.label),
        "eligible": status is not CssStatus.NOT_ELIGIBLE,
        "free": status is CssStatus.FREE,
        "has_participation": status is CssStatus.WITH_PARTICIPATION,
        "household_size": css["household_size"],
        "resources": eur(css["resources"]),
        "ceiling_free": eur(css["ceiling_free"]),
        "ceiling_with_participation": eur(css["ceiling_with_participation"]),
        "monthly_participation": eur(css["monthly_participation"]),
        "participations": [
            {"who": _who(titles, p["member"]), "age": p["age_on_january_1"], "monthly": eur(p["monthly"])}
            for p in css.get("participations", [])
        ],
        "margin": eur(css["margin"]) if css.get("margin") else None,
        "excess": eur(css["excess"]) if css.get("excess") else None,
        "housing_flat_amount": eur(css["housing_flat_amount"]) if css.get("housing_flat_amount") else None,
        "period": (_("du %(start)s au %(end)s") % {"start": iso_to_text(period["start"]), "end": iso_to_text(period["end"])}
                   if period.get("start") else ""),
        "bars": bars,
        "resource_lines": lines,
        "excluded_lines": [line for line in lines if line["excluded"]],
        "reasons": reasons(css),
        "to_verify": css.get("to_verify", []),
        **_household_basis(css),
    }


def _household_basis(css: dict) -> dict:
    """Which household was used and why, shown first when it is not the ordinary one (R861-2, F10027)."""
    basis = css.get("household_basis") or {}
    special = bool(basis.get("code")) and basis.get("code") != "css.household"
    return {"household_basis": basis if special else None, "with_parents": basis.get("kind") == "parents"}


def _exemption_label(value: str | None, label: str | None) -> str | None:
    if not value:
        return None
    return label or _label(HospitalExemption, value)


def _priced_nothing(part: dict | None) -> bool:
    """Nothing could be priced (glasses without a quote, lenses unknown) and the cover does not pay it all."""
    return bool(part and part.get("approximate") and part.get("billed") is not None and not part.get("billed")
                and not (part.get("exemption") and not part.get("left")))


def _amount(part: dict | None) -> dict | None:
    """One cell of the out-of-pocket table: amount, bound (``au plus``, ``environ``) and note."""
    if not part:
        return None
    if _priced_nothing(part):
        # Say so, never "environ 0 €".
        return {"amount": _("non estimé"), "prefix": "", "note": part.get("note")}
    if part.get("approximate") and part.get("billed") is not None and not part.get("billed"):
        # The cover pays everything whatever the price (a 100 % Santé item with the CSS): nothing left, exactly.
        return {"amount": eur(0), "prefix": "", "note": part.get("note")}
    prefix = _("au plus") if part.get("upper_bound") else _("environ") if part.get("approximate") else ""
    return {"amount": eur(part.get("left")), "prefix": prefix, "note": part.get("note")}


def _split(part: dict | None) -> str | None:
    """Who pays what in one column, in plain words: Sécurité sociale, complementary, what is left."""
    if not part or part.get("left") is None:
        return None
    complementary = part.get("complementary")
    words = {
        "ss": eur(part.get("social_security") or 0),
        "comp": eur(complementary) if complementary is not None else _("selon votre contrat"),
        "left": ((_("au plus") + " ") if part.get("upper_bound") else "") + eur(part.get("left")),
    }
    return _("Sécurité sociale %(ss)s ; complémentaire %(comp)s ; reste à payer %(left)s.") % words


def line_explanation(line: dict, with_css_column: bool) -> list[str]:
    """How one out-of-pocket line is worked out (issue 14): the price counted, the rules' own sentences
    (tariff, Sécurité sociale base and rate, price limits, CSS limit, contract ceiling) and who pays what in
    each column. Shown one tap away on the results page and printed open in the dossier."""
    details = line.get("details") or {}
    current = line.get("current") or {}
    explained = []
    billed = current.get("billed", line.get("billed"))
    if details:
        if details.get("quote") is not None:
            explained.append(_("Prix compté : %(price)s, le montant du devis.") % {"price": eur(details["quote"])})
        elif billed is not None:
            explained.append(_("Pas encore de devis : prix compté %(price)s, d'après les prix limites ou les prix "
                               "habituels.") % {"price": eur(billed)})
        if details.get("price_limit") is not None and details.get("basket") != "libre":
            explained.append(_("Prix limite de cette offre : %(limit)s ; le professionnel ne peut pas facturer "
                               "plus.") % {"limit": eur(details["price_limit"])})
        if details.get("responsible_cap") is not None:
            explained.append(_("Un contrat « responsable » ne peut pas rembourser plus de %(cap)s.")
                             % {"cap": eur(details["responsible_cap"])})
    elif billed:
        explained.append(_("Montant compté : %(price)s.") % {"price": eur(billed)})
    explained.extend(str(text) for text in line.get("assumptions", []))
    today = _split(current)
    if today:
        explained.append(_("Avec votre couverture actuelle : %(split)s") % {"split": today})
    if with_css_column:
        with_css = line.get("with_css") or {}
        css = _split(with_css)
        if css:
            if with_css.get("billed") is not None and billed is not None and with_css["billed"] != billed:
                css = _("prix limité à %(price)s ; %(split)s") % {"price": eur(with_css["billed"]), "split": css}
            explained.append(_("Avec la Complémentaire santé solidaire : %(split)s") % {"split": css})
    return explained


def _share_notes(lines: list[dict]) -> list[str]:
    """A note that several cells of the out-of-pocket table carry is printed once, under the table.

    Such a cell keeps ``note_ref`` (the note's number) instead of the note; returns the shared notes in order.
    """
    cells = [cell for line in lines for cell in (line["current"], line["with_css"]) if cell and cell.get("note")]
    counts = Counter(cell["note"] for cell in cells)
    shared = [note for note in dict.fromkeys(cell["note"] for cell in cells) if counts[note] > 1]
    for cell in cells:
        if cell["note"] in shared:
            cell["note_ref"] = shared.index(cell["note"]) + 1
            cell["note"] = None
    return shared


def care_context(data: dict, titles: dict) -> dict:
    stays = [{
        "who": _who(titles, s.get("member")), "days": s.get("days"),
        "daily_rate": eur(s.get("daily_rate")), "forfait": eur(s.get("forfait_journalier")),
        "exemption": _exemption_label(s.get("exemption"), s.get("exemption_label")),
        "single_room": eur(s.get("single_room")) if s.get("single_room") else None,
        "psychiatric": s.get("psychiatric"), "home": s.get("home"),
        "reasons": reasons(s),
    } for s in data.get("hospital_stays", [])]
    visits = [{
        "who": _who(titles, v.get("member")), "flat_fee": eur(v.get("flat_fee")),
        "exemption": _exemption_label(v.get("exemption"), v.get("exemption_label")),
        "reasons": reasons(v),
    } for v in data.get("emergency_visits", [])]
    rac = data.get("reste_a_charge") or {}
    with_css_column = bool(rac.get("with_css_column"))
    lines = [{
        "label": line.get("label"),
        "hospital": line.get("charge") in HOSPITAL_CHARGES,
        "who": _who(titles, line.get("member")),
        "current": _amount(line.get("current") or {"left": line.get("left")}),
        "with_css": _amount(line.get("with_css")) if with_css_column else None,
        "assumptions": line.get("assumptions", []),
        "check": bool((line.get("current") or {}).get("upper_bound") or (line.get("current") or {}).get("approximate")),
        "unestimated": _priced_nothing(line.get("current")),
        "explain": line_explanation(line, with_css_column),
    } for line in rac.get("lines", [])]
    shared_notes = _share_notes(lines)
    hospital = [line for line in rac.get("lines", []) if line.get("charge") in HOSPITAL_CHARGES]
    out_of_pocket = None
    if lines:
        # A care not priced (no quote, price unknown) is not in the total: the total is then a floor, said so.
        unestimated_current = any(_priced_nothing(line.get("current")) for line in rac.get("lines", []))
        unestimated_css = with_css_column and any(_priced_nothing(line.get("with_css")) for line in rac.get("lines", []))
        out_of_pocket = {
            "lines": lines,
            "shared_notes": shared_notes,
            "with_css_column": with_css_column,
            "total_current": eur(rac.get("total_current", rac.get("total"))),
            "total_current_prefix": _total_prefix(rac.get("current_is_upper_bound"), unestimated_current),
            "total_with_css": eur(rac.get("total_with_css")) if with_css_column else None,
            "total_with_css_prefix": _total_prefix(rac.get("with_css_is_upper_bound"), unestimated_css),
            "unestimated": unestimated_current or unestimated_css,
            "assumptions": rac.get("assumptions", []),
            "reasons": reasons(rac),
            "hospital_total_current": eur(sum(
                (Decimal(str((line.get("current") or line).get("left") or 0)) for line in hospital), Decimal(0))),
        }
    return {"stays": stays, "visits": visits, "out_of_pocket": out_of_pocket}


def _total_prefix(upper_bound: bool | None, unestimated: bool) -> str:
    """``au plus`` for a bound from above; ``au moins`` when a care could not be priced (it is not in the sum); both
    at once bound nothing: no prefix, the note under the total says what is missing."""
    if unestimated:
        return "" if upper_bound else _("au moins")
    return _("au plus") if upper_bound else ""


def cpam_context(cpam: dict | None) -> dict | None:
    if not cpam:
        return None
    assessment = cpam.get("assessment")
    return {
        "assessment": assessment,
        # The contract's labels are French (the API's): the page says them in its own language.
        "label": _label(AidAssessment, assessment) if assessment else cpam.get("assessment_label"),
        "possible": assessment != AidAssessment.UNLIKELY.value,
        "ceiling": eur(cpam["ceiling"]) if cpam.get("ceiling") is not None else None,
        "ceiling_label": cpam.get("ceiling_label"),
        "ceiling_is_default": cpam.get("ceiling_is_default"),
        "resources": eur(cpam["resources"]) if cpam.get("resources") is not None else None,
        "needs": [{**need, "label": _label(AidCategory, need.get("category")) or need.get("label")}
                  for need in cpam.get("needs", [])],
        "quotes_needed": cpam.get("quotes_needed", []),
        "reasons": reasons(cpam),
    }


def help_context(block: dict | None) -> dict | None:
    if not block:
        return None
    return {**block, "reasons": reasons(block)}


def _unique(texts) -> list[str]:
    """The texts in their order, each once (the same paper asked by two procedures is listed once)."""
    seen: set[str] = set()
    kept = []
    for text in texts:
        if text and text not in seen:
            seen.add(text)
            kept.append(text)
    return kept


def _superseded(checklist: list[dict]) -> set[str]:
    """The general guidance steps that the case's own steps already say (``SUPERSEDED_ON_SCREEN``)."""
    keys = [str(item.get("key") or "") for item in checklist]
    return {general for general, precise in SUPERSEDED_ON_SCREEN.items()
            if any(key.startswith(p) for key in keys for p in precise)}


def steps_context(checklist: list[dict], *, on_screen: bool = False, places: list | None = None) -> dict:
    """The procedures, grouped by organism once, in the engine's order; appeals apart, after a decision.

    The "where to get help" sentence that most procedures share is said once (``common_help``); an item
    keeps its own only when it differs. Each item's appeal sentence is kept, introduced as what to do if
    the request is refused. ``on_screen``: the results page leaves out the general guidance steps that the
    case's own steps say more precisely (the dossier, a document to keep, prints every step).
    ``places``: for each item, ``(establishment, service)`` when it is done at a service of an establishment
    (``checklist.AtService``): such steps are grouped under the establishment, each naming its service,
    instead of one organism per service of the same hospital.
    """
    if places:
        checklist = [{**item, "establishment": establishment, "service": service} if establishment else item
                     for item, (establishment, service) in zip(checklist, places, strict=True)]
    if on_screen:
        left_out = _superseded(checklist)
        checklist = [item for item in checklist if item.get("key") not in left_out]
    before = [item for item in checklist if item.get("key") not in AFTER_DECISION_KEYS]
    after = [item for item in checklist if item.get("key") in AFTER_DECISION_KEYS]
    helps = [item.get("help") for item in before if item.get("help")]
    common_help = max(helps, key=helps.count) if helps else None
    later_appeals = {item.get("appeal") for item in after if item.get("appeal")}

    def present(item: dict) -> dict:
        appeal = item.get("appeal")
        return {
            "key": item.get("key"), "procedure": item.get("procedure"), "organism": item.get("organism"),
            "service": item.get("service"),
            "how": item.get("how"), "documents": _unique(item.get("documents") or []),
            "deadline": item.get("deadline"),
            "help": item.get("help") if item.get("help") != common_help else None,
            # An appeal said in full under "if the request is refused" is only pointed to here.
            "appeal": None if appeal in later_appeals and item.get("key") not in AFTER_DECISION_KEYS else appeal,
            "appeal_later": appeal in later_appeals and item.get("key") not in AFTER_DECISION_KEYS,
            "reasons": reasons(item),
        }

    groups: dict[str, dict] = {}
    for item in before:
        organism = str(item.get("establishment") or item.get("organism") or "")
        groups.setdefault(organism, {"organism": organism, "items": []})["items"].append(present(item))
    return {
        "groups": list(groups.values()),
        "next_steps": [present(item) for item in before],
        "after_decision": [present(item) for item in after],
        "common_help": common_help,
    }


def answer_context(css: dict, care: dict, cpam: dict | None, help_block: dict | None, steps: dict) -> dict:
    """The first screen: what you can get, what you will pay, what to do first (issue 15)."""
    gets = []
    if css["free"]:
        gets.append(_("Complémentaire santé solidaire (CSS) : droit estimé sans participation financière (gratuite)."))
    elif css["has_participation"]:
        gets.append(_("Complémentaire santé solidaire (CSS) : droit estimé, pour %(amount)s par mois "
                      "(tout le foyer).") % {"amount": css["monthly_participation"]})
    else:
        gets.append(_("Complémentaire santé solidaire (CSS) : pas de droit d'après cette simulation."))
    if cpam:
        gets.append(_("Aide financière de la CPAM : %(label)s.") % {"label": cpam["label"].lower()})
    if help_block:
        gets.append(
            _("Dispositif Help de l'Urssaf : il peut vous aider (une seule demande, sur urssaf.fr).")
            if help_block.get("relevant")
            else _("Dispositif Help de l'Urssaf : il ne vous concerne pas d'après vos réponses."))
    oop = care.get("out_of_pocket")
    pays = None
    if oop:
        pays = {
            "current": oop["total_current"], "current_prefix": oop["total_current_prefix"],
            "with_css": oop["total_with_css"], "with_css_prefix": oop["total_with_css_prefix"],
            "participation": css["monthly_participation"] if css["has_participation"] and oop["with_css_column"] else None,
            "unestimated": oop["unestimated"],
        }
    first = steps["next_steps"][0] if steps["next_steps"] else None
    return {"gets": gets, "pays": pays, "first_step": first}


def person_checks(care: dict) -> list[str]:
    """What the person should check, in plain words (never the parameters' provenance)."""
    oop = care.get("out_of_pocket") or {}
    return [
        (_("%(care)s : pas encore chiffré ; demandez un devis, ce soin n'est pas compté dans le total.")
         if line["unestimated"] else
         _("%(care)s : vérifiez le montant sur le devis, notre estimation est prudente.")) % {"care": line["label"]}
        for line in oop.get("lines", []) if line["check"]
    ]


def aid_sections(aids, data: dict) -> list[dict]:
    """The aids' parts of the pages, in the registry's order (``rules.aids.AIDS``): each partial an aid names,
    once, with that aid's entry of the result as ``aid``. A new aid is presented by its own partial, with no
    other template to change."""
    sections: dict[str, dict] = {}
    for aid in aids:
        if aid.partial not in sections:
            sections[aid.partial] = {"partial": aid.partial, "aid": data.get(aid.key)}
    return list(sections.values())


def build_context(
    result, *, member_titles: dict | None = None, person_label: str | None = None, organisation=None,
    professional: bool = False, document: bool = False,
) -> dict:
    """The template context shared by the results page, the dossier and the letters (module docstring)."""
    with page_language():  # the rules' sentences in the page's language (``wording``)
        data = result.as_dict()
        places = [(str(item.organism.establishment), str(item.organism.service))
                  if isinstance(item.organism, AtService) else (None, None) for item in result.checklist.items]
    titles = member_titles or {}
    label = (person_label or "").strip() or None
    css = css_context(data["css"], titles)
    care = care_context(data, titles)
    cpam = cpam_context(data.get("cpam_aid"))
    help_block = help_context(data.get("help_independants"))
    steps = steps_context(data.get("checklist") or [], on_screen=not document, places=places)
    ruleset = data.get("ruleset") or {}
    return {
        "result": data,
        "request_date": result.situation.request_date,
        "request_date_text": iso_to_text(result.situation.request_date),
        "parameters_valid_on": iso_to_text(ruleset.get("parameters_valid_on")),
        "ruleset_version": ruleset.get("version"),
        "person_label": label,
        "organisation": OrganisationContact.from_object(organisation),
        "members": members(result, titles, label),
        "answer": answer_context(css, care, cpam, help_block, steps),
        "css": css,
        "care": care,
        "cpam": cpam,
        "help": help_block,
        "steps": steps,
        "aid_sections": aid_sections(result.aids, data),
        "person_checks": person_checks(care),
        "professional": professional,
        "to_verify": data.get("to_verify", []) if professional else [],
        "document": document,
    }
