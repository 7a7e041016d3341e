"""The checklist of next steps, tailored to the household."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings

from eligibility.rules.aids import AIDS
from eligibility.rules.checklist import Checklist, build_checklist
from eligibility.rules.cpam_aid import CpamAidSettings
from eligibility.rules.engine import assess_aids, simulate_json
from eligibility.rules.enums import CssStatus
from eligibility.rules.results import CssResult
from tests.rules.helpers import TODAY, make, p_on
from tests.strategies import TODAY as STRATEGY_TODAY
from tests.strategies import situation_dicts

P1 = {"id": "p1", "role": "applicant", "birth_date": "1984-06-02", "activity": "employee"}
P2 = {"id": "p2", "role": "partner", "birth_date": "1986-02-11", "activity": "unemployed_compensated"}
C1 = {"id": "c1", "role": "child", "birth_date": "2015-09-30"}


def css_result(status: str = "free", *, monthly: str = "0", presumption: str | None = None) -> CssResult:
    eligible = status != "not_eligible"
    return CssResult(
        status=CssStatus(status), household_size=1, coefficient=D("1"),
        resources=D("6000") if eligible else D("40000"), ceiling_free=D("10421"),
        ceiling_with_participation=D("14068"), monthly_participation=D(monthly), reasons=(), presumption=presumption,
    )


def checklist_of(situation, css: CssResult, settings: CpamAidSettings | None = None) -> Checklist:
    p = p_on(situation)
    aids = tuple(aid for aid in AIDS if aid.key != "care_guidance")  # the care guidance has its own tests
    results = assess_aids(situation, p, {"cpam_aid": settings}, aids=aids, given={"css": css})
    return read(build_checklist(situation, p, results, aids))


def read(checklist: Checklist) -> Checklist:
    """The checklist with its words rendered (the rules keep them as phrases of the wording catalogue)."""
    def text(value):
        return None if value is None else str(value)
    return Checklist(tuple(
        replace(item, organism=text(item.organism), procedure=text(item.procedure), how=text(item.how),
                documents=tuple(text(d) for d in item.documents), deadline=text(item.deadline),
                help=text(item.help), appeal=text(item.appeal))
        for item in checklist.items
    ))


FAMILY = {
    "members": [P1, P2, C1],
    "housing": {"status": "tenant", "housing_aid_monthly": 250.0},
    "resources": [
        {"member": "p1", "type": "salary", "amount": 12000.0},
        {"member": "p2", "type": "unemployment_benefit", "amount": 6000.0},
    ],
    "planned_care": [
        {"kind": "glasses", "member": "c1", "quote": 180.0, "basket": "100_sante"},
        {"kind": "dental_prosthesis", "member": "p1", "quote": 1100.0, "basket": "other"},
    ],
}


def test_every_item_has_the_contract_fields():
    checklist = checklist_of(make(**FAMILY), css_result("with_participation", monthly="36"))
    assert checklist.items
    for item in checklist.as_list():
        assert set(item) >= {"key", "organism", "procedure", "how", "documents", "deadline", "help", "appeal"}
        assert isinstance(item["organism"], str) and item["organism"]
        assert isinstance(item["procedure"], str) and item["procedure"]
        assert isinstance(item["documents"], list) and all(isinstance(d, str) for d in item["documents"])
        assert isinstance(item["deadline"], str) and item["deadline"]


def test_css_eligible_family_documents_are_tailored():
    checklist = checklist_of(make(**FAMILY), css_result("with_participation", monthly="36"))
    assert checklist.keys == ["css_request", "cpam_aid_request", "local_aid_request", "quote_0", "quote_1", "appeal"]
    css = checklist.item("css_request")
    docs = css.documents
    tax_notices = [d for d in docs if d.startswith("Dernier avis d'imposition")]
    assert len(tax_notices) == 2
    assert any("p1" in d for d in tax_notices) and any("p2" in d for d in tax_notices)
    assert not any("c1" in d for d in tax_notices)
    assert any("aide au logement" in d for d in docs)
    assert any("France Travail" in d and "p2" in d for d in docs)
    assert any(d.startswith("RIB") for d in docs)
    assert any("étranger" in d for d in docs)
    assert any("identité" in d for d in docs)
    assert "36" in css.procedure
    assert "Mes démarches" in css.how and "12504" in css.how
    assert "2 mois" in css.deadline
    assert "commission de recours amiable" in css.appeal and "pôle social" in css.appeal
    assert "36 46" in css.help and "CCAS" in css.help


def test_quotes_for_each_care_item():
    checklist = checklist_of(make(**FAMILY), css_result("with_participation", monthly="36"))
    glasses, dental = checklist.item("quote_0"), checklist.item("quote_1")
    assert glasses.organism == "Opticien" and "c1" in glasses.procedure
    assert "Ordonnance" in glasses.documents
    assert dental.organism == "Chirurgien-dentiste" and "p1" in dental.procedure
    assert "100 % Santé" in dental.how
    cpam = checklist.item("cpam_aid_request")
    assert any("lunettes" in d for d in cpam.documents)
    assert any("prothèse dentaire" in d for d in cpam.documents)
    assert "ne peut pas être contesté" in cpam.appeal


def test_free_css_needs_no_rib_and_no_housing_proof_without_housing_aid():
    situation = make(planned_care=[{"kind": "hospitalisation", "member": "p1", "days": 5}])
    checklist = checklist_of(situation, css_result("free"))
    docs = checklist.item("css_request").documents
    assert not any(d.startswith("RIB") for d in docs)
    assert not any("aide au logement" in d for d in docs)
    assert len([d for d in docs if d.startswith("Dernier avis d'imposition")]) == 1
    quote = checklist.item("quote_0")
    assert quote.organism.startswith("Établissement de santé")


def test_renewal_for_a_current_css_holder():
    checklist = checklist_of(make(coverage={"complementary": "css_free"}), css_result("free"))
    assert "css_renewal" in checklist.keys and "css_request" not in checklist.keys
    renewal = checklist.item("css_renewal")
    assert "Entre 4 et 2 mois" in renewal.deadline
    assert renewal.appeal


def test_renewal_at_risk_when_no_longer_eligible():
    checklist = checklist_of(make(coverage={"complementary": "css_with_participation"}), css_result("not_eligible"))
    renewal = checklist.item("css_renewal")
    assert any(r.code == "checklist.css_renewal.at_risk" for r in renewal.reasons)


def test_rsa_household():
    situation = make(current_benefits=["rsa"], resources=[{"member": "p1", "type": "rsa", "amount": 7000.0}])
    css = checklist_of(situation, css_result("free", presumption="rsa")).item("css_request")
    assert "Attestation de paiement du RSA (Caf ou MSA)" in css.documents
    assert "automatiquement" in css.how


def test_not_eligible_and_not_holder_has_no_css_item_nor_appeal():
    situation = make(coverage={"complementary": "private"})
    checklist = checklist_of(situation, css_result("not_eligible"))
    assert "css_request" not in checklist.keys
    assert "appeal" not in checklist.keys
    assert "cpam_aid_request" not in checklist.keys


def test_self_employed_in_arrears_with_psychiatric_stay():
    situation = make(
        members=[{**P1, "activity": "self_employed"}],
        resources=[{"member": "p1", "type": "self_employment", "amount": 15000.0}],
        planned_care=[{"kind": "hospitalisation", "member": "p1", "days": 10, "psychiatric": True}],
        difficulties=["self_employed_contributions_unpaid"],
    )
    local = CpamAidSettings(label="CPAM de Seine-Saint-Denis", department="93", ratio_to_css_participation_ceiling=D("1.3"))
    checklist = checklist_of(situation, css_result("not_eligible"), local)
    assert checklist.keys == ["cpam_aid_request", "help_questionnaire", "local_aid_request", "quote_0"]
    help_item = checklist.item("help_questionnaire")
    assert "urssaf.fr" in help_item.how
    assert any("Siret" in d and "p1" in d for d in help_item.documents)
    assert any("cotisations dues" in d for d in help_item.documents)
    assert any("revenus d'activité indépendante" in d for d in help_item.documents)
    cpam = checklist.item("cpam_aid_request")
    assert "(93)" in cpam.organism
    assert any("hospitalisation de p1" in d for d in cpam.documents)


def test_self_employed_tax_notice_in_css_documents():
    situation = make(
        members=[{**P1, "activity": "self_employed"}],
        resources=[{"member": "p1", "type": "self_employment", "amount": 6000.0}],
    )
    docs = checklist_of(situation, css_result("free")).item("css_request").documents
    assert any("revenus d'activité indépendante" in d for d in docs)


def test_homeless_and_hosted_residence_proof():
    homeless = make(housing={"status": "homeless"})
    docs = checklist_of(homeless, css_result("free")).item("css_request").documents
    assert any("élection de domicile" in d for d in docs)
    hosted = make(housing={"status": "hosted_free"})
    docs = checklist_of(hosted, css_result("free")).item("css_request").documents
    assert any("Attestation d'hébergement" in d for d in docs)


def test_checklist_through_the_engine():
    data = {
        "request_date": "2026-11-22",
        "residence": {"territory": "metropole", "department": "93"},
        "housing": {"status": "tenant", "housing_aid_monthly": 250.0},
        **{k: v for k, v in FAMILY.items() if k != "housing"},
    }
    result = simulate_json(data, today=TODAY)
    keys = [item["key"] for item in result["checklist"]]
    if "css_request" in keys:
        assert keys[-1] == "appeal"
    else:
        assert "appeal" not in keys
    assert "quote_0" in keys and "quote_1" in keys


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(situation_dicts())
def test_an_aid_s_items_for_figures_are_its_items_keys_and_reasons(data):
    """``Aid.checklist_figures`` (a result simulated without its texts) gives the items ``checklist`` gives, in
    the same phases and order, with the same keys and reasons, and no words."""
    from eligibility.rules.parameters import default_parameters
    from eligibility.rules.resource_months import in_reference_period
    from eligibility.rules.situation import parse_situation

    situation = parse_situation(data, today=STRATEGY_TODAY)
    p = default_parameters().at(situation.request_date)
    situation = in_reference_period(situation, p)
    results = assess_aids(situation, p, aids=AIDS)
    with_figures = [aid for aid in AIDS if hasattr(aid, "checklist_figures")]
    assert {aid.key for aid in with_figures} >= {"css", "reste_a_charge", "cpam_aid", "local_health_aid", "help_independants"}
    for aid in with_figures:
        full = list(aid.checklist(situation, p, results))
        figures = list(aid.checklist_figures(situation, p, results))
        assert [(phase, item.key, item.reasons) for phase, item in figures] == \
            [(phase, item.key, item.reasons) for phase, item in full]
        assert all(not (item.procedure or item.documents or item.appeal) for _, item in figures)
    assert build_checklist(situation, p, results, AIDS, texts=False).keys == build_checklist(situation, p, results, AIDS).keys
