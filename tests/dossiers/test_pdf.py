"""The printable dossier: PDF content for three personas, page layout, metadata, the HTML version, the
download response and the ``dossier_pdf`` command."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from decimal import Decimal

import pypdf
import pytest
from django.template import Context, Template
from django.utils.html import escape

from dossiers.models import Organisation
from eligibility.presentation.pdf import (
    dossier_filename,
    pdf_response,
    render_dossier_html,
    render_dossier_pdf,
)
from eligibility.rules.engine import RULESET_VERSION, simulate
from eligibility.rules.reasons import format_date, format_eur
from eligibility.rules.situation import parse_situation
from tests.dossiers.test_pdf_personas import (
    FAMILY_GLASSES_DENTAL,
    HEAVY_FAMILY_ALL_AIDS,
    SELF_EMPLOYED_PSYCHIATRY_HELP,
    SINGLE_ADULT_STAY,
)
from tests.support import run_command

TODAY = date(2026, 11, 22)
A4 = (595.28, 841.89)


def normalise(text: str) -> str:
    """Collapse every run of spaces (line breaks, no-break and narrow no-break spaces) into one space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def eur(amount) -> str:
    return normalise(format_eur(Decimal(str(amount))))


class Rendered:
    def __init__(self, persona: dict, **kwargs):
        self.result = simulate(parse_situation(persona, today=TODAY))
        self.data = self.result.as_dict()
        self.pdf = render_dossier_pdf(self.result, **kwargs)
        self.reader = pypdf.PdfReader(io.BytesIO(self.pdf))
        self.pages = [normalise(page.extract_text()) for page in self.reader.pages]
        # The body text, without the footers, so that a paragraph split across two pages reads as one.
        footer = re.compile(r" ?Paramètres légaux en vigueur au [^·]+ · règles aidsante version \S+ · Page \d+ sur \d+$")
        self.text = " ".join(footer.sub("", page) for page in self.pages)


def ccas() -> Organisation:
    return Organisation(
        name="CCAS de Vaulx-en-Velin",
        address="Hôtel de ville\nPlace de la Nation\n69120 Vaulx-en-Velin",
        phone="04 72 04 80 80",
        email="ccas@example.org",
        opening_hours="Du lundi au vendredi, 8 h 30 à 12 h",
    )


@pytest.fixture(scope="module")
def single_adult():
    return Rendered(SINGLE_ADULT_STAY, person_label="Karim", organisation=ccas())


@pytest.fixture(scope="module")
def family():
    return Rendered(FAMILY_GLASSES_DENTAL, person_label="Aïcha")


@pytest.fixture(scope="module")
def self_employed():
    return Rendered(SELF_EMPLOYED_PSYCHIATRY_HELP, person_label="Jean-Marc")


def assert_checklist_printed(rendered: Rendered) -> None:
    assert rendered.data["checklist"], "the personas all have procedures to print"
    for item in rendered.data["checklist"]:
        assert normalise(item["procedure"]) in rendered.text
        assert normalise(item["how"]) in rendered.text
        assert normalise(item["deadline"]) in rendered.text
        if item["appeal"]:
            assert normalise(item["appeal"]) in rendered.text
        for document in item["documents"]:
            assert "☐ " + normalise(document) in rendered.text, document


def assert_out_of_pocket_printed(rendered: Rendered) -> None:
    oop = rendered.data["reste_a_charge"]
    assert oop["lines"]
    for line in oop["lines"]:
        assert normalise(line["label"]) in rendered.text
        assert eur(line["current"]["left"]) in rendered.text
        if line["with_css"] is not None:
            assert eur(line["with_css"]["left"]) in rendered.text
    assert eur(oop["total_current"]) in rendered.text


# --------------------------------------------------------------------------- content, persona by persona


