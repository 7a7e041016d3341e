"""The dossier PDF loads nothing but the project's own static files: text typed by people is printed as text,
and the URL fetcher refuses the network, other files, path traversal and unknown schemes."""

from __future__ import annotations

import base64
import io
import logging
import re
import socket
from datetime import date

import pypdf
import pytest
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from dossiers.models import Organisation
from eligibility.presentation.pdf import render_dossier_html, render_dossier_pdf
from eligibility.presentation.pdf_fetcher import DossierURLFetcher, RefusedURL, static_url
from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation
from tests.dossiers.test_pdf_personas import SINGLE_ADULT_STAY

OWN_STYLESHEET = "aidsante-static:css/dossier_pdf.css"
IMG = '<img src="http://127.0.0.1:9/pixel.png">'
LINK = '<link rel=stylesheet href="http://127.0.0.1:9/evil.css">'
FILE = '<img src="file:///etc/passwd"> file:///etc/passwd'
STYLE = "<style>@import url(http://127.0.0.1:9/i.css); body { background: url(file:///etc/passwd) }</style>"
SVG = '<svg><image href="https://example.org/x.png"/></svg><iframe src="https://example.org/"></iframe>'


def normalise(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


@pytest.fixture
def no_network(monkeypatch):
    """Record (and block) every attempt to open a connection while the test runs."""
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted during a dossier rendering")

    monkeypatch.setattr(socket.socket, "connect", lambda self, *a: refuse(*a))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, *a: refuse(*a))
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture(scope="module")
def result():
    return simulate(parse_situation(SINGLE_ADULT_STAY, today=date(2026, 11, 22)))


def hostile_organisation() -> Organisation:
    return Organisation(
        name=f"CCAS {LINK} {STYLE}",
        address=f"1 rue de la Paix\n{FILE}",
        phone='01 23 45 67 89 <a href="javascript:alert(1)">x</a>',
        email="ccas@example.org",
        opening_hours=f"Lundi 9 h {SVG}",
    )


