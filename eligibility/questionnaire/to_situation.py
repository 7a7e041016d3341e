"""The only translation from the questionnaire's answers to the contract's situation (contract v1).

``build_situation(answers)`` returns the situation dict and a ``trace``: for each contract path it writes
(``members[1].birth_date``), the step and the field that gave it, so that an error found by the rules'
``parse_situation`` can be shown next to the question that caused it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from eligibility.rules.enums import OVERSEAS_DEPARTMENT_BY_TERRITORY, CareKind, ResourceType, Role, Territory

from .forms import health_field_name, resource_field_name
from .journey import Answers

_LAST_PART = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")
MONTHS_PER_PERIOD = 12  # the form's "per month" amounts are multiplied by the 12 months of the period


@dataclass(frozen=True)
class Origin:
    """Where a contract value came from: a step, the entry of a formset (or ``None``), a field name."""

    step: str
    field: str | None
    index: int | None = None


@dataclass
class Translation:
    situation: dict
    trace: dict[str, Origin] = field(default_factory=dict)
    #: contract member id → how the pages name the person ("Vous", "Enfant 2 (Léa)")
    titles: dict[str, str] = field(default_factory=dict)

    def origin(self, path: str) -> Origin | None:
        """The origin of ``path`` or of its closest traced parent (``resources[2].amount`` → ``resources[2]``)."""
        while path:
            if path in self.trace:
                return self.trace[path]
            parent = _LAST_PART.sub("", path)
            path = "" if parent == path else parent
        return None


def _money(value: Decimal | None) -> float:
    return float(value or 0)


FALLBACK_IDS = {Role.APPLICANT.value: "vous", Role.PARTNER.value: "conjoint", Role.CHILD.value: "enfant",
                Role.OTHER_DEPENDENT.value: "personne à charge"}


def contract_ids(members: list[dict]) -> dict[str, str]:
    """Readable contract ids (the rules' sentences quote them): the first name typed, else "enfant 2"."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    counters: dict[str, int] = {}
    for m in members:
        role = m["role"]
        counters[role] = counters.get(role, 0) + 1
        base = " ".join((m.get("label") or "").split())[:30]
        if not base:
            base = FALLBACK_IDS.get(role, "personne")
            if role in (Role.CHILD.value, Role.OTHER_DEPENDENT.value):
                base = f"{base} {counters[role]}"
        candidate, n = base, 1
        while candidate.casefold() in used:
            n += 1
            candidate = f"{base} ({n})"
        used.add(candidate.casefold())
        ids[m["uid"]] = candidate
    return ids


def build_situation(answers: Answers) -> Translation:
    t = Translation({})
    s = t.situation
    trace = t.trace

    residence = answers.get("residence") or {}
    request_date = residence.get("request_date") or answers.today
    s["request_date"] = request_date.isoformat()
    trace["request_date"] = Origin("residence", "request_date" if residence.get("request_date") else None)
    territory = residence.get("territory") or Territory.METROPOLE.value
    department = residence.get("department") or OVERSEAS_DEPARTMENT_BY_TERRITORY.get(Territory(territory))
    s["residence"] = {"territory": territory, "alsace_moselle": residence.get("alsace_moselle") == "yes"}
    if department:
        s["residence"]["department"] = department
    trace["residence"] = Origin("residence", None)
    trace["residence.territory"] = Origin("residence", "territory")
    trace["residence.department"] = Origin("residence", "department" if residence.get("department") else "territory")
    trace["residence.alsace_moselle"] = Origin("residence", "alsace_moselle")

    housing = answers.get("logement") or {}
    s["housing"] = {
        "status": housing.get("status"),
        "housing_aid_monthly": _money(housing.get("housing_aid_monthly") if housing.get("housing_aid") == "yes" else 0),
    }
    trace["housing"] = Origin("logement", None)
    trace["housing.status"] = Origin("logement", "status")
    trace["housing.housing_aid_monthly"] = Origin("logement", "housing_aid_monthly")

    members = answers.members
    ids = contract_ids(members)
    t.titles = {ids[m["uid"]]: m["title"] for m in members}
    s["members"] = []
    trace["members"] = Origin("foyer", None)
    for i, m in enumerate(members):
        entry = {"id": ids[m["uid"]], "role": m["role"], "birth_date": m["birth_date"].isoformat(),
                 "activity": m.get("activity") or "inactive"}
        if m["role"] == Role.CHILD.value:
            entry["shared_custody"] = bool(m.get("shared_custody"))
        s["members"].append(entry)
        trace[f"members[{i}]"] = Origin("foyer", None, i)
        for key, name in (("id", None), ("role", None), ("birth_date", "birth_date"), ("activity", "activity"),
                          ("shared_custody", "shared_custody")):
            trace[f"members[{i}].{key}"] = Origin("foyer", name, i)

    resources = answers.get("ressources") or {}
    s["resources"] = []
    for m in members:
        uid = m["uid"]
        monthly = resources.get(resource_field_name(uid, "period")) == "monthly"
        for rtype in ResourceType:
            name = resource_field_name(uid, rtype.value)
            amount = resources.get(name)
            if not amount:
                continue
            if monthly and rtype is not ResourceType.SELF_EMPLOYMENT:
                amount = amount * MONTHS_PER_PERIOD
            trace[f"resources[{len(s['resources'])}]"] = Origin("ressources", name)
            s["resources"].append({"member": ids[uid], "type": rtype.value, "amount": _money(amount)})

    benefits = answers.get("allocations") or {}
    s["current_benefits"] = list(benefits.get("current_benefits") or [])
    s["coverage"] = {"complementary": benefits.get("complementary") or "none"}
    trace["current_benefits"] = Origin("allocations", "current_benefits")
    trace["coverage"] = Origin("allocations", "complementary")

    s["planned_care"] = []
    trace["planned_care"] = Origin("soins", None)
    for i, c in enumerate(answers.planned_care):
        item = {"kind": c["kind"], "member": ids.get(c["member"], c["member"])}
        if c["kind"] == CareKind.HOSPITALISATION.value:
            item.update(days=c["days"], psychiatric=bool(c.get("psychiatric")), home=bool(c.get("home")))
            if c.get("single_room_daily"):
                item["single_room_daily"] = _money(c["single_room_daily"])
        elif c["kind"] == CareKind.CONSULTATION.value:
            item.update(fee=_money(c.get("fee")), sector=c.get("sector") or "1")
        elif "quote" in c:
            item.update(quote=_money(c.get("quote")), basket=c.get("basket"))
        s["planned_care"].append(item)
        trace[f"planned_care[{i}]"] = Origin("soins", None, i)
        for key in ("kind", "member", "days", "psychiatric", "home", "single_room_daily", "quote", "basket", "fee", "sector"):
            trace[f"planned_care[{i}].{key}"] = Origin("soins", None if key == "kind" else key, i)

    health = answers.get("sante") or {}
    s["health"] = []
    for m in answers.care_members:
        uid = m["uid"]
        entry: dict = {"member": ids[uid]}
        for key in ("ald", "work_accident", "military_pension", "aeeh_child"):
            if health.get(health_field_name(uid, key)):
                entry[key] = True
        due = health.get(health_field_name(uid, "pregnancy_due_date"))
        if due:
            entry["pregnancy_due_date"] = due.isoformat()
        if len(entry) > 1:
            i = len(s["health"])
            s["health"].append(entry)
            trace[f"health[{i}]"] = Origin("sante", None)
            for key in ("ald", "work_accident", "military_pension", "aeeh_child", "pregnancy_due_date"):
                trace[f"health[{i}].{key}"] = Origin("sante", health_field_name(uid, key))

    difficulties = list((answers.get("difficultes") or {}).get("difficulties") or [])
    trace["difficulties"] = Origin("difficultes", "difficulties")
    if answers.has_self_employed:
        difficulties += list((answers.get("independant") or {}).get("self_employed_difficulties") or [])
    s["difficulties"] = difficulties
    return t