def test_single_adult_facing_a_stay(single_adult):
    r, data = single_adult, single_adult.data
    first = r.pages[0]
    assert "Dossier de Karim" in first
    assert format_date(TODAY) in first
    assert "CCAS de Vaulx-en-Velin" in first
    # The first page stands on its own: the results in short and every next step.
    assert "Vos résultats en bref" in first
    assert eur(data["css"]["monthly_participation"]) in first
    assert eur(data["reste_a_charge"]["total_current"]) in first
    assert eur(data["reste_a_charge"]["total_with_css"]) in first
    assert data["cpam_aid"]["assessment_label"].lower() in first
    for step in data["checklist"]:
        if step["key"] != "appeal":
            assert normalise(step["procedure"]) in first
    # The stay, line by line, with both columns.
    assert_out_of_pocket_printed(r)
    assert "Forfait journalier (hôpital), p1, 6 jours" in r.text
    assert "Chambre particulière, p1, 6 jours" in r.text
    # CSS part: resources, ceilings, decision and the articles.
    css = data["css"]
    assert eur(css["resources"]) in r.text
    assert eur(css["ceiling_free"]) in r.text
    assert eur(css["ceiling_with_participation"]) in r.text
    for reason in css["reasons_detail"]:
        assert normalise(reason["text"]) in r.text
        if reason["article"]:
            assert normalise(reason["article"]) in r.text
    assert_checklist_printed(r)
    # Contacts: the CPAM and the organisation.
    assert "36 46" in r.text and "compte ameli" in r.text
    for part in ("Place de la Nation", "69120 Vaulx-en-Velin", "04 72 04 80 80", "Du lundi au vendredi, 8 h 30 à 12 h"):
        assert part in r.text
    # The parameters' provenance notes are for professionals: never in the person's dossier (issue 15).
    assert data["to_verify"], "the persona has professional notes to keep out"
    for note in data["to_verify"]:
        assert normalise(note) not in r.text
    assert "OpenFisca" not in r.text and "branche de développement" not in r.text


def test_family_eligible_to_the_free_css_with_glasses_and_dental(family):
    r, data = family, family.data
    assert data["css"]["status"] == "free"
    assert "Dossier de Aïcha" in r.pages[0]
    assert "Complémentaire santé solidaire (CSS) : droit estimé sans participation financière (gratuite)" in r.pages[0]
    assert_out_of_pocket_printed(r)
    assert "Lunettes 100 % Santé (classe A), c1" in r.text
    assert "Couronne à tarif libre, p2" in r.text
    # Resources counted and excluded: the RSA is declared but left out of the base.
    assert "Ressources non comptées" in r.text
    rsa = next(line for line in data["css"]["resource_lines"] if line["type"] == "rsa")
    assert rsa["treatment"] == "excluded" and rsa["counted"] == 0
    assert normalise(rsa["note"]) in r.text and eur(2400) in normalise(rsa["note"])
    assert "Salaires et traitements" in r.text and eur(11000) in r.text
    assert_checklist_printed(r)
    for organism in ("Opticien", "Chirurgien-dentiste"):
        assert organism in r.text
    # No organisation given: no organisation block, the CPAM contact is always there.
    assert "Courriel" not in r.text
    assert "36 46" in r.text


def test_self_employed_with_a_psychiatric_stay_and_help(self_employed):
    r, data = self_employed, self_employed.data
    assert data["help_independants"]["relevant"] is True
    assert "Dossier de Jean-Marc" in r.pages[0]
    assert "il peut vous aider" in r.pages[0]
    assert "Forfait journalier (psychiatrie), p1, 21 jours" in r.text
    # A private complementary: the current column is an upper bound.
    assert "au plus " + eur(data["reste_a_charge"]["total_current"]) in r.text
    assert_out_of_pocket_printed(r)
    assert_checklist_printed(r)
    assert "Urssaf (dispositif Help" in r.text
    for body in data["help_independants"]["bodies"]:
        assert normalise(body["name"]) in r.text


# --------------------------------------------------------------------------- pages, footer, metadata


