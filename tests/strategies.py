"""Hypothesis strategies for simulation-contract situations (shared/contract/simulation-api.md).

Public API:

* ``situation_dicts(...)`` — *valid* situation dicts, as a client would POST them: every field of the
  contract can appear (residence on every territory, housing, members of every role and activity,
  resources of every type, current benefits, coverage, health, planned care of every kind,
  difficulties). ``parse_situation`` accepts every one of them.
* ``any_json()`` — arbitrary JSON-like data (nested dicts, lists, strings, numbers, booleans, null),
  for "never crash" tests.
* ``mutated_situation_dicts()`` — valid situations with one field replaced by junk: closer to real
  mistakes than ``any_json()``, so they reach deeper into the validation.
* Building blocks: ``request_dates()``, ``money()``, ``member_dicts()``, ``resource_lines()``,
  ``health_items()``, ``planned_care_items()``, and the value lists below.

Everything is plain data (dicts, lists, str, int, float, bool, None): no project import beyond the
contract enums and the earliest request date the parser accepts, so the strategies stay valid when the
rules change.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from eligibility.rules.enums import (
    ALSACE_MOSELLE_DEPARTMENTS,
    OVERSEAS_DEPARTMENT_BY_TERRITORY,
    Activity,
    BaseCover,
    Basket,
    Benefit,
    CareKind,
    Complementary,
    DentalAct,
    Difficulty,
    HousingStatus,
    IndividualApplication,
    LensGrade,
    Material,
    ResourceTreatment,
    ResourceType,
    Sector,
    Territory,
    ToothPosition,
    WorkAccidentIncapacity,
)
from eligibility.rules.situation import EARLIEST_REQUEST_DATE

#: The CSS exists since 1 November 2019; the strategies stay within the dated parameters.
FIRST_REQUEST_DATE = EARLIEST_REQUEST_DATE
LAST_REQUEST_DATE = date(2027, 3, 31)
TODAY = date(2026, 11, 22)

TERRITORIES = Territory.values()
HOUSING_STATUSES = HousingStatus.values()
ACTIVITIES = Activity.values()
BENEFITS = Benefit.values()
COMPLEMENTARIES = Complementary.values()
DIFFICULTIES = Difficulty.values()
RESOURCE_TYPES = ResourceType.values()
INCLUDED_TYPES = [t.value for t in ResourceType if t.treatment is ResourceTreatment.INCLUDED]
#: The contract's exclusions as they stand today; some came later than the CSS (family help on 29 June 2025,
#: the CEJ allowance on 29 July 2023, see css.ressources_exclues) and were counted before.
EXCLUDED_TYPES = [t.value for t in ResourceType if t.treatment is ResourceTreatment.EXCLUDED]
DEDUCTED_TYPES = [t.value for t in ResourceType if t.treatment is ResourceTreatment.DEDUCTED]
METROPOLE_DEPARTMENTS = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"]


def request_dates(min_value: date = FIRST_REQUEST_DATE, max_value: date = LAST_REQUEST_DATE) -> st.SearchStrategy[date]:
    """Request dates, biased towards the legal boundaries (1 April, 1 January, 1 July 2022, 29 July 2023…)."""
    boundaries = [
        d for d in (
            date(2019, 11, 1), date(2020, 4, 1), date(2021, 4, 1), date(2022, 1, 1), date(2022, 4, 1),
            date(2022, 7, 1), date(2023, 4, 1), date(2023, 7, 29), date(2024, 1, 1), date(2024, 4, 1),
            date(2024, 7, 1), date(2025, 4, 1), date(2025, 6, 30), date(2025, 7, 1), date(2026, 4, 1),
        ) if min_value <= d <= max_value
    ]
    around = st.sampled_from(boundaries).flatmap(
        lambda d: st.integers(-1, 0).map(lambda k: max(min_value, d + timedelta(days=k)))
    ) if boundaries else st.nothing()
    return st.one_of(st.dates(min_value, max_value), around)


def money(max_euros: int = 60_000) -> st.SearchStrategy[float | int]:
    """An amount in euros as JSON gives it: whole euros as an int, or a float with at most 2 decimals."""
    return st.one_of(
        st.integers(0, max_euros),
        st.integers(0, max_euros * 100).map(lambda c: c / 100),
    )


@st.composite
def residence_dicts(draw) -> dict:
    territory = draw(st.sampled_from(TERRITORIES))
    residence: dict[str, Any] = {"territory": territory}
    if territory == Territory.METROPOLE:
        alsace = draw(st.booleans())
        if alsace:
            residence["alsace_moselle"] = True
            department = draw(st.none() | st.sampled_from(sorted(ALSACE_MOSELLE_DEPARTMENTS)))
        else:
            if draw(st.booleans()):
                residence["alsace_moselle"] = False
            department = draw(st.none() | st.sampled_from(METROPOLE_DEPARTMENTS))
    else:
        department = draw(st.none() | st.just(OVERSEAS_DEPARTMENT_BY_TERRITORY[Territory(territory)]))
    if department is not None:
        residence["department"] = department.lower() if draw(st.integers(0, 9)) == 0 else department
    return residence


@st.composite
def housing_dicts(draw) -> dict:
    status = draw(st.sampled_from(HOUSING_STATUSES))
    housing: dict[str, Any] = {"status": status}
    if status != HousingStatus.HOMELESS and draw(st.booleans()):
        housing["housing_aid_monthly"] = draw(money(900))
    return housing


def _birth_date(request_date: date, min_age: int, max_age: int) -> st.SearchStrategy[str]:
    earliest = max(date(1900, 1, 1), _years_before(request_date, max_age + 1))
    latest = _years_before(request_date, min_age)
    if latest < earliest:
        latest = earliest
    exact = [  # birthdays on the request date: the 25-year and 30-year boundaries
        d for d in (_years_before(request_date, 25), _years_before(request_date, 30)) if earliest <= d <= latest
    ]
    dates = st.one_of(st.dates(earliest, latest), st.sampled_from(exact)) if exact else st.dates(earliest, latest)
    return dates.map(date.isoformat)


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


@st.composite
def member_dicts(draw, request_date: date, *, max_dependants: int = 6) -> list[dict]:
    """Members: one applicant, maybe a partner, up to ``max_dependants`` children or other dependants."""
    members = [{
        "id": "p1", "role": "applicant",
        "birth_date": draw(_birth_date(request_date, 16, 100)),
        "activity": draw(st.sampled_from(ACTIVITIES)),
        **draw(_ties()),
    }]
    if draw(st.booleans()):
        members.append({
            "id": "p2", "role": "partner",
            "birth_date": draw(_birth_date(request_date, 16, 100)),
            "activity": draw(st.sampled_from(ACTIVITIES)),
        })
    for i in range(draw(st.integers(0, max_dependants))):
        role = draw(st.sampled_from(["child", "child", "other_dependent"]))
        member: dict[str, Any] = {
            "id": f"c{i + 1}", "role": role,
            "birth_date": draw(_birth_date(request_date, 0, 30)),
        }
        if draw(st.booleans()):
            member["activity"] = draw(st.sampled_from(ACTIVITIES))
        if draw(st.booleans()):
            member["shared_custody"] = draw(st.booleans())
        member.update(draw(_ties()))
        members.append(member)
    return members


TIES = ("tax_attached", "lives_with_parents", "receives_deductible_alimony")


@st.composite
def _ties(draw) -> dict:
    """Sometimes the R861-2 ties of a person under 25 (contract extension), each said or not."""
    if not draw(st.booleans()):
        return {}
    return {key: draw(st.booleans()) for key in TIES if draw(st.booleans())}


@st.composite
def resource_lines(draw, member_ids: list[str], *, max_lines: int = 8) -> list[dict]:
    """Resource lines with distinct (member, type) pairs; every type of the contract can appear."""
    pairs = draw(st.lists(
        st.tuples(st.sampled_from(member_ids), st.sampled_from(RESOURCE_TYPES)),
        max_size=max_lines, unique=True,
    ))
    return [{"member": m, "type": t, "amount": draw(money())} for m, t in pairs]


@st.composite
def health_items(draw, member_ids: list[str], request_date: date) -> list[dict]:
    items = []
    for member in draw(st.lists(st.sampled_from(member_ids), unique=True, max_size=3)):
        item: dict[str, Any] = {"member": member}
        for key in ("ald", "work_accident", "military_pension", "aeeh_child", "organ_donor", "terrorism_victim",
                    "sexual_violence_minor"):
            if draw(st.booleans()):
                item[key] = draw(st.booleans())
        if draw(st.booleans()):
            item["work_accident_incapacity"] = draw(st.sampled_from(WorkAccidentIncapacity.values()))
        if draw(st.booleans()):
            item["pregnancy_due_date"] = (request_date + timedelta(days=draw(st.integers(-60, 300)))).isoformat()
        items.append(item)
    return items


@st.composite
def planned_care_items(draw, member_ids: list[str], *, max_items: int = 5, request_date: date | None = None) -> list[dict]:
    """Planned care of every kind, with the fields each kind requires and, at random, the optional details
    (stay dates, dental act, material and tooth, ears, lenses; no quote yet)."""
    items = []
    for _ in range(draw(st.integers(0, max_items))):
        kind = draw(st.sampled_from(CareKind.values()))
        item: dict[str, Any] = {"kind": kind, "member": draw(st.sampled_from(member_ids))}
        if kind == CareKind.HOSPITALISATION:
            if request_date is not None and draw(st.booleans()):
                admission = request_date + timedelta(days=draw(st.integers(-30, 300)))
                item["admission_date"] = admission.isoformat()
                item["discharge_date"] = (admission + timedelta(days=draw(st.integers(0, 60)))).isoformat()
            else:
                item["days"] = draw(st.integers(1, 60))
            item["psychiatric"] = draw(st.booleans())
            home = draw(st.booleans())
            if home:
                item["home"] = True
            elif draw(st.booleans()):
                item["single_room_daily"] = draw(money(200))
        elif kind in (CareKind.DENTAL_PROSTHESIS, CareKind.GLASSES, CareKind.HEARING_AIDS):
            if draw(st.integers(0, 3)):
                item["quote"] = draw(money(5000))
            if draw(st.integers(0, 3)):
                item["basket"] = draw(st.sampled_from(Basket.values()))
            if kind == CareKind.DENTAL_PROSTHESIS and draw(st.booleans()):
                act = draw(st.sampled_from(DentalAct.values()))
                item["act"] = act
                materials = [m for m in Material.values() if act == DentalAct.DENTURE or m != Material.RESIN]
                if draw(st.booleans()):
                    item["material"] = draw(st.sampled_from(materials))
                if act != DentalAct.DENTURE and draw(st.booleans()):
                    item["tooth"] = draw(st.sampled_from(ToothPosition.values()))
            elif kind == CareKind.HEARING_AIDS and draw(st.booleans()):
                item["ears"] = draw(st.integers(1, 2))
            elif kind == CareKind.GLASSES and draw(st.booleans()):
                item["lenses"] = draw(st.sampled_from(LensGrade.values()))
        elif kind == CareKind.CONSULTATION:
            item["fee"] = draw(money(300))
            if draw(st.booleans()):
                item["sector"] = draw(st.sampled_from(Sector.values()))
        items.append(item)
    return items


@st.composite
def situation_dicts(
    draw,
    *,
    dates: st.SearchStrategy[date] | None = None,
    max_dependants: int = 6,
    max_resources: int = 8,
    full: bool = True,
) -> dict:
    """A valid contract situation dict.

    ``dates`` overrides the request dates; ``full=False`` leaves out the fields the CSS does not read
    (health, planned care, difficulties, coverage), which makes CSS properties shrink faster.
    """
    request_date = draw(dates if dates is not None else request_dates())
    members = draw(member_dicts(request_date, max_dependants=max_dependants))
    member_ids = [m["id"] for m in members]
    data: dict[str, Any] = {
        "request_date": request_date.isoformat(),
        "residence": draw(residence_dicts()),
        "housing": draw(housing_dicts()),
        "members": members,
        "resources": draw(resource_lines(member_ids, max_lines=max_resources)),
        "current_benefits": draw(st.lists(st.sampled_from(BENEFITS), max_size=3, unique=True)),
    }
    if draw(st.integers(0, 3)) == 0:  # an individual application (no partner, except for a young parent)
        partner = any(m["role"] == "partner" for m in members)
        cases = ["young_parent"] if partner else IndividualApplication.values()
        data["individual_application"] = draw(st.sampled_from(cases))
    if full:
        if draw(st.booleans()):
            complementary = draw(st.sampled_from(COMPLEMENTARIES))
            data["coverage"] = {"complementary": complementary}
            if draw(st.booleans()):
                bases = ([BaseCover.FRENCH, BaseCover.NONE] if complementary == Complementary.AME
                         else BaseCover.values())
                data["coverage"]["base"] = base = draw(st.sampled_from(bases))
                if base == BaseCover.NONE and draw(st.booleans()):
                    data["coverage"]["irregular_stay"] = draw(st.booleans())
                    data["coverage"]["months_in_france"] = draw(st.integers(0, 60))
        data["health"] = draw(health_items(member_ids, request_date))
        data["planned_care"] = draw(planned_care_items(member_ids, request_date=request_date))
        data["difficulties"] = draw(st.lists(st.sampled_from(DIFFICULTIES), max_size=4, unique=True))
    return data


def any_json(max_leaves: int = 30) -> st.SearchStrategy[Any]:
    """Arbitrary JSON-like data: what a broken client, or an attacker, may send."""
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        st.sampled_from(["2026-11-22", "2019-10-31", "9999-12-31", "0001-01-01", "2026-02-30", "applicant",
                         "metropole", "salary", "hospitalisation", "p1", "", "NaN", "1e400"]),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=5),
            st.dictionaries(
                st.one_of(st.sampled_from([
                    "request_date", "residence", "housing", "members", "resources", "current_benefits",
                    "coverage", "health", "planned_care", "difficulties", "territory", "status", "id",
                    "role", "birth_date", "member", "type", "amount", "kind", "days", "quote",
                ]), st.text(max_size=10)),
                children, max_size=6,
            ),
        ),
        max_leaves=max_leaves,
    )


@st.composite
def mutated_situation_dicts(draw) -> Any:
    """A valid situation with one value, anywhere in it, replaced by junk (``any_json(5)``)."""
    data = draw(situation_dicts())
    paths: list[tuple] = []

    def walk(node: Any, path: tuple) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, (*path, i))

    walk(data, ())
    path = draw(st.sampled_from(paths))
    junk = draw(any_json(5))
    if not path:
        return junk
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = junk
    return data
