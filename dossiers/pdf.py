"""The printable dossier: one simulation result as an accessible HTML page and as an A4 PDF.

Callers (the questionnaire's results page, a social worker's dossier, the ``dossier_pdf`` command):

``render_dossier_html(result, *, organisation=None, person_label=None, for_print=False) -> str``
    A complete HTML page (``lang="fr"``, headings, tables with headers, checklists). With
    ``for_print=False`` it links the site's static CSS (to be served by a view); with ``for_print=True``
    it is the document given to WeasyPrint.
``render_dossier_pdf(result, *, organisation=None, person_label=None, url_fetcher=None) -> bytes``
    The tagged PDF (PDF/UA-1: structure tree, ``/Lang`` fr, title), fonts embedded.
``pdf_response(result, *, organisation=None, person_label=None) -> HttpResponse``
    The PDF as a download: ``dossier-aidsante-YYYY-MM-DD.pdf`` (request date; never a name).

``result`` is the ``SimulationResult`` of ``eligibility.rules.engine.simulate``. Every figure and sentence
comes from its contract form (``result.as_dict()``): nothing legal is computed here or in the templates.
``organisation`` is an ``Organisation`` (or any object with ``name``, ``address``, ``phone``, ``email``,
``opening_hours``) whose contact details print on the dossier; ``person_label`` is what the dossier calls
the person (usually a first name; the caller decides). Both are text typed by people: the template
engine escapes them, and WeasyPrint may only load the project's own static files
(``dossiers.pdf_fetcher.DossierURLFetcher``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from eligibility.rules.enums import AidAssessment, CssStatus, ResourceType, Role

from .pdf_fetcher import DossierURLFetcher, static_url

TEMPLATE = "pdf/dossier.html"
STYLESHEET = "css/dossier_pdf.css"
PDF_VARIANT = "pdf/ua-1"
ROLE_LABELS = {
    Role.APPLICANT: "demandeur ou demandeuse",
    Role.PARTNER: "conjoint ou partenaire",
    Role.CHILD: "enfant",
    Role.OTHER_DEPENDENT: "personne à charge",
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


def _label(enum_class, value: str | None) -> str:
    """The French label of a contract value, or the value itself if the enum does not know it."""
    if value is None:
        return ""
    member = enum_class._value2member_map_.get(value)
    return member.label if member is not None else str(value)


def _members(result, person_label: str | None) -> list[dict]:
    situation = result.situation
    when = situation.request_date
    rows = []
    for member in situation.members:
        name = person_label if member.role is Role.APPLICANT and person_label else ""
        rows.append({
            "id": member.id,
            "role": ROLE_LABELS.get(member.role, member.role.label),
            "name": name,
            "age": member.age_on(when),
        })
    return rows


def _checklist_groups(items: list[dict]) -> list[dict]:
    """Checklist items grouped by organism, in their first-appearance order (the engine's order)."""
    groups: dict[str, dict] = {}
    for item in items:
        organism = str(item.get("organism") or "")
        groups.setdefault(organism, {"organism": organism, "items": []})["items"].append(item)
    return list(groups.values())


def dossier_context(result, *, organisation=None, person_label: str | None = None, for_print: bool = False) -> dict:
    """The template context of the dossier (see the module docstring for the arguments)."""
    data = result.as_dict()
    css = data["css"]
    lines = css.get("resource_lines", [])
    resource_rows = [{**line, "type_label": _label(ResourceType, line.get("type"))} for line in lines]
    checklist = data.get("checklist") or []
    cpam_aid = data.get("cpam_aid")
    help_independants = data.get("help_independants")
    label = (person_label or "").strip() or None
    return {
        "r": data,
        "request_date": result.situation.request_date,
        "person_label": label,
        "organisation": OrganisationContact.from_object(organisation),
        "members": _members(result, person_label),
        "css": css,
        "css_status_label": _label(CssStatus, css.get("status")),
        "counted_resources": [row for row in resource_rows if row.get("treatment") != "excluded"],
        "excluded_resources": [row for row in resource_rows if row.get("treatment") == "excluded"],
        "oop": data.get("reste_a_charge"),
        "hospital_stays": data.get("hospital_stays") or [],
        "emergency_visits": data.get("emergency_visits") or [],
        "cpam_aid": cpam_aid,
        "cpam_aid_label": (cpam_aid or {}).get("assessment_label") or _label(AidAssessment, (cpam_aid or {}).get("assessment")),
        "help": help_independants,
        "checklist": checklist,
        "checklist_groups": _checklist_groups(checklist),
        "next_steps": checklist[:3],
        "to_verify": data.get("to_verify") or [],
        "ruleset": data["ruleset"],
        "for_print": for_print,
        "stylesheet_href": static_url(STYLESHEET) if for_print else None,
    }


def render_dossier_html(result, *, organisation=None, person_label: str | None = None, for_print: bool = False) -> str:
    """The dossier as a complete, accessible HTML page (French). See the module docstring."""
    return render_to_string(
        TEMPLATE, dossier_context(result, organisation=organisation, person_label=person_label, for_print=for_print)
    )


_fonts = threading.local()


def _font_config() -> FontConfiguration:
    """This thread's WeasyPrint font configuration, created once and reused by every dossier it renders.

    Reusing it keeps Pango's loaded fonts between renderings (about a tenth of a dossier's rendering time).
    It is safe because a dossier declares no ``@font-face`` (its only stylesheet is the project's, and the
    text typed by people is escaped), so nothing is ever added to it; it is per thread because Pango's font
    map is not thread-safe.
    """
    config = getattr(_fonts, "config", None)
    if config is None:
        config = _fonts.config = FontConfiguration()
    return config


def render_dossier_pdf(
    result, *, organisation=None, person_label: str | None = None, url_fetcher: DossierURLFetcher | None = None
) -> bytes:
    """The dossier as a tagged A4 PDF (PDF/UA-1), fonts embedded.

    ``url_fetcher`` defaults to a fresh ``DossierURLFetcher``; pass one to inspect what was requested.
    """
    html = render_dossier_html(result, organisation=organisation, person_label=person_label, for_print=True)
    fetcher = url_fetcher if url_fetcher is not None else DossierURLFetcher()
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
    return document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False, font_config=_font_config())


def dossier_filename(day: date) -> str:
    return f"dossier-aidsante-{day.isoformat()}.pdf"


def pdf_response(result, *, organisation=None, person_label: str | None = None) -> HttpResponse:
    """The dossier PDF as an attachment named after the request date (no personal data in the name)."""
    pdf = render_dossier_pdf(result, organisation=organisation, person_label=person_label)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{dossier_filename(result.situation.request_date)}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
