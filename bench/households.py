"""A reproducible, realistic mix of contract situations for the benchmarks (seeded ``random``).

Households of 1 to 7 people (weights roughly those of households asking for help), every territory and
departments, resources of every type of the contract (the usual ones far more often), current benefits,
health situations, planned care of every kind, difficulties. Every generated situation is valid
(``parse_situation`` accepts it); ``mix(n, seed)`` returns ``n`` of them.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from eligibility.rules.enums import (
    OVERSEAS_DEPARTMENT_BY_TERRITORY,
    Activity,
    Basket,
    Benefit,
    CareKind,
    Complementary,
    Difficulty,
    HousingStatus,
    ResourceType,
    Sector,
    Territory,
)
from eligibility.rules.situation import EARLIEST_REQUEST_DATE

TODAY = date(2026, 11, 22)
SEED = 20261122
FIRST, LAST = EARLIEST_REQUEST_DATE, TODAY
COMMON_TYPES = ["salary", "unemployment_benefit", "pension", "family_benefit", "daily_allowance",
                "self_employment", "aah", "aspa", "prime_activite", "housing_aid", "alimony_paid"]
METROPOLE_DEPARTMENTS = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"]
#: Household sizes 1 to 7 (people), weighted.
SIZE_WEIGHTS = {1: 34, 2: 22, 3: 17, 4: 14, 5: 7, 6: 4, 7: 2}


def household(rng: random.Random) -> dict:
    """One plausible household of 1 to 7 people; every field of the contract can appear."""
    # Recent dates far more often: most requests are about now.
    if rng.random() < 0.7:
        request_date = LAST - timedelta(days=rng.randrange(365))
    else:
        request_date = FIRST + timedelta(days=rng.randrange((LAST - FIRST).days + 1))
    territory = rng.choices(Territory.values(), weights=[88, 2, 2, 2, 4, 2])[0]
    residence: dict = {"territory": territory}
    if territory == "metropole":
        if rng.random() < 0.04:
            residence["alsace_moselle"] = True
            residence["department"] = rng.choice(["57", "67", "68"])
        elif rng.random() < 0.8:
            residence["department"] = rng.choice(METROPOLE_DEPARTMENTS)
    elif rng.random() < 0.8:
        residence["department"] = OVERSEAS_DEPARTMENT_BY_TERRITORY[Territory(territory)]

    def birth(min_age: int, max_age: int) -> str:
        return (request_date - timedelta(days=rng.randrange(min_age * 365 + 1, max_age * 365))).isoformat()

    size = rng.choices(list(SIZE_WEIGHTS), weights=list(SIZE_WEIGHTS.values()))[0]
    members = [{"id": "p1", "role": "applicant", "birth_date": birth(18, 90),
                "activity": rng.choice(Activity.values())}]
    if size >= 2 and rng.random() < 0.55:
        members.append({"id": "p2", "role": "partner", "birth_date": birth(18, 90),
                        "activity": rng.choice(Activity.values())})
    while len(members) < size:
        i = len(members)
        members.append({"id": f"c{i}", "role": rng.choice(["child", "child", "child", "other_dependent"]),
                        "birth_date": birth(0, 24), "shared_custody": rng.random() < 0.1})
    ids = [m["id"] for m in members]

    resources, seen = [], set()
    for _ in range(rng.choices(range(9), weights=[5, 22, 28, 20, 10, 6, 4, 3, 2])[0]):
        member = rng.choice(ids)
        rtype = rng.choice(COMMON_TYPES) if rng.random() < 0.75 else rng.choice(ResourceType.values())
        if (member, rtype) in seen:
            continue
        seen.add((member, rtype))
        resources.append({"member": member, "type": rtype, "amount": round(rng.uniform(0, 25000), 2)})

    status = rng.choice(HousingStatus.values())
    housing: dict = {"status": status}
    if status != "homeless" and rng.random() < 0.4:
        housing["housing_aid_monthly"] = round(rng.uniform(20, 450), 2)

    data = {
        "request_date": request_date.isoformat(),
        "residence": residence,
        "housing": housing,
        "members": members,
        "resources": resources,
        "current_benefits": rng.sample(Benefit.values(), k=rng.choices([0, 1, 2], weights=[82, 15, 3])[0]),
        "coverage": {"complementary": rng.choice(Complementary.values())},
    }
    health = []
    for member in rng.sample(ids, k=min(len(ids), rng.choices([0, 1, 2], weights=[70, 25, 5])[0])):
        item: dict = {"member": member, "ald": rng.random() < 0.5}
        if rng.random() < 0.15:
            item["pregnancy_due_date"] = (request_date + timedelta(days=rng.randrange(-30, 250))).isoformat()
        if rng.random() < 0.1:
            item["work_accident"] = True
        health.append(item)
    if health:
        data["health"] = health
    care = []
    for _ in range(rng.choices(range(5), weights=[35, 30, 18, 10, 7])[0]):
        kind = rng.choice(CareKind.values())
        item = {"kind": kind, "member": rng.choice(ids)}
        if kind == "hospitalisation":
            item["days"] = rng.choice([1, 2, 3, 4, 5, 7, 10, 15, 30])
            item["psychiatric"] = rng.random() < 0.1
            if rng.random() < 0.1:
                item["home"] = True
            elif rng.random() < 0.4:
                item["single_room_daily"] = rng.choice([40, 60, 75.5, 90])
        elif kind in ("dental_prosthesis", "glasses", "hearing_aids"):
            item["quote"] = round(rng.uniform(50, 4000), 2)
            item["basket"] = rng.choice(Basket.values())
        elif kind == "consultation":
            item["fee"] = rng.choice([26.5, 30, 50, 60, 80, 120])
            item["sector"] = rng.choice(Sector.values())
        care.append(item)
    if care:
        data["planned_care"] = care
    if rng.random() < 0.3:
        data["difficulties"] = rng.sample(Difficulty.values(), k=rng.randint(1, 3))
    return data


def mix(n: int, seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    return [household(rng) for _ in range(n)]
