"""The person's dossier (PDF and its HTML twin) in English and Arabic: tagged with its language, Arabic
glyphs present (Noto Sans Arabic embedded, no empty box), the same figures as the French dossier."""

from __future__ import annotations

import io
import logging
import re
from datetime import date

import pypdf
import pytest
from django.utils import translation

from eligibility.presentation.pdf import render_dossier_html, render_dossier_pdf
from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation
from tests.dossiers.test_pdf_personas import FAMILY_GLASSES_DENTAL

TODAY = date(2026, 11, 22)
AMOUNT = re.compile(r"\d{1,3}(?: \d{3})*(?:,\d{2})? €")


def without_glossary(html: str) -> str:
    """The dossier without what only the translated versions add: the glossary (its explanations quote
    amounts) and the letters' translations (each repeats the amounts of the French letter before it)."""
    html = re.sub(r'<div class="letter__translation".*?</div>', "", html, flags=re.S)
    return re.sub(r'<section class="glossary".*?</section>', "", html, flags=re.S)


def spaces(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text.replace("\u2066", "").replace("\u2069", ""))


class Printed:
    def __init__(self, language: str, person_label: str | None = None):
        result = simulate(parse_situation(FAMILY_GLASSES_DENTAL, today=TODAY))
        self.records: list[logging.LogRecord] = []
        handler = logging.Handler()
        handler.emit = self.records.append
        weasyprint_logger = logging.getLogger("weasyprint")
        weasyprint_logger.addHandler(handler)
        try:
            with translation.override(language):
                self.html = render_dossier_html(result, person_label=person_label)
                self.pdf = render_dossier_pdf(result, person_label=person_label)
        finally:
            weasyprint_logger.removeHandler(handler)
        self.reader = pypdf.PdfReader(io.BytesIO(self.pdf))
        self.text = spaces(" ".join(page.extract_text() for page in self.reader.pages))

    @property
    def fonts(self) -> set[str]:
        names = set()
        for page in self.reader.pages:
            for font in (page["/Resources"].get("/Font") or {}).values():
                names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
        return names

    @property
    def missing_glyphs(self) -> list[str]:
        # WeasyPrint's own words, or the settings' filter's (which drops the character from the log).
        return [r.getMessage() for r in self.records
                if ".notdef" in r.getMessage() or "aucune police installée" in r.getMessage()]


@pytest.fixture(scope="module")
def arabic():
    return Printed("ar", person_label="أمينة")


@pytest.fixture(scope="module")
def french():
    return Printed("fr")


@pytest.mark.django_db
def test_the_arabic_dossier_is_tagged_arabic_and_prints_arabic_glyphs(arabic):
    assert arabic.reader.trailer["/Root"]["/Lang"] == "ar"
    assert '<html lang="ar" dir="rtl">' in arabic.html
    assert {"Noto-Sans-Arabic", "Noto-Sans-Arabic-Bold"} <= arabic.fonts
    assert arabic.missing_glyphs == []
    # The text is there, letter for letter: headings, the person's name, the note on the French text.
    assert "مساعداتك لتكاليف الصحة" in arabic.text
    assert "ملف أمينة" in arabic.text
    assert "النص الفرنسي هو المرجع" in arabic.text
    assert "كلمات تبقى بالفرنسية" in arabic.text
    # The page footer speaks Arabic too.
    assert re.search(r"\d+ من\s*\d+\s*الصفحة", arabic.text)


@pytest.mark.django_db
def test_a_script_without_font_would_be_caught():
    """The empty-box check is real: a character no installed font draws is reported."""
    printed = Printed("ar", person_label="\U000F0000")  # a private-use character: no font has it
    assert printed.missing_glyphs


@pytest.mark.django_db
def test_the_dossier_gives_the_same_figures_in_every_language(french, arabic):
    english = Printed("en")
    assert english.reader.trailer["/Root"]["/Lang"] == "en"
    assert french.reader.trailer["/Root"]["/Lang"] == "fr"
    assert "Your help with health costs" in english.text
    # Every amount of the French dossier, the same number of times, in the HTML the PDF is printed from.
    expected = sorted(AMOUNT.findall(spaces(french.html)))
    assert len(expected) > 10
    assert sorted(AMOUNT.findall(spaces(without_glossary(english.html)))) == expected
    assert sorted(AMOUNT.findall(spaces(without_glossary(arabic.html)))) == expected
    # Amounts keep their left-to-right order inside the Arabic text.
    assert re.search("\u2066\\d[\\d\u202f]*(,\\d\\d)?\u00a0€\u2069", arabic.html)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("persona", ["FAMILY_GLASSES_DENTAL", "HEAVY_FAMILY_ALL_AIDS", "SINGLE_ADULT_STAY",
                                     "SELF_EMPLOYED_PSYCHIATRY_HELP"])
def test_no_french_sentence_is_left_in_the_translated_dossier(language, persona):
    """The dossier's HTML (the PDF's source) in English or Arabic: every sentence of the rules (from the
    wording catalogue) translated like the rest; French only where marked so (the letters sent, the legal
    references) and in names: the person's, and the household's members by their ids (``p1``, ``c2``)."""
    from tests.dossiers import test_pdf_personas
    from tests.i18n_pages import left_in_french

    situation = getattr(test_pdf_personas, persona)
    ids = {member["id"] for member in situation["members"]}
    result = simulate(parse_situation(situation, today=TODAY))
    french = render_dossier_html(result, person_label="Samia")
    with translation.override(language):
        translated = render_dossier_html(result, person_label="Samia")
    same_in_english = {"Contacts", "Total", *(f"(note {n})" for n in range(1, 10))} if language == "en" else set()
    assert left_in_french(french, translated, {"Samia", *ids, *same_in_english}) == []
