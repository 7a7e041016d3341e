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

``result`` is the ``SimulationResult`` of ``eligibility.rules.engine.simulate``. The context is the one the
results page uses (``eligibility.presentation.context.build_context``) and the templates include the same
partials (``templates/results/``): nothing legal is computed here or in the templates.
``organisation`` is an ``Organisation`` (or any object with ``name``, ``address``, ``phone``, ``email``,
``opening_hours``) whose contact details print on the dossier; ``person_label`` is what the dossier calls
the person (usually a first name; the caller decides). Both are text typed by people: the template
engine escapes them, and WeasyPrint may only load the project's own static files
(``eligibility.presentation.pdf_fetcher.DossierURLFetcher``).
"""

from __future__ import annotations

import hashlib
import threading
import time
import zlib
from collections import OrderedDict
from datetime import date

import pydyf
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from .context import build_context
from .letters import LetterKind, letters_with_translation, reads_french
from .pdf_fetcher import DossierURLFetcher, static_url

TEMPLATE = "pdf/dossier.html"
STYLESHEET = "css/dossier_pdf.css"
PDF_VARIANT = "pdf/ua-1"
#: Letters printed at the end of the dossier: those to send now. The others (complaint, mediator, appeal
#: after a refusal) are prepared on the site when needed.
LETTERS_IN_DOSSIER = (LetterKind.CPAM_AID, LetterKind.PAYMENT_PLAN)


def dossier_context(result, *, organisation=None, person_label: str | None = None, for_print: bool = False) -> dict:
    """The dossier's template context: the shared one (``context.build_context``), for the person.

    The dossier is handed to the person, so it never carries the professionals' "to verify" notes.
    """
    def build() -> dict:
        return build_context(result, organisation=organisation, person_label=person_label, document=True)

    context = build()
    context.update({
        "letters": letters_with_translation(result, build, reader_context=context, kinds=LETTERS_IN_DOSSIER),
        "for_print": for_print,
        "stylesheet_href": static_url(STYLESHEET) if for_print else None,
    })
    return context


def admission_html(
    result, *, organisation=None, person_label: str | None = None, member_titles: dict | None = None,
    french_member_titles: dict | None = None, for_print: bool = False,
) -> str:
    """One page for the hospital admission desk: coverage, planned stays, what the person asks for.

    The page is addressed to the hospital, so it stays in French, marked ``lang="fr"``; a reader of another
    language gets its translation after it (beside it on a wide screen, on its own page on paper), as the
    letters do (issue 17). ``member_titles`` name the household's members in the reader's language,
    ``french_member_titles`` in French (``member_titles`` when not given).
    """
    def page(titles: dict | None, *, nested: bool = False) -> str:
        context = build_context(result, organisation=organisation, person_label=person_label,
                                member_titles=titles, document=True)
        context.update({"coverage_label": gettext(result.situation.complementary.label), "nested": nested})
        return render_to_string("pdf/_admission.html", context)

    if reads_french():
        french, translated = page(member_titles), None
    else:
        with translation.override("fr"):
            french = page(french_member_titles or member_titles)
        translated = page(member_titles, nested=True)
    return render_to_string("pdf/admission.html", {
        "french": french, "translation": translated,
        "for_print": for_print, "stylesheet_href": static_url(STYLESHEET) if for_print else None,
    })


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
    return html_to_pdf(html, url_fetcher=url_fetcher)


class RecentPDFs:
    """The PDFs this process made in the last minutes, by the SHA-256 of the HTML they were made from.

    The same HTML always gives the same PDF (our stylesheet and fonts do not change while a process runs), and
    the HTML holds everything the PDF shows (result, language, organisation, person, letters): a dossier
    downloaded again, a letter printed twice, the admission page's PDF after the dossier's are given back
    without laying the pages out again (issue 11: a dossier costs about 0.8 s of CPU; the template that
    gives its HTML, 10 ms). At most ``size`` PDFs, each for ``ttl`` seconds: they hold personal data, only
    in this process's memory, never written anywhere.
    """

    def __init__(self, size: int = 32, ttl: float = 600.0):
        self.size, self.ttl = size, ttl
        self._items: OrderedDict[bytes, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes) -> bytes | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if time.monotonic() - item[0] > self.ttl:
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key: bytes, pdf: bytes) -> None:
        with self._lock:
            self._items[key] = (time.monotonic(), pdf)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


RECENT_PDFS = RecentPDFs()

#: zlib level of the PDF's streams. pydyf compresses each stream at level 9; for a dossier's page contents that
#: takes four times as long as zlib's default level (6) for 4 % fewer bytes (issue 11: about 22 ms of a 10-page
#: dossier, against 76 KiB → 79 KiB).
STREAM_COMPRESSION_LEVEL = 6


def _compress_streams(document, pdf: pydyf.PDF) -> None:
    """WeasyPrint ``finisher``: compress the PDF's streams at ``STREAM_COMPRESSION_LEVEL`` instead of pydyf's 9.

    Called by WeasyPrint once every object of the PDF is built, just before it is written. Each stream that
    pydyf would compress (``compress``, no filter of its own) gets its compressed bytes and its
    ``/FlateDecode`` filter now, exactly as pydyf would write them, only at a faster level; the PDF's objects,
    structure tree and text are unchanged. (The cross-reference and object streams written after it keep
    pydyf's level; they are small.)
    """
    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and item.compress and "Filter" not in item.extra:
            raw = b"\n".join(pydyf._to_bytes(part) for part in item.stream)
            item.stream = [zlib.compress(raw, STREAM_COMPRESSION_LEVEL)]
            item.extra["Filter"] = "/FlateDecode"
            item.compress = False


def html_to_pdf(html: str, *, url_fetcher: DossierURLFetcher | None = None) -> bytes:
    """A tagged A4 PDF (PDF/UA-1) of one of our documents (the dossier, a letter), fonts embedded.

    The same HTML made into a PDF a few minutes earlier in this process gives that PDF back (``RecentPDFs``);
    a caller that passes its own ``url_fetcher`` (to see what is requested) always gets a new rendering.
    """
    key = hashlib.sha256(html.encode()).digest() if url_fetcher is None else None
    if key is not None and (pdf := RECENT_PDFS.get(key)) is not None:
        return pdf
    fetcher = url_fetcher if url_fetcher is not None else DossierURLFetcher()
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False, font_config=_font_config(),
                             finisher=_compress_streams)
    if key is not None:
        RECENT_PDFS.put(key, pdf)
    return pdf


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
