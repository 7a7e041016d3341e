"""Example situations shared by the rule tests and the web tests (no Django here)."""

#: The situation printed in shared/contract/simulation-api.md, verbatim.
CONTRACT_EXAMPLE = {
    "request_date": "2026-11-22",
    "residence": {"territory": "metropole", "department": "93", "alsace_moselle": False},
    "housing": {"status": "tenant", "housing_aid_monthly": 250.0},
    "members": [
        {"id": "p1", "role": "applicant", "birth_date": "1984-06-02", "activity": "employee"},
        {"id": "p2", "role": "partner", "birth_date": "1986-02-11", "activity": "unemployed_compensated"},
        {"id": "c1", "role": "child", "birth_date": "2015-09-30", "shared_custody": False},
    ],
    "resources": [
        {"member": "p1", "type": "salary", "amount": 15600.0},
        {"member": "p2", "type": "unemployment_benefit", "amount": 7200.0},
    ],
    "current_benefits": [],
    "coverage": {"complementary": "none"},
    "health": [{"member": "p2", "pregnancy_due_date": "2027-02-15"}],
    "planned_care": [
        {"kind": "hospitalisation", "member": "p1", "days": 4, "psychiatric": False, "single_room_daily": 60.0},
        {"kind": "emergency_visit", "member": "c1"},
        {"kind": "dental_prosthesis", "member": "p1", "quote": 1100.0, "basket": "100_sante"},
    ],
    "difficulties": [],
}
