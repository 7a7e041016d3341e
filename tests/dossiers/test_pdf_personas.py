"""Contract situations used by the dossier tests and the PDF benchmark (bench/bench_pdf.py)."""

SINGLE_ADULT_STAY = {
    "request_date": "2026-11-22",
    "residence": {"territory": "metropole", "department": "69", "alsace_moselle": False},
    "housing": {"status": "tenant", "housing_aid_monthly": 0},
    "members": [{"id": "p1", "role": "applicant", "birth_date": "1971-03-14", "activity": "employee"}],
    "resources": [{"member": "p1", "type": "salary", "amount": 13200.0}],
    "coverage": {"complementary": "none"},
    "planned_care": [
        {"kind": "hospitalisation", "member": "p1", "days": 6, "psychiatric": False, "single_room_daily": 55.0},
    ],
    "difficulties": ["care_costs_not_covered"],
}

FAMILY_GLASSES_DENTAL = {
    "request_date": "2026-11-22",
    "residence": {"territory": "metropole", "department": "93", "alsace_moselle": False},
    "housing": {"status": "tenant", "housing_aid_monthly": 320.0},
    "members": [
        {"id": "p1", "role": "applicant", "birth_date": "1988-05-02", "activity": "employee"},
        {"id": "p2", "role": "partner", "birth_date": "1990-09-17", "activity": "unemployed"},
        {"id": "c1", "role": "child", "birth_date": "2014-01-20"},
        {"id": "c2", "role": "child", "birth_date": "2018-07-03"},
    ],
    "resources": [
        {"member": "p1", "type": "salary", "amount": 11000.0},
        {"member": "p1", "type": "family_benefit", "amount": 1800.0},
        {"member": "p2", "type": "rsa", "amount": 2400.0},
    ],
    "coverage": {"complementary": "none"},
    "planned_care": [
        {"kind": "glasses", "member": "c1", "quote": 180.0, "basket": "100_sante"},
        {"kind": "dental_prosthesis", "member": "p2", "quote": 950.0, "basket": "other"},
    ],
    "difficulties": [],
}

SELF_EMPLOYED_PSYCHIATRY_HELP = {
    "request_date": "2026-11-22",
    "residence": {"territory": "metropole", "department": "75", "alsace_moselle": False},
    "housing": {"status": "tenant", "housing_aid_monthly": 0},
    "members": [{"id": "p1", "role": "applicant", "birth_date": "1979-12-01", "activity": "self_employed"}],
    "resources": [{"member": "p1", "type": "self_employment", "amount": 12500.0}],
    "coverage": {"complementary": "private"},
    "planned_care": [{"kind": "hospitalisation", "member": "p1", "days": 21, "psychiatric": True}],
    "difficulties": [
        "self_employed_health_problem",
        "self_employed_contributions_unpaid",
        "income_drop_due_to_health",
    ],
}

#: The heaviest dossier: 4 people, 3 care items, every aid (CSS, CPAM aid, Help).
HEAVY_FAMILY_ALL_AIDS = {
    "request_date": "2026-11-22",
    "residence": {"territory": "metropole", "department": "13", "alsace_moselle": False},
    "housing": {"status": "tenant", "housing_aid_monthly": 280.0},
    "members": [
        {"id": "p1", "role": "applicant", "birth_date": "1982-04-11", "activity": "self_employed"},
        {"id": "p2", "role": "partner", "birth_date": "1984-10-29", "activity": "employee"},
        {"id": "c1", "role": "child", "birth_date": "2012-02-08"},
        {"id": "c2", "role": "child", "birth_date": "2016-06-21", "shared_custody": False},
    ],
    "resources": [
        {"member": "p1", "type": "self_employment", "amount": 9000.0},
        {"member": "p2", "type": "salary", "amount": 14500.0},
        {"member": "p2", "type": "family_benefit", "amount": 1700.0},
        {"member": "p2", "type": "prime_activite", "amount": 1500.0},
    ],
    "coverage": {"complementary": "none"},
    "planned_care": [
        {"kind": "hospitalisation", "member": "p1", "days": 8, "psychiatric": False, "single_room_daily": 70.0},
        {"kind": "glasses", "member": "c2", "quote": 240.0, "basket": "other"},
        {"kind": "dental_prosthesis", "member": "p2", "quote": 1200.0, "basket": "100_sante"},
    ],
    "difficulties": [
        "self_employed_financial_hardship",
        "care_costs_not_covered",
        "income_drop_due_to_health",
    ],
}


def test_every_persona_is_a_valid_contract_situation():
    from datetime import date

    from eligibility.rules.situation import parse_situation

    for persona in (SINGLE_ADULT_STAY, FAMILY_GLASSES_DENTAL, SELF_EMPLOYED_PSYCHIATRY_HELP, HEAVY_FAMILY_ALL_AIDS):
        situation = parse_situation(persona, today=date(2026, 11, 22))
        assert situation.request_date == date(2026, 11, 22)
