"""Each out-of-pocket line explained one tap away (issue 14): the price counted, the tariff, the Sécurité
sociale base and rate, the limits and who pays what, in each column; the same words in the dossier (HTML
and PDF) through the shared presentation layer.

Worked example, request of 22 November 2026, adult without complementary, ceramic-metal crown on a molar
(tarif libre) quoted 1 200 €: base 120 € × 60 % = 72 € from the Sécurité sociale, 1 128 € left today; with the
CSS, the base is paid in full (48 € more), at most 1 080 € left. Two class I hearing aids without a quote:
2 × 950 € = 1 900 €, 2 × 400 € × 60 % = 480 € from the Sécurité sociale; with the CSS the price is limited to
2 × 800 € = 1 600 €, the CSS pays 1 120 € and nothing is left.
"""

from __future__ import annotations

import io
from datetime import date

import pypdf

from eligibility.presentation.context import build_context, line_explanation
from eligibility.presentation.pdf import render_dossier_pdf
from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation

TODAY = date(2026, 11, 22)

SITUATION = {
    "request_date": "2026-11-22",
    "residence": {"territory": "metropole"},
    "housing": {"status": "tenant", "housing_aid_monthly": 0},
    "members": [{"id": "p1", "role": "applicant", "birth_date": "1970-01-01", "activity": "employee"}],
    "resources": [{"member": "p1", "type": "salary", "amount": 12000}],
    "coverage": {"complementary": "none"},
    "planned_care": [
        {"kind": "dental_prosthesis", "member": "p1", "quote": 1200, "material": "ceramic_metal", "tooth": "molar"},
        {"kind": "hearing_aids", "member": "p1", "ears": 2, "basket": "100_sante"},
        {"kind": "hospitalisation", "member": "p1", "days": 3},
    ],
}


def plain(texts: list[str]) -> list[str]:
    return [t.replace("\u202f", " ").replace("\u00a0", " ") for t in texts]


def lines():
    result = simulate(parse_situation(SITUATION, today=TODAY))
    return result, result.as_dict()["reste_a_charge"]["lines"]


def test_crown_at_a_free_price_explained_with_both_columns():
    _result, (crown, _hearing, _stay) = lines()
    text = plain(line_explanation(crown, with_css_column=True))
    assert text[0] == "Prix compté : 1 200 €, le montant du devis."
    assert any("60 % de la base de remboursement (120 €" in t and "72 €" in t for t in text)
    assert text[-2] == ("Avec votre couverture actuelle : Sécurité sociale 72 € ; complémentaire 0 € ; "
                        "reste à payer 1 128 €.")
    assert text[-1] == ("Avec la Complémentaire santé solidaire : Sécurité sociale 72 € ; complémentaire 48 € ; "
                        "reste à payer au plus 1 080 €.")


def test_hearing_aids_without_a_quote_explained_from_the_price_limit():
    _result, (_crown, hearing, _stay) = lines()
    text = plain(line_explanation(hearing, with_css_column=True))
    assert text[0].startswith("Pas encore de devis : prix compté 1 900 €")
    assert "Prix limite de cette offre : 1 900 € ; le professionnel ne peut pas facturer plus." in text
    assert text[-1] == ("Avec la Complémentaire santé solidaire : prix limité à 1 600 € ; Sécurité sociale 480 € ; "
                        "complémentaire 1 120 € ; reste à payer 0 €.")


def test_hospital_charge_explained_by_its_daily_rate():
    _result, (_crown, _hearing, stay) = lines()
    text = plain(line_explanation(stay, with_css_column=False))
    assert text[0] == "Montant compté : 69 €."
    assert any("23 € par jour" in t for t in text)
    assert text[-1] == "Avec votre couverture actuelle : Sécurité sociale 0 € ; complémentaire 0 € ; reste à payer 69 €."


def test_the_context_and_the_dossier_carry_the_explanations():
    result, _lines = lines()
    context = build_context(result, document=True)
    explained = [line["explain"] for line in context["care"]["out_of_pocket"]["lines"]]
    assert all(explained) and len(explained) == 3
    pdf = pypdf.PdfReader(io.BytesIO(render_dossier_pdf(result)))
    words = " ".join(page.extract_text() for page in pdf.pages).replace("\u202f", " ").replace("\u00a0", " ")
    assert "Comment c'est calculé" in words
    assert "Prix compté : 1 200 €, le montant du devis." in " ".join(words.split())
