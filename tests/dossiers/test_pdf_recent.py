"""The PDFs made in the last minutes are given back for the same HTML (``RecentPDFs``, issue 11)."""

from __future__ import annotations

from datetime import date

import pytest
from weasyprint import HTML

from eligibility.presentation import pdf as pdf_module
from eligibility.presentation.pdf import RecentPDFs, html_to_pdf, render_dossier_pdf
from eligibility.presentation.pdf_fetcher import DossierURLFetcher
from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation
from tests.dossiers.test_pdf_personas import SINGLE_ADULT_STAY

TODAY = date(2026, 11, 22)


@pytest.fixture
def renderings(monkeypatch):
    """Count the layouts WeasyPrint makes (each ``write_pdf``), starting with no recent PDF."""
    monkeypatch.setattr(pdf_module, "RECENT_PDFS", RecentPDFs())
    count = []
    original = HTML.write_pdf
    monkeypatch.setattr(HTML, "write_pdf", lambda self, *a, **k: count.append(1) or original(self, *a, **k))
    return count


def test_the_same_dossier_is_laid_out_once(renderings):
    result = simulate(parse_situation(SINGLE_ADULT_STAY, today=TODAY))
    first = render_dossier_pdf(result, person_label="Samia")
    assert render_dossier_pdf(result, person_label="Samia") == first
    assert len(renderings) == 1
    # Anything that changes the document makes a new one.
    other = render_dossier_pdf(result, person_label="Sami")
    assert other != first
    assert len(renderings) == 2


def test_a_caller_watching_the_requests_always_gets_a_new_rendering(renderings):
    html = "<!doctype html><html lang=fr><title>t</title><p>Un courrier</p>"
    html_to_pdf(html)
    fetcher = DossierURLFetcher()
    html_to_pdf(html, url_fetcher=fetcher)
    assert len(renderings) == 2


def test_recent_pdfs_are_few_and_short_lived(monkeypatch):
    recent = RecentPDFs(size=2, ttl=60)
    now = [1000.0]
    monkeypatch.setattr(pdf_module.time, "monotonic", lambda: now[0])
    for key in (b"a", b"b", b"c"):
        recent.put(key, key * 2)
    assert recent.get(b"a") is None  # the oldest went first
    assert recent.get(b"b") == b"bb"
    recent.put(b"d", b"dd")  # "b" was read last: "c" goes
    assert recent.get(b"c") is None and recent.get(b"b") == b"bb"
    now[0] += 61
    assert recent.get(b"b") is None and recent.get(b"d") is None
