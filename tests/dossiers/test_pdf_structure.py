"""The dossier PDF's structure tree (PDF/UA-1), as a screen reader walks it: headings, lists, and tables whose
data cells name their headers.

The speed work on the PDF (issue 11) must not drop any of it: these tests read the tagged structure of the
heaviest dossier (three tables: the household's ceilings, its resources, the out-of-pocket costs), not the HTML.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date

import pypdf
import pytest

from eligibility.presentation.pdf import render_dossier_html, render_dossier_pdf
from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation
from tests.dossiers.test_pdf_personas import HEAVY_FAMILY_ALL_AIDS

TODAY = date(2026, 11, 22)


def kids(element) -> list:
    """The structure elements below ``element`` (marked-content ids and other objects left out)."""
    k = element.get("/K")
    if k is None:
        return []
    k = k.get_object()
    items = k if isinstance(k, list) else [k]
    out = []
    for item in items:
        item = item.get_object()
        if isinstance(item, dict) and item.get("/Type", "/StructElem") == "/StructElem" and "/S" in item:
            out.append(item)
    return out


def walk(element):
    yield element
    for kid in kids(element):
        yield from walk(kid)


def tag(element) -> str:
    return str(element.get("/S", element.get("/Type")))


@pytest.fixture(scope="module")
def dossier():
    result = simulate(parse_situation(HEAVY_FAMILY_ALL_AIDS, today=TODAY))
    html = render_dossier_html(result, person_label="Samia", for_print=True)
    reader = pypdf.PdfReader(io.BytesIO(render_dossier_pdf(result, person_label="Samia")))
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    return html, list(walk(root))


def test_headings_and_lists_are_tagged(dossier):
    html, elements = dossier
    tags = Counter(tag(e) for e in elements)
    assert tags["/H1"] == 1
    assert tags["/H2"] == len(re.findall(r"<h2[ >]", html))
    assert tags["/L"] >= 10 and tags["/LI"] >= len(re.findall(r"<li[ >]", html))
    assert tags["/Lbl"] and tags["/LBody"]
    assert tags["/Sect"] >= 10


def test_every_table_is_tagged_with_its_caption_rows_and_headers(dossier):
    """A table is one ``/Table`` per page it spans (its header row repeated on each), with its ``/Caption``."""
    html, elements = dossier
    tables = [e for e in elements if tag(e) == "/Table"]
    assert html.count("<table") == 3 and len(tables) >= 3
    assert [tag(e) for e in elements].count("/Caption") == 3
    for table in tables:
        inside = list(walk(table))
        assert [tag(e) for e in inside if tag(e) in ("/THead", "/TBody", "/TFoot")][:1] == ["/THead"]
        assert [e for e in inside if tag(e) == "/TR"]
        header_ids = {str(e["/ID"]) for e in inside if tag(e) == "/TH"}
        assert header_ids, "the table has header cells"
        cells = [e for e in inside if tag(e) == "/TD"]
        assert cells
        for cell in cells:
            headers = [str(h) for h in cell["/A"]["/Headers"]]
            # Each data cell names at least its column header, and only headers of its own table.
            assert headers and set(headers) <= header_ids, (headers, header_ids)


def test_row_headers_are_linked_to_their_data_cells(dossier):
    """``<th scope="row">`` (a resource, a cost) is one of the headers of every data cell of its row."""
    html, elements = dossier
    linked_to_a_row = 0
    for table in (e for e in elements if tag(e) == "/Table"):
        for row in (e for e in walk(table) if tag(e) == "/TR"):
            cells = kids(row)
            row_headers = {str(c["/ID"]) for c in cells if tag(c) == "/TH"}
            data = [c for c in cells if tag(c) == "/TD"]
            if row_headers and data:
                for cell in data:
                    assert row_headers & {str(h) for h in cell["/A"]["/Headers"]}
                    linked_to_a_row += 1
    assert linked_to_a_row >= html.count('scope="row"') >= 10