@pytest.mark.parametrize("fixture", ["single_adult", "family", "self_employed"])
def test_pages_are_a4_with_the_footer_on_every_page(fixture, request):
    r: Rendered = request.getfixturevalue(fixture)
    count = len(r.reader.pages)
    assert count > 1
    valid_on = format_date(date.fromisoformat(r.data["ruleset"]["parameters_valid_on"]))
    for number, (page, text) in enumerate(zip(r.reader.pages, r.pages, strict=True), start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) <= 1 and abs(height - A4[1]) <= 1
        assert f"Page {number} sur {count}" in text
        assert f"Paramètres légaux en vigueur au {valid_on}" in text
        assert f"règles aidsante version {RULESET_VERSION}" in text


def test_pdf_is_tagged_in_french_with_a_title_and_embedded_dejavu_fonts(single_adult):
    reader = single_adult.reader
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    title = reader.metadata.title
    assert title.startswith("Dossier aidsante")
    assert format_date(TODAY) in title
    assert "Karim" not in title
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts, "the text uses fonts"
    assert all("DejaVu" in name for name in fonts), fonts
    assert all(fonts.values()), "every font is embedded"


# --------------------------------------------------------------------------- the HTML version


def test_html_version_has_the_same_content_and_is_accessible(single_adult):
    html = render_dossier_html(single_adult.result, person_label="Karim", organisation=ccas())
    assert html.startswith("<!doctype html>")
    assert '<html lang="fr">' in html
    assert "<title>Dossier aidsante" in html
    assert html.count("<h1") == 1 and "<h2" in html
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert 'href="/static/css/dossier_pdf.css"' in html
    assert "aidsante-static:" not in html
    for item in single_adult.data["checklist"]:
        assert escape(item["procedure"]) in html
        for document in item["documents"]:
            assert f"<li>☐ {escape(document)}</li>" in html
    # Links to the legal texts on screen; not in the print version.
    assert 'href="https://www.legifrance.gouv.fr/' in html
    print_html = render_dossier_html(single_adult.result, person_label="Karim", for_print=True)
    assert 'href="aidsante-static:css/dossier_pdf.css"' in print_html
    assert "<a " not in print_html


def test_html_without_person_label_or_organisation(family):
    html = render_dossier_html(family.result)
    assert "Dossier personnel" in html
    assert "Aïcha" not in html


# --------------------------------------------------------------------------- the download response


def test_pdf_response_is_an_attachment_named_after_the_request_date(family):
    response = pdf_response(family.result, person_label="Aïcha")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="dossier-aidsante-2026-11-22.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "Aïcha" not in response["Content-Disposition"]
    assert dossier_filename(date(2027, 1, 5)) == "dossier-aidsante-2027-01-05.pdf"


# --------------------------------------------------------------------------- the command


def run_pdf_command(monkeypatch, capsys, *args, stdin=None):
    return run_command("dossier_pdf", monkeypatch, capsys, *args, stdin=stdin)


@pytest.mark.django_db
def test_command_writes_the_pdf(tmp_path, monkeypatch, capsys):
    source = tmp_path / "situation.json"
    source.write_text(json.dumps(SINGLE_ADULT_STAY), encoding="utf-8")
    out = tmp_path / "dossier.pdf"
    code, _, err = run_pdf_command(monkeypatch, capsys, str(source), "-o", str(out), "--name", "Karim")
    assert code == 0, err
    content = out.read_bytes()
    assert content.startswith(b"%PDF-")
    text = normalise(pypdf.PdfReader(io.BytesIO(content)).pages[0].extract_text())
    assert "Dossier de Karim" in text
    assert {p.name for p in tmp_path.iterdir()} == {"situation.json", "dossier.pdf"}  # no temporary file left


