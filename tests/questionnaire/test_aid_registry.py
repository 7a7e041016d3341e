"""The registry of aids and the pages: every aid names a partial that exists, and adding an aid touches only
its own files plus one line of ``AIDS`` (issue 12).

The proof registers one more aid, as a new aid's files would: a rules object (``ExampleAid``, following
``aids.Aid``) with its declared result (``@contract``), and its own partial (``tests/templates/aids/``). Nothing
else is changed, and the aid flows through the engine (its result, its checklist step, its note for
professionals), the JSON result (full and ``?detail=figures``), the API, the OpenAPI schema, the results page,
the dossier's web page (print view) and the PDF.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from django.template.loader import get_template
from django.urls import reverse

from eligibility.rules import aids as registry
from eligibility.rules import contract
from eligibility.rules.aids import AIDS
from eligibility.rules.checklist import ChecklistItem, Phase
from eligibility.rules.engine import simulate
from eligibility.rules.reasons import Reason
from eligibility.rules.situation import parse_situation
from tests.examples import CONTRACT_EXAMPLE

from .test_questionnaire_helpers import Journey
from .test_questionnaire_journeys import REQUEST_DATE, single_on_rsa

TEMPLATES_OF_THE_TEST = Path(__file__).resolve().parents[1] / "templates"
REASON = "Aide d'exemple : 25 € par mois pour un foyer qui a droit à la Complémentaire santé solidaire."


def test_every_aid_names_an_existing_partial():
    for aid in AIDS:
        assert get_template(aid.partial)


@pytest.fixture
def example_aid(monkeypatch, settings):
    """One more aid in the registry, with its own result, checklist step and partial (nothing else changed)."""
    monkeypatch.setattr(contract, "DECLARED", list(contract.DECLARED))  # the test's class is forgotten after it

    @contract.contract("eligible", "monthly_amount", contract.REASONS, contract.text("to_verify"),
                       schema="ExampleAidOut", description="Aide d'exemple, ajoutée au registre par un test")
    @dataclass(frozen=True, slots=True)
    class ExampleAidResult(contract.Contract):
        eligible: bool
        monthly_amount: Decimal
        reasons: tuple[Reason, ...]
        to_verify: tuple[str, ...] = ()

    class ExampleAid:
        key = "example_aid"
        partial = "aids/example_aid.html"
        outputs = {"example_aid": ExampleAidResult}

        def assess(self, situation, p, results, aid_settings):
            eligible = results["css"].eligible  # an aid sees the results of the aids before it
            return ExampleAidResult(eligible, Decimal(25) if eligible else Decimal(0),
                                    (Reason("example_aid.rule", REASON, "Délibération d'exemple", None),),
                                    ("Aide d'exemple : note pour les professionnels.",))

        def contract(self, result):
            return {"example_aid": result}

        def checklist(self, situation, p, results):
            if not results[self.key].eligible:
                return []
            return [(Phase.REQUEST, ChecklistItem(
                key="example_aid_request", organism="Organisme de l'aide d'exemple",
                procedure="Demander l'aide d'exemple", how="Par courrier, avec l'attestation de CSS.",
                documents=("Attestation de Complémentaire santé solidaire",), deadline="Dès que possible.",
                help="Le CCAS de votre commune.", appeal=None,
            ))]

    monkeypatch.setattr(registry, "AIDS", (*AIDS, ExampleAid()))  # the one line of ``AIDS``
    templates = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TEMPLATES_OF_THE_TEST]}]
    settings.TEMPLATES = templates  # the partial lives with the test (a real aid's lives in templates/aids/)
    return ExampleAid


def test_an_aid_added_to_the_registry_flows_through_the_engine_and_the_contract(example_aid):
    result = simulate(parse_situation(CONTRACT_EXAMPLE, today=REQUEST_DATE))
    added = result.results["example_aid"]
    assert added.eligible is result.css.eligible
    document = result.as_dict()
    keys = list(document)
    # Its entry comes with the aids' (before the checklist), in the registry's order.
    assert keys.index("local_health_aid") < keys.index("example_aid") < keys.index("checklist")
    entry = document["example_aid"]
    assert entry["monthly_amount"] == (25 if added.eligible else 0)
    assert entry["reasons_detail"] == [{"code": "example_aid.rule", "text": REASON,
                                        "article": "Délibération d'exemple", "href": None}]
    assert "Aide d'exemple : note pour les professionnels." in document["to_verify"]
    if added.eligible:
        assert "example_aid_request" in [item["key"] for item in document["checklist"]]
    figures = result.as_dict("figures")["example_aid"]
    assert figures == {"eligible": entry["eligible"], "monthly_amount": entry["monthly_amount"],
                       "reasons_detail": [{"code": "example_aid.rule"}]}


@pytest.mark.django_db
def test_an_aid_added_to_the_registry_is_in_the_api_and_its_openapi_schema(example_aid, client):
    response = client.post("/api/v1/simulations", data=CONTRACT_EXAMPLE, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["example_aid"]["reasons_detail"][0]["code"] == "example_aid.rule"
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert schemas["ResultOut"]["properties"]["example_aid"]["$ref"] == "#/components/schemas/ExampleAidOut"
    assert set(schemas["ExampleAidOut"]["properties"]) == {
        "eligible", "monthly_amount", "reasons", "reasons_detail", "to_verify"}
    assert schemas["ExampleAidOut"]["description"] == "Aide d'exemple, ajoutée au registre par un test"


@pytest.mark.django_db
def test_an_aid_added_to_the_registry_is_on_the_results_page_the_print_view_and_the_pdf(
    example_aid, client, monkeypatch,
):
    from eligibility.questionnaire.views import QuestionnaireWizard

    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)
    journey = Journey(client)
    journey.start()
    journey.run(single_on_rsa())  # free CSS: the example aid applies
    results = re.sub(r"\s+", " ", journey.results().content.decode())
    assert "Aide d'exemple du test" in results and "Montant : 25 € par mois." in results
    assert REASON in results.replace("&#x27;", "'")
    assert "Demander l&#x27;aide d&#x27;exemple" in results  # its step, grouped under its organism
    printed = re.sub(r"\s+", " ", client.get(reverse("questionnaire:print", kwargs={"case_id": journey.case_id}))
                     .content.decode()).replace("&#x27;", "'")
    assert "Aide d'exemple du test" in printed and REASON in printed and "Organisme de l'aide d'exemple" in printed
    pdf = client.get(reverse("questionnaire:pdf", kwargs={"case_id": journey.case_id}))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages))
    assert "Aide d'exemple du test" in text and "Montant : 25 € par mois." in text
    assert "Demander l'aide d'exemple" in text

