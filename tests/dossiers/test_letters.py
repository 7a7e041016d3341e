"""Letters ready to send (issue 15): their content per case, the edit-then-download journey, the files.

Figures expected in the letters come from the personas' own numbers (legal reference: forfait journalier
23 € a day from 1 March 2026; single room as quoted), not from the presentation code.
"""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pypdf
import pytest
from django.urls import reverse

from eligibility.presentation.context import build_context
from eligibility.presentation.letters import LetterKind, letter_docx, letters_for, render_letter_pdf
from eligibility.presentation.pdf import render_dossier_pdf
from eligibility.questionnaire.views import QuestionnaireWizard
from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation
from tests.dossiers.test_pdf_personas import FAMILY_GLASSES_DENTAL, HEAVY_FAMILY_ALL_AIDS, SINGLE_ADULT_STAY
from tests.questionnaire.test_questionnaire_helpers import Journey, text_of
from tests.questionnaire.test_questionnaire_journeys import (
    REQUEST_DATE,
    self_employed_in_difficulty,
    single_on_rsa,
)
from tests.support import pdftotext_pages

TODAY = date(2026, 11, 22)


def normalise(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def letters(persona: dict, **kwargs) -> dict:
    result = simulate(parse_situation(persona, today=TODAY))
    context = build_context(result, **kwargs)
    return {letter.kind: letter for letter in letters_for(context, result)}


def whole(letter) -> str:
    return normalise(" ".join([letter.sender, letter.addressee, letter.subject, letter.body,
                               *letter.references, *letter.enclosures]))


# --------------------------------------------------------------------------- content, case by case


def test_cpam_aid_request_carries_the_household_figures_and_the_quotes():
    found = letters(HEAVY_FAMILY_ALL_AIDS, person_label="Samia")
    letter = found[LetterKind.CPAM_AID]
    text = whole(letter)
    assert "Commission d'action sanitaire et sociale" in letter.addressee
    assert "CPAM) du 13" in letter.addressee
    assert letter.sender.startswith("Samia") and letter.signature == "Samia"
    # 4 people; resources 9 000 + 14 500 + 1 700 + housing flat amount 2 322,60 = 27 522,60 € (÷ 12 = 2 293,55).
    assert "Mon foyer compte 4 personnes : moi-même (44 ans), mon conjoint ou ma conjointe (42 ans)" in text
    assert "27 522,60 €" in text and "2 293,55 €" in text
    # The quotes: 8 days × 23 € = 184 €, the single room 8 × 70 € = 560 €, and every other planned care line.
    assert "Forfait journalier (hôpital), p1, 8 jours : 184 € à ma charge, 0 € avec la Complémentaire santé solidaire" in text
    assert "Chambre particulière, p1, 8 jours : 560 €" in text
    result = simulate(parse_situation(HEAVY_FAMILY_ALL_AIDS, today=TODAY)).as_dict()
    for line in result["reste_a_charge"]["lines"]:
        assert normalise(line["label"]) in text
    assert "art. L262-1" in " ".join(letter.references) and "26 octobre 1995" in " ".join(letter.references)
    assert "Deux devis de professionnels différents : lunettes (hors 100 % Santé) de c2" in letter.enclosures
    assert "RIB (relevé d'identité bancaire)" in letter.enclosures


def test_payment_plan_is_about_the_hospital_bill_only():
    letter = letters(HEAVY_FAMILY_ALL_AIDS)[LetterKind.PAYMENT_PLAN]
    text = whole(letter)
    assert letter.addressee.startswith("Service des frais de séjour")
    # 184 € of daily charge + 560 € of single room = 744 €; the glasses and the dental quote are not billed here.
    assert "laissent à ma charge 744 €" in text
    assert "Lunettes" not in text and "Prothèse" not in text
    assert any("L174-4" in ref for ref in letter.references)
    assert "Copie de la facture ou de l'avis des sommes à payer" in letter.enclosures
    assert letter.sender.startswith("[Vos prénom et nom]")


def test_no_payment_plan_without_hospital_charges_and_no_cpam_letter_when_unlikely():
    found = letters(FAMILY_GLASSES_DENTAL)
    assert LetterKind.PAYMENT_PLAN not in found
    assert {LetterKind.COMPLAINT, LetterKind.MEDIATOR, LetterKind.CSS_APPEAL} <= set(found)


def test_appeal_mediator_and_complaint_letters():
    found = letters(SINGLE_ADULT_STAY)
    appeal = found[LetterKind.CSS_APPEAL]
    assert appeal.when.startswith("Seulement si la demande est refusée")
    assert appeal.addressee.startswith("Commission de recours amiable")
    assert any("R142-1" in ref for ref in appeal.references)
    assert "Copie de la décision contestée" in appeal.enclosures
    assert "Mon foyer compte 1 personne : moi-même (55 ans)" in whole(appeal)
    mediator = found[LetterKind.MEDIATOR]
    assert mediator.addressee.startswith("Médiateur de l'Assurance Maladie")
    assert mediator.references == ["Code de la sécurité sociale, art. L217-7-1"]
    assert "Copie de la réclamation envoyée à la caisse" in mediator.enclosures
    # Art. L217-7-1: the mediator comes after a complaint to the caisse, and suspends the appeal's time limit.
    assert "Mon foyer compte 1 personne : moi-même (55 ans)" in whole(mediator)
    assert "délais de recours contre la décision contestée sont suspendus" in whole(mediator)
    assert mediator.when.startswith("Après une réclamation à la caisse") and "compte ameli" in mediator.when
    complaint = found[LetterKind.COMPLAINT]
    assert "ou nom de votre complémentaire santé" in complaint.addressee


#: For each of the five letters of the heaviest family: how the addressee starts, the figures the body
#: carries (27 522,60 € of resources over 12 months; the hospital's 744 € = 8 × 23 € + 8 × 70 €), the
#: enclosures it lists and the article it cites.
EVERY_LETTER = {
    LetterKind.CPAM_AID: ("Commission d'action sanitaire et sociale", ["27 522,60 €", "Mon foyer compte 4 personnes"],
                          "RIB (relevé d'identité bancaire)", "L262-1"),
    LetterKind.PAYMENT_PLAN: ("Service des frais de séjour", ["744 €", "Mon foyer compte 4 personnes"],
                              "Copie de la facture ou de l'avis des sommes à payer", "L174-4"),
    LetterKind.COMPLAINT: ("Service des réclamations", ["27 522,60 €", "Mon foyer compte 4 personnes"],
                           "Copie de la décision ou du relevé de remboursement contesté", "R142-1"),
    LetterKind.MEDIATOR: ("Médiateur de l'Assurance Maladie", ["27 522,60 €", "Mon foyer compte 4 personnes"],
                          "Copie de la réclamation envoyée à la caisse", "L217-7-1"),
    LetterKind.CSS_APPEAL: ("Commission de recours amiable", ["27 522,60 €", "Mon foyer compte 4 personnes"],
                            "Copie de la décision contestée", "R142-1"),
}


@pytest.mark.parametrize("kind", list(EVERY_LETTER), ids=lambda kind: kind.value)
def test_each_letter_names_its_addressee_carries_the_figures_and_lists_the_enclosures(kind):
    found = letters(HEAVY_FAMILY_ALL_AIDS, person_label="Samia")
    assert set(found) == set(LetterKind), "the heaviest family is sent every letter"
    addressee, figures, enclosure, article = EVERY_LETTER[kind]
    letter = found[kind]
    assert letter.addressee.startswith(addressee)
    text = whole(letter)
    for figure in figures:
        assert figure in text, (kind, figure)
    assert enclosure in letter.enclosures
    assert any(article in ref for ref in letter.references), letter.references
    assert letter.sender.startswith("Samia") and letter.signature == "Samia"
    assert letter.place_date == "À [ville], le 22 novembre 2026"
    # What the person fills in is between brackets; nothing of the template's own syntax is left.
    assert "{" not in text and "%(" not in text


@pytest.mark.parametrize("persona", [HEAVY_FAMILY_ALL_AIDS, SINGLE_ADULT_STAY, FAMILY_GLASSES_DENTAL],
                         ids=["heavy_family", "single_adult_stay", "family_glasses_dental"])
def test_letter_pdfs_have_no_blank_page(persona):
    """Every letter fits on one page, and no page of its PDF is blank (pdftotext, page by page)."""
    for kind, letter in letters(persona, person_label="Samia").items():
        pdf = render_letter_pdf(letter)
        pages = [normalise(page) for page in pdftotext_pages(pdf)]
        assert len(pages) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1, (kind, len(pages))
        for number, page in enumerate(pages, start=1):
            assert len(page) > 600, f"{kind}: page {number} is almost blank: {page!r}"
        assert normalise(letter.subject) in pages[0] and letter.enclosures[-1][:40] in pages[-1]


def test_letter_files_keep_the_text_pdf_tagged_and_docx_editable():
    letter = letters(HEAVY_FAMILY_ALL_AIDS)[LetterKind.CPAM_AID]
    reader = pypdf.PdfReader(io.BytesIO(render_letter_pdf(letter)))
    text = normalise(" ".join(page.extract_text() for page in reader.pages))
    assert "Objet : Demande d'aide financière individuelle" in text
    assert "Pièces jointes" in text and "RIB" in text
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr" and "/StructTreeRoot" in root
    document = docx.Document(io.BytesIO(letter_docx(letter)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Madame, Monsieur," in paragraphs
    assert any(p.startswith("Devis ou estimation des frais de l'établissement") for p in paragraphs)
    assert document.core_properties.title == letter.subject


def test_the_dossier_prints_the_letters_to_send_now_and_no_professional_note():
    result = simulate(parse_situation(HEAVY_FAMILY_ALL_AIDS, today=TODAY))
    pdf = render_dossier_pdf(result, person_label="Samia")
    pages = pdftotext_pages(pdf)
    # No blank page, letters included: every page carries more than its footer.
    assert len(pages) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for number, page in enumerate(pages, start=1):
        assert len(normalise(page)) > 600, f"page {number} of {len(pages)} is almost blank"
    text = normalise(" ".join(pages))
    assert "Courrier prêt à envoyer : Demande d'aide financière à la CPAM" in text
    assert "Courrier prêt à envoyer : Demande d'échéancier" in text
    assert "Commission de recours amiable" in text  # the appeal step, worded for after a refusal
    assert "Si la demande de CSS est refusée" in text
    for note in result.as_dict()["to_verify"]:
        assert normalise(note) not in text


# --------------------------------------------------------------------------- through the site


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def completed(client, answers) -> Journey:
    journey = Journey(client)
    journey.start()
    journey.run(answers)
    return journey


def letter_url(journey: Journey, kind: str) -> str:
    return reverse("questionnaire:letter", kwargs={"case_id": journey.case_id, "letter": kind})


@pytest.mark.django_db
def test_results_link_each_letter_which_is_edited_then_downloaded(client, fixed_today):
    journey = completed(client, self_employed_in_difficulty())
    results = journey.results()
    page = text_of(results)
    assert "Courriers prêts à envoyer" in page
    url = letter_url(journey, "echeancier-hopital")
    assert url in results.content.decode()
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    # Pre-filled: 5 days × 23 € of daily hospital charge.
    assert "laissent à ma charge 115 €" in normalise(html)
    # The person's edits are what gets printed, as a PDF or as a Word file.
    data = {
        "sender": "Léa Martin\n3 rue des Lilas", "addressee": "Service des frais de séjour\nHôpital Nord",
        "place_date": "À Marseille, le 22 novembre 2026", "subject": "Demande de paiement échelonné",
        "body": "Madame, Monsieur,\n\nJe propose de payer 20 € par mois.", "references": "",
        "enclosures": "Copie de la facture\nAttestation de la Caf", "signature": "Léa Martin",
    }
    pdf = client.post(url, {**data, "format": "pdf"})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="courrier-echeancier-hopital.pdf"'
    text = normalise(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages))
    assert "Je propose de payer 20 € par mois." in text and "Hôpital Nord" in text and "Attestation de la Caf" in text
    word = client.post(url, {**data, "format": "docx"})
    assert word.status_code == 200
    assert word["Content-Disposition"] == 'attachment; filename="courrier-echeancier-hopital.docx"'
    assert "Je propose de payer 20 € par mois." in [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]


@pytest.mark.django_db
def test_a_letter_with_an_empty_text_is_refused_next_to_the_field(client, fixed_today):
    journey = completed(client, single_on_rsa())
    response = client.post(letter_url(journey, "reclamation"), {"sender": "x", "addressee": "y", "place_date": "z",
                                                                 "subject": "s", "body": "", "signature": "s"})
    assert response.status_code == 400
    assert 'id="id_body_error"' in response.content.decode()


@pytest.mark.django_db
def test_unknown_or_unfitting_letters_and_other_visitors_get_404(client, fixed_today):
    journey = completed(client, single_on_rsa())
    assert client.get(letter_url(journey, "nimporte-quoi")).status_code == 404
    # No planned stay: no payment plan to ask the hospital for.
    assert client.get(letter_url(journey, "echeancier-hopital")).status_code == 404
    client.cookies.clear()
    assert client.get(letter_url(journey, "reclamation")).status_code == 404