def test_markup_in_text_fields_is_printed_as_text_and_nothing_is_fetched(result, no_network):
    fetcher = DossierURLFetcher()
    pdf = render_dossier_pdf(result, person_label=f"Léa {IMG}", organisation=hostile_organisation(), url_fetcher=fetcher)

    # Only the project's stylesheet was requested: no http(s), no file:, nothing on 127.0.0.1.
    assert fetcher.requested == [OWN_STYLESHEET]
    assert not [url for url in fetcher.requested if re.match(r"(?i)(https?|ftp|file):", url)]
    assert no_network == []

    text = normalise(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    assert 'Léa <img src="http://127.0.0.1:9/pixel.png">' in text
    assert '<link rel=stylesheet href="http://127.0.0.1:9/evil.css">' in text
    assert '<img src="file:///etc/passwd"> file:///etc/passwd' in text
    # A line may break after "http://" in the narrow contact box: compare without the spaces.
    assert "@importurl(http://127.0.0.1:9/i.css)" in text.replace(" ", "")
    assert '<a href="javascript:alert(1)">x</a>' in text
    assert "root:x:0:0" not in text


def test_markup_in_text_fields_is_escaped_in_the_html_version(result):
    html = render_dossier_html(result, person_label=f"Léa {IMG}", organisation=hostile_organisation())
    assert "&lt;img src=&quot;http://127.0.0.1:9/pixel.png&quot;&gt;" in html
    assert "&lt;link rel=stylesheet" in html
    assert "&lt;style&gt;@import" in html
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;" in html
    for tag in ("<img", "<style", "<iframe", "<svg", 'href="javascript'):
        assert tag not in html
    # The stylesheet links are the project's own: the dossier's, and its phone layout.
    assert re.findall(r"<link [^>]*>", html) == [
        '<link rel="stylesheet" href="/static/css/dossier_pdf.css">',
        '<link rel="stylesheet" href="/static/css/dossier_screen.css" media="screen and (max-width: 40rem)">',
    ]


def test_the_fetcher_is_the_second_lock_even_on_raw_hostile_html(no_network, caplog):
    """If markup ever reached WeasyPrint unescaped, the fetcher would still refuse every resource."""
    hostile = f"""<!doctype html><html lang="fr"><head><title>t</title>{LINK}
        <link rel="stylesheet" href="file:///etc/passwd">{STYLE}</head>
        <body><p>{IMG}{FILE}</p>{SVG}<img src="ftp://127.0.0.1/x.png">
        <img src="{static_url('../../../../etc/passwd')}"><img src="data:text/html,<script>alert(1)</script>">
        <object data="http://127.0.0.1:9/o"></object><embed src="http://127.0.0.1:9/e"></body></html>"""
    fetcher = DossierURLFetcher()
    with caplog.at_level(logging.WARNING, logger="eligibility.presentation.pdf_fetcher"):
        pdf = HTML(string=hostile, url_fetcher=fetcher).write_pdf()
    assert pdf.startswith(b"%PDF-")
    assert no_network == []
    assert any(url.startswith("http://127.0.0.1:9/") for url in fetcher.requested)  # asked, and refused
    assert "file:///etc/passwd" in fetcher.requested
    refusals = [r.getMessage() for r in caplog.records if r.name == "eligibility.presentation.pdf_fetcher"]
    assert refusals, "refusals are logged"
    for message in refusals:
        assert "127.0.0.1" not in message and "/etc/passwd" not in message  # the scheme only, never the URL


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "https://example.org/style.css",
        "HTTP://127.0.0.1:8000/static/css/dossier_pdf.css",
        "ftp://127.0.0.1/x.css",
        "file:///etc/passwd",
        "file:///work/main/static/css/dossier_pdf.css",
        "javascript:alert(1)",
        "gopher://127.0.0.1/",
        "/static/css/dossier_pdf.css",
        "aidsante-static:../aidsante/settings/base.py",
        "aidsante-static:css/../../aidsante/settings/base.py",
        "aidsante-static:%2e%2e/%2e%2e/etc/passwd",
        "aidsante-static:/etc/passwd",
        "aidsante-static:css\\..\\..\\etc\\passwd",
        "aidsante-static:css/%00dossier_pdf.css",
        "aidsante-static:css/does_not_exist.css",
        "aidsante-static:js/app.js",
        "aidsante-static:",
        "data:text/html,<script>alert(1)</script>",
        "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'><image href='http://127.0.0.1/'/></svg>",
        "data:image/png;base64,!!!not base64!!!",
    ],
)
def test_fetcher_refuses(url, no_network):
    fetcher = DossierURLFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.requested == [url]
    assert no_network == []


def test_fetcher_serves_the_projects_stylesheet():
    response = DossierURLFetcher().fetch(OWN_STYLESHEET)
    try:
        assert response.content_type == "text/css"
        assert response.charset == "utf-8"
        assert b"@page" in response.read()
    finally:
        response.close()


def test_fetcher_decodes_image_data_urls():
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16).decode()
    response = DossierURLFetcher().fetch(f"data:image/png;base64,{png}")
    assert response.content_type == "image/png"
    assert response.read().startswith(b"\x89PNG")


def test_fetcher_never_follows_redirects_nor_opens_urls_itself():
    fetcher = DossierURLFetcher()
    assert not any(type(h).__name__ == "HTTPRedirectHandler" for h in fetcher.handlers)
    with pytest.raises(RefusedURL):
        fetcher.open("http://127.0.0.1:9/redirect")


def test_strict_fetcher_stops_the_rendering():
    html = f'<!doctype html><html lang="fr"><body>{IMG}</body></html>'
    with pytest.raises(FatalURLFetchingError):
        HTML(string=html, url_fetcher=DossierURLFetcher(strict=True)).write_pdf()
