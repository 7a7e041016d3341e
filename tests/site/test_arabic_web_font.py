"""The Arabic web font (issue 17): served by the site, linked by the Arabic pages only, covering every Arabic
letter the pages write. The browser side (the font resolves, the file is fetched with a 200, a French page
fetches nothing) is in ``tests/browser/test_i18n_browser.py``."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
try:
    from arabic_web_font import FACES, UNICODE_RANGE, css_unicode_range
    from check_translations import parse_po
finally:
    sys.path.pop(0)

ARABIC_CSS = ROOT / "static" / "css" / "arabic.css"


def page(language: str, path: str = "/"):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(path)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_only_the_arabic_pages_link_the_arabic_font():
    arabic = page("ar")
    assert '<link rel="stylesheet" href="/static/css/arabic.css">' in arabic.content.decode()
    # The Content-Security-Policy lets the page load it from the site itself, and from nowhere else.
    assert re.search(r"font-src 'self'(;|$)", arabic["Content-Security-Policy"])
    for language in ("fr", "en"):
        assert "arabic.css" not in page(language).content.decode(), language


@pytest.mark.django_db
@pytest.mark.parametrize("face", FACES)
def test_the_font_files_are_served_as_woff2(face):
    response = Client().get(f"/static/fonts/NotoSansArabic-{face}.woff2")
    assert response.status_code == 200
    assert response["Content-Type"] == "font/woff2"
    assert b"".join(response.streaming_content if response.streaming else [response.content])[:4] == b"wOF2"


def test_the_stylesheet_declares_both_faces_with_the_arabic_range_only():
    css = ARABIC_CSS.read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\s*{(.*?)}", css, flags=re.S)
    assert len(faces) == len(FACES)
    for face, weight in zip(FACES, ("400", "700"), strict=True):
        block = next(block for block in faces if f"NotoSansArabic-{face}.woff2" in block)
        assert f"font-weight: {weight};" in block
        assert f"unicode-range: {css_unicode_range()};" in block
        assert finders.find(f"fonts/NotoSansArabic-{face}.woff2")
    # Latin letters and figures are outside the range: a Latin page never needs the font.
    assert not any(start <= ord("A") <= end or start <= ord("0") <= end for start, end in UNICODE_RANGE)
    # The licence travels with the font (SIL Open Font License: redistribution and subsetting allowed).
    assert "SIL Open Font License" in (ROOT / "static" / "fonts" / "NotoSansArabic-LICENCE.txt").read_text()


@pytest.mark.parametrize("face", FACES)
def test_the_web_font_draws_every_arabic_letter_of_the_catalogue(face):
    """No empty box on an Arabic page: each Arabic character the translations use has a glyph in the font."""
    catalogue = ROOT / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    used = {char for entry in parse_po(catalogue) for text in entry.msgstr.values() for char in text
            if any(start <= ord(char) <= end for start, end in UNICODE_RANGE)}
    assert len(used) > 30, "the Arabic catalogue writes Arabic"
    font = TTFont(ROOT / "static" / "fonts" / f"NotoSansArabic-{face}.woff2")
    cmap = font.getBestCmap()
    assert sorted(f"U+{ord(char):04X}" for char in used if ord(char) not in cmap) == []
    # The joining forms are there too: the font keeps its OpenType shaping (init, medi, fina).
    features = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina", "rlig"} <= features