@pytest.mark.django_db
def test_command_reads_standard_input(tmp_path, monkeypatch, capsys):
    out = tmp_path / "dossier.pdf"
    code, _, err = run_pdf_command(monkeypatch, capsys, "-", "-o", str(out), stdin=json.dumps(FAMILY_GLASSES_DENTAL))
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.django_db
def test_command_invalid_situation_exits_2_with_errors_on_stderr(tmp_path, monkeypatch, capsys):
    bad = dict(SINGLE_ADULT_STAY, members=[{"id": "p1", "role": "applicant", "birth_date": "1971-02-30"}])
    out = tmp_path / "dossier.pdf"
    code, stdout, err = run_pdf_command(monkeypatch, capsys, "-", "-o", str(out), stdin=json.dumps(bad))
    assert code == 2
    assert stdout == ""
    errors = json.loads(err)["errors"]
    assert {"path", "message"} <= set(errors[0])
    assert "members[0].birth_date" in [e["path"] for e in errors]
    assert not out.exists()


@pytest.mark.django_db
def test_command_invalid_json_exits_2(tmp_path, monkeypatch, capsys):
    out = tmp_path / "dossier.pdf"
    code, _, err = run_pdf_command(monkeypatch, capsys, "-", "-o", str(out), stdin="{not json")
    assert code == 2
    assert json.loads(err)["errors"][0]["message"].startswith("JSON invalide")
    assert not out.exists()


# --------------------------------------------------------------------------- the template filters


def test_format_filters():
    template = Template("{% load aidsante_format %}{{ a|eur }}|{{ b|eur }}|{{ c|eur }}|{{ d|date_fr }}|{{ e|date_fr }}|{{ f|eur }}")
    out = template.render(Context({
        "a": 1234.5, "b": Decimal("10339"), "c": None, "d": "2026-11-01", "e": date(2026, 3, 22), "f": "<b>",
    }))
    assert out == "1\u202f234,50\u00a0€|10\u202f339\u00a0€||1er novembre 2026|22 mars 2026|&lt;b&gt;"


@pytest.mark.parametrize(
    "persona", [SINGLE_ADULT_STAY, FAMILY_GLASSES_DENTAL, SELF_EMPLOYED_PSYCHIATRY_HELP, HEAVY_FAMILY_ALL_AIDS])
def test_no_page_is_left_almost_blank(persona):
    """Issue 15: no forced break leaves a page nearly empty (a footer alone is about 100 characters)."""
    rendered = Rendered(persona, person_label="Karim", organisation=ccas())
    for number, page in enumerate(rendered.pages, start=1):
        assert len(page) > 600, f"page {number} of {len(rendered.pages)} is almost blank: {page!r}"


def test_the_services_of_the_hospital_are_one_organism_with_its_services(single_adult):
    """The admissions office (the quote), the billing office (instalments) and the establishment itself are one
    organism of the steps, the hospital of the stay, each step naming its service (not three organisms)."""
    html = render_dossier_html(single_adult.result)
    steps = html[html.index('id="titre-demarches"'):]
    headings = [normalise(h) for h in re.findall(r"<h3>(.*?)</h3>", steps, flags=re.S)]
    hospital = escape("L'hôpital ou la clinique de votre séjour")
    assert headings.count(hospital) == 1
    for service_as_organism in ("Établissement de santé (bureau des admissions)",
                                "Service des frais de séjour de l'établissement",
                                "Bureau des admissions de l'établissement, ou le professionnel"):
        assert escape(service_as_organism) not in headings
    group = steps[steps.index(hospital):].split('<div class="step-group">')[0]
    assert [normalise(p) for p in re.findall(r"<h4>(.*?)</h4>", group)] == [
        normalise(escape(item["procedure"])) for item in single_adult.data["checklist"]
        if item["key"] in ("quote_0", "guidance_pay_quote", "guidance_pay_instalments")]
    assert group.count(f"<strong>{escape('Auprès de :')}</strong> Bureau des admissions</p>") == 2
    assert f"<strong>{escape('Auprès de :')}</strong> Service des frais de séjour</p>" in group
    assert "L'hôpital ou la clinique de votre séjour Obtenir un devis" in single_adult.text
    # The contract keeps each step's own organism, word for word.
    organisms = {item["key"]: item["organism"] for item in single_adult.data["checklist"]}
    assert organisms["quote_0"] == "Établissement de santé (bureau des admissions)"
    assert organisms["guidance_pay_instalments"] == "Service des frais de séjour de l'établissement"
