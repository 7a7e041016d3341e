"""The household situation (contract v1 input) as plain dataclasses, and its validation.

``parse_situation`` turns the contract's JSON (already decoded into Python objects) into a
``Situation`` or raises ``InvalidSituation`` listing *every* problem with its path
(``members[2].birth_date``) and a French message saying how to fix it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .enums import (
    ALSACE_MOSELLE_DEPARTMENTS,
    OVERSEAS_DEPARTMENT_BY_TERRITORY,
    QUOTED_CARE_KINDS,
    WORKING_ACTIVITIES,
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
    LabelledEnum,
    LensGrade,
    Material,
    ResourceType,
    Role,
    Sector,
    Territory,
    ToothPosition,
    WorkAccidentIncapacity,
)
from .reasons import cents

#: The CSS exists since 1 November 2019 (loi 2018-1203, art. 52); no rule applies before.
EARLIEST_REQUEST_DATE = date(2019, 11, 1)
#: A request may be prepared ahead, but not beyond a year: later legal amounts are not known yet.
MAX_DAYS_AHEAD = 366
MAX_MEMBERS = 20
MAX_RESOURCES = 400
MAX_PLANNED_CARE = 50
MAX_AMOUNT = Decimal("100000000")  # 100 M€: anything above is a typing error
MAX_HOSPITAL_DAYS = 366
DEPARTMENT_RE = re.compile(r"^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$")


@dataclass(frozen=True, slots=True)
class Residence:
    territory: Territory
    department: str | None = None
    alsace_moselle: bool = False


@dataclass(frozen=True, slots=True)
class Housing:
    status: HousingStatus
    housing_aid_monthly: Decimal = Decimal("0")


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    role: Role
    birth_date: date
    activity: Activity = Activity.INACTIVE
    shared_custody: bool = False
    #: For a person not working today: the first day without any professional activity (ESAT included),
    #: at the latest. ``None``: not known (R861-11's "three calendar months without work" then cannot be decided).
    no_work_since: date | None = None
    #: R861-2: an under-25's tie to the household (``None``: not said). For a dependant (child, other dependant),
    #: "parents" are the applicant or the partner; for the applicant or the partner, his or her own parents.
    #: ``tax_attached``: on the parents' last income-tax return; ``receives_deductible_alimony``: an adult child
    #: paid an alimony the parents deduct from their income, not set by a judge.
    tax_attached: bool | None = None
    lives_with_parents: bool | None = None
    receives_deductible_alimony: bool | None = None

    def age_on(self, when: date) -> int:
        """Age in whole years on ``when``."""
        years = when.year - self.birth_date.year
        if (when.month, when.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


@dataclass(frozen=True, slots=True)
class Resource:
    """One resource line. Contract v1: ``amount`` is the total of the 12-month reference period.

    A dated line (contract extension) says instead what was received month by month: either
    ``monthly_amount`` for every calendar month from ``start`` to ``end`` (each optional: open-ended), or
    ``months``, an amount per month (first day of the month). The rules count the months of the reference
    period only (``resource_months.with_window``): then ``amount`` is that count's total and
    ``counted_months`` the months counted.
    """

    member: str
    type: ResourceType
    amount: Decimal
    monthly_amount: Decimal | None = None
    start: date | None = None
    end: date | None = None
    months: tuple[tuple[date, Decimal], ...] = ()
    counted_months: tuple[tuple[date, Decimal], ...] | None = None
    #: A dated line, once windowed: still paid on the request date (``resource_months.paid_on``); ``None`` for a
    #: 12-month total, which does not say it.
    paid_at_request: bool | None = None

    @property
    def is_dated(self) -> bool:
        return self.monthly_amount is not None or bool(self.months)


@dataclass(frozen=True, slots=True)
class HealthSituation:
    member: str
    ald: bool = False
    pregnancy_due_date: date | None = None
    work_accident: bool = False
    military_pension: bool = False
    aeeh_child: bool = False
    work_accident_incapacity: WorkAccidentIncapacity | None = None
    organ_donor: bool = False
    terrorism_victim: bool = False
    sexual_violence_minor: bool = False


@dataclass(frozen=True, slots=True)
class PlannedCare:
    kind: CareKind
    member: str
    days: int | None = None
    psychiatric: bool = False
    single_room_daily: Decimal | None = None
    home: bool = False
    quote: Decimal | None = None
    basket: Basket | None = None
    fee: Decimal | None = None
    sector: Sector | None = None
    admission_date: date | None = None
    discharge_date: date | None = None
    act: DentalAct | None = None
    material: Material | None = None
    tooth: ToothPosition | None = None
    ears: int = 1
    lenses: LensGrade | None = None

    @property
    def day_case(self) -> bool:
        """A stay that begins and ends on the same day (no night): no forfait journalier."""
        return self.admission_date is not None and self.admission_date == self.discharge_date


@dataclass(frozen=True, slots=True)
class Coverage:
    """``coverage`` beyond ``complementary``: the person's basic cover and, without any, their stay in France."""

    base: BaseCover = BaseCover.FRENCH
    irregular_stay: bool | None = None
    months_in_france: int | None = None


@dataclass(frozen=True, slots=True)
class Situation:
    request_date: date
    residence: Residence
    housing: Housing
    members: tuple[Member, ...]
    resources: tuple[Resource, ...] = ()
    current_benefits: frozenset[Benefit] = frozenset()
    complementary: Complementary = Complementary.NONE
    health: tuple[HealthSituation, ...] = ()
    planned_care: tuple[PlannedCare, ...] = ()
    difficulties: frozenset[Difficulty] = frozenset()
    coverage: Coverage = Coverage()
    #: A case in which the applicant asks on his or her own (service-public F10027); ``None``: the household.
    individual_application: IndividualApplication | None = None

    @property
    def applicant(self) -> Member:
        return next(m for m in self.members if m.role is Role.APPLICANT)

    @property
    def partner(self) -> Member | None:
        return next((m for m in self.members if m.role is Role.PARTNER), None)

    def member(self, member_id: str) -> Member:
        return next(m for m in self.members if m.id == member_id)

    def health_of(self, member_id: str) -> HealthSituation | None:
        return next((h for h in self.health if h.member == member_id), None)

    def resources_of(self, member_id: str) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if r.member == member_id)

    @property
    def has_self_employed(self) -> bool:
        return any(m.activity is Activity.SELF_EMPLOYED for m in self.members) or any(
            r.type is ResourceType.SELF_EMPLOYMENT and r.amount > 0 for r in self.resources
        )


@dataclass(frozen=True, slots=True)
class FieldError:
    path: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


class InvalidSituation(ValueError):
    """Raised with every validation problem found in a situation."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(f"{e.path}: {e.message}" for e in errors))


# --------------------------------------------------------------------------- parsing helpers


class _Reader:
    """Collects errors while reading a decoded JSON document."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(FieldError(path, message))

    def obj(self, value: Any, path: str, *, required: bool = True) -> dict | None:
        if value is None:
            if required:
                self.error(path, "Ce champ est obligatoire : un objet JSON est attendu.")
            return None
        if not isinstance(value, dict):
            self.error(path, "Un objet JSON est attendu ({…}).")
            return None
        return value

    def array(self, value: Any, path: str, *, max_items: int) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, "Une liste JSON est attendue ([…]).")
            return []
        if len(value) > max_items:
            self.error(path, f"Trop d'éléments : {max_items} au plus.")
            return value[:max_items]
        return value

    def boolean(self, value: Any, path: str, default: bool = False) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(path, "Une valeur vraie ou fausse est attendue (true ou false).")
            return default
        return value

    def choice(self, value: Any, path: str, enum: type[LabelledEnum], *, required: bool = True, default=None):
        if value is None:
            if required:
                self.error(path, f"Ce champ est obligatoire. Valeurs possibles : {', '.join(enum.values())}.")
            return default
        member = enum._value2member_map_.get(value) if isinstance(value, str) else None
        if member is None:
            self.error(path, f"Valeur inconnue. Valeurs possibles : {', '.join(enum.values())}.")
            return default
        return member

    def iso_date(self, value: Any, path: str, *, required: bool = True) -> date | None:
        if value is None:
            if required:
                self.error(path, "Ce champ est obligatoire : une date au format AAAA-MM-JJ est attendue.")
            return None
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            self.error(path, "Date invalide : le format attendu est AAAA-MM-JJ (par exemple 2026-11-22).")
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.error(path, "Cette date n'existe pas dans le calendrier.")
            return None

    def money(self, value: Any, path: str, *, required: bool = True) -> Decimal | None:
        if value is None:
            if required:
                self.error(path, "Ce champ est obligatoire : un montant en euros est attendu.")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(path, "Un montant en euros est attendu, sous forme de nombre (par exemple 1234.56).")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.error(path, "Montant invalide.")
            return None
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            self.error(path, "Montant invalide.")
            return None
        if amount < 0:
            self.error(path, "Le montant ne peut pas être négatif.")
            return None
        if amount > MAX_AMOUNT:
            self.error(path, "Montant trop élevé : vérifiez la saisie.")
            return None
        if amount.as_tuple().exponent < -2:
            amount = cents(amount)  # to the cent, half up, like every amount the rules compute
        return amount

    def integer(self, value: Any, path: str, *, minimum: int, maximum: int, required: bool = True) -> int | None:
        if value is None:
            if required:
                self.error(path, "Ce champ est obligatoire : un nombre entier est attendu.")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                self.error(path, "Un nombre entier est attendu.")
                return None
        if not minimum <= value <= maximum:
            self.error(path, f"Un nombre entre {minimum} et {maximum} est attendu.")
            return None
        return value

    def identifier(self, value: Any, path: str) -> str | None:
        if value is None:
            self.error(path, "Ce champ est obligatoire : un identifiant de personne est attendu.")
            return None
        if not isinstance(value, str) or not 1 <= len(value) <= 40:
            self.error(path, "Un identifiant de 1 à 40 caractères est attendu.")
            return None
        return value


# --------------------------------------------------------------------------- the parser


def parse_situation(data: Any, *, today: date) -> Situation:
    """Validate a decoded contract situation and build the ``Situation``.

    ``today`` is the default request date (the contract makes ``request_date`` optional).
    Raises ``InvalidSituation`` with every problem found.
    """
    r = _Reader()
    if not isinstance(data, dict):
        raise InvalidSituation([FieldError("", "La situation doit être un objet JSON ({…}).")])

    request_date = r.iso_date(data.get("request_date"), "request_date", required=False) or today
    if request_date < EARLIEST_REQUEST_DATE:
        r.error(
            "request_date",
            "La Complémentaire santé solidaire existe depuis le 1er novembre 2019 : "
            "choisissez une date de demande à partir de cette date.",
        )
    elif (request_date - today).days > MAX_DAYS_AHEAD:
        r.error(
            "request_date",
            "La date de demande ne peut pas dépasser d'un an la date du jour : les montants de l'année "
            "suivante ne sont pas encore connus.",
        )

    residence = _parse_residence(r, data.get("residence"))
    housing = _parse_housing(r, data.get("housing"))
    members = _parse_members(r, data.get("members"), request_date)
    member_ids = {m.id for m in members}
    resources = _parse_resources(r, data.get("resources"), member_ids)

    benefits: set[Benefit] = set()
    for i, value in enumerate(r.array(data.get("current_benefits"), "current_benefits", max_items=10)):
        b = r.choice(value, f"current_benefits[{i}]", Benefit)
        if b is not None:
            benefits.add(b)

    coverage = r.obj(data.get("coverage"), "coverage", required=False) or {}
    complementary = r.choice(
        coverage.get("complementary"), "coverage.complementary", Complementary,
        required=False, default=Complementary.NONE,
    )

    coverage_extra = _parse_coverage(r, coverage)
    if complementary is Complementary.AME and coverage_extra.base is not BaseCover.FRENCH and coverage_extra.base is not BaseCover.NONE:
        r.error("coverage.base", "L'aide médicale de l'État concerne les personnes sans couverture maladie : choisissez « none ».")
    health = _parse_health(r, data.get("health"), member_ids, request_date)
    planned_care = _parse_planned_care(r, data.get("planned_care"), member_ids, request_date)

    individual_application = r.choice(data.get("individual_application"), "individual_application",
                                      IndividualApplication, required=False)
    if individual_application is not None and individual_application is not IndividualApplication.YOUNG_PARENT \
            and any(m.role is Role.PARTNER for m in members):
        r.error("individual_application", "Une demande à titre individuel ne comprend pas de conjoint : retirez-le "
                "du foyer, ou ne choisissez pas ce cas.")

    difficulties: set[Difficulty] = set()
    for i, value in enumerate(r.array(data.get("difficulties"), "difficulties", max_items=20)):
        d = r.choice(value, f"difficulties[{i}]", Difficulty)
        if d is not None:
            difficulties.add(d)

    if r.errors:
        raise InvalidSituation(r.errors)
    return Situation(
        request_date=request_date,
        residence=residence,
        housing=housing,
        members=tuple(members),
        resources=tuple(resources),
        current_benefits=frozenset(benefits),
        complementary=complementary,
        health=tuple(health),
        planned_care=tuple(planned_care),
        difficulties=frozenset(difficulties),
        coverage=coverage_extra,
        individual_application=individual_application,
    )


def _parse_coverage(r: _Reader, obj: dict) -> Coverage:
    base = r.choice(obj.get("base"), "coverage.base", BaseCover, required=False, default=BaseCover.FRENCH)
    irregular = obj.get("irregular_stay")
    irregular = None if irregular is None else r.boolean(irregular, "coverage.irregular_stay")
    months = r.integer(obj.get("months_in_france"), "coverage.months_in_france", minimum=0, maximum=1200, required=False)
    if base is not BaseCover.NONE and (irregular is not None or months is not None):
        for key in ("irregular_stay", "months_in_france"):
            if obj.get(key) is not None:
                r.error(f"coverage.{key}", "Ne concerne qu'une personne sans couverture maladie (coverage.base « none »).")
    return Coverage(base or BaseCover.FRENCH, irregular, months)


def _parse_residence(r: _Reader, value: Any) -> Residence:
    obj = r.obj(value, "residence")
    if obj is None:
        return Residence(Territory.METROPOLE)
    territory = r.choice(obj.get("territory"), "residence.territory", Territory, default=Territory.METROPOLE)
    department = obj.get("department")
    if department is not None:
        if not isinstance(department, str) or not DEPARTMENT_RE.fullmatch(department.upper()):
            r.error("residence.department", "Code de département inconnu : par exemple 75, 2A, 93 ou 971.")
            department = None
        else:
            department = department.upper()
    alsace_moselle = r.boolean(obj.get("alsace_moselle"), "residence.alsace_moselle")
    if department and territory:
        expected = OVERSEAS_DEPARTMENT_BY_TERRITORY.get(territory)
        if expected and department != expected:
            r.error("residence.department", f"{territory.label} correspond au département {expected}.")
        if territory is Territory.METROPOLE and department.startswith("97"):
            r.error("residence.department", "Ce département est outre-mer : choisissez le territoire correspondant.")
    if alsace_moselle and (
        territory is not Territory.METROPOLE or (department and department not in ALSACE_MOSELLE_DEPARTMENTS)
    ):
        r.error(
            "residence.alsace_moselle",
            "Le régime local d'Alsace-Moselle ne concerne que le Bas-Rhin (67), le Haut-Rhin (68) et la Moselle (57).",
        )
    return Residence(territory or Territory.METROPOLE, department, alsace_moselle)


def _parse_housing(r: _Reader, value: Any) -> Housing:
    obj = r.obj(value, "housing")
    if obj is None:
        return Housing(HousingStatus.TENANT)
    status = r.choice(obj.get("status"), "housing.status", HousingStatus, default=HousingStatus.TENANT)
    aid = r.money(obj.get("housing_aid_monthly"), "housing.housing_aid_monthly", required=False) or Decimal("0")
    if aid > 10000:
        r.error("housing.housing_aid_monthly", "Montant mensuel trop élevé pour une aide au logement : vérifiez la saisie.")
    if aid > 0 and status in (HousingStatus.HOMELESS,):
        r.error("housing.housing_aid_monthly", "Une personne sans domicile stable ne reçoit pas d'aide au logement : mettez 0.")
    return Housing(status, aid)


def _parse_members(r: _Reader, value: Any, request_date: date) -> list[Member]:
    if value is None:
        r.error("members", "Ce champ est obligatoire : la liste des personnes du foyer.")
        return []
    items = r.array(value, "members", max_items=MAX_MEMBERS)
    if isinstance(value, list) and not value:
        r.error("members", "Le foyer doit comporter au moins le demandeur ou la demandeuse.")
    members: list[Member] = []
    seen_ids: set[str] = set()
    applicants = partners = 0
    for i, item in enumerate(items):
        path = f"members[{i}]"
        obj = r.obj(item, path)
        if obj is None:
            continue
        member_id = r.identifier(obj.get("id"), f"{path}.id")
        if member_id is not None:
            if member_id in seen_ids:
                r.error(f"{path}.id", "Cet identifiant est déjà utilisé par une autre personne du foyer.")
            seen_ids.add(member_id)
        role = r.choice(obj.get("role"), f"{path}.role", Role)
        applicants += role is Role.APPLICANT
        partners += role is Role.PARTNER
        birth_date = r.iso_date(obj.get("birth_date"), f"{path}.birth_date")
        if birth_date is not None:
            if birth_date > request_date:
                r.error(f"{path}.birth_date", "Date dans le futur : la date de naissance doit précéder la date de la demande.")
            elif birth_date.year < 1900:
                r.error(f"{path}.birth_date", "Date de naissance trop ancienne : vérifiez l'année.")
        activity = r.choice(obj.get("activity"), f"{path}.activity", Activity, required=False, default=Activity.INACTIVE)
        shared_custody = r.boolean(obj.get("shared_custody"), f"{path}.shared_custody")
        if shared_custody and role not in (Role.CHILD, Role.OTHER_DEPENDENT, None):
            r.error(f"{path}.shared_custody", "La résidence alternée ne concerne que les enfants.")
        no_work_since = r.iso_date(obj.get("no_work_since"), f"{path}.no_work_since", required=False)
        if no_work_since and no_work_since > request_date:
            r.error(f"{path}.no_work_since", "Cette date est après la demande : indiquez depuis quand la personne ne "
                    "travaille plus.")
            no_work_since = None
        if no_work_since and activity in WORKING_ACTIVITIES:
            r.error(f"{path}.no_work_since", "Cette personne travaille aujourd'hui (activité) : pas de date de fin "
                    "de travail.")
            no_work_since = None
        ties = {key: r.boolean(obj.get(key), f"{path}.{key}", default=None)
                for key in ("tax_attached", "lives_with_parents", "receives_deductible_alimony")}
        if member_id and role and birth_date:
            members.append(Member(member_id, role, birth_date, activity or Activity.INACTIVE, shared_custody,
                                  no_work_since, **ties))
    if items and applicants != 1:
        r.error("members", "Le foyer doit comporter exactement un demandeur ou une demandeuse (role « applicant »).")
    if partners > 1:
        r.error("members", "Le foyer ne peut comporter qu'un seul conjoint (role « partner »).")
    return members


def _member_ref(r: _Reader, value: Any, path: str, member_ids: set[str]) -> str | None:
    member_id = r.identifier(value, path)
    if member_id is not None and member_id not in member_ids:
        r.error(path, "Cette personne n'existe pas dans le foyer (identifiant inconnu).")
        return None
    return member_id


def _parse_resources(r: _Reader, value: Any, member_ids: set[str]) -> list[Resource]:
    resources: list[Resource] = []
    seen: dict[tuple[str, str], bool] = {}  # (member, type) → dated?
    for i, item in enumerate(r.array(value, "resources", max_items=MAX_RESOURCES)):
        path = f"resources[{i}]"
        obj = r.obj(item, path)
        if obj is None:
            continue
        member = _member_ref(r, obj.get("member"), f"{path}.member", member_ids)
        rtype = r.choice(obj.get("type"), f"{path}.type", ResourceType)
        forms = [key for key in ("amount", "monthly_amount", "monthly") if obj.get(key) is not None]
        if len(forms) > 1:
            r.error(path, "Une ligne de ressource porte un seul montant : « amount » (total des 12 mois), "
                    "« monthly_amount » (par mois, avec « from » et « until ») ou « monthly » (mois par mois).")
            continue
        dated = bool(forms) and forms[0] != "amount"
        if not dated and (obj.get("from") is not None or obj.get("until") is not None):
            r.error(f"{path}.from", "« from » et « until » accompagnent un montant par mois (« monthly_amount »).")
        if dated and rtype is ResourceType.SELF_EMPLOYMENT:
            r.error(f"{path}.type", "Le revenu d'une activité indépendante est celui du dernier avis d'impôt : "
                    "un montant pour l'année (« amount »), pas par mois.")
            continue
        if member and rtype:
            if (member, rtype) in seen and not (dated and seen[(member, rtype)]):
                r.error(f"{path}.type", "Cette ressource est déjà déclarée pour cette personne : additionnez les montants sur une seule ligne.")
            seen[(member, rtype)] = dated
        if not dated:
            amount = r.money(obj.get("amount"), f"{path}.amount")
            if member and rtype and amount is not None:
                resources.append(Resource(member, rtype, amount))
            continue
        line = _dated_line(r, obj, path, forms[0])
        if member and rtype and line is not None:
            resources.append(Resource(member, rtype, Decimal("0"), **line))
    return resources


MAX_MONTHS = 36


def _dated_line(r: _Reader, obj: dict, path: str, form: str) -> dict | None:
    """The dated part of a resource line: ``monthly_amount`` with ``from`` / ``until``, or ``monthly``."""
    errors = len(r.errors)
    if form == "monthly_amount":
        monthly_amount = r.money(obj.get("monthly_amount"), f"{path}.monthly_amount")
        start = r.iso_date(obj.get("from"), f"{path}.from", required=False)
        end = r.iso_date(obj.get("until"), f"{path}.until", required=False)
        if start and end and end < start:
            r.error(f"{path}.until", "La fin de la période est avant son début.")
        if len(r.errors) > errors:
            return None
        return {"monthly_amount": monthly_amount, "start": start, "end": end}
    months: dict[date, Decimal] = {}
    for j, entry in enumerate(r.array(obj.get("monthly"), f"{path}.monthly", max_items=MAX_MONTHS)):
        entry_path = f"{path}.monthly[{j}]"
        month_obj = r.obj(entry, entry_path)
        if month_obj is None:
            continue
        text = month_obj.get("month")
        month = None
        if not isinstance(text, str) or not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
            r.error(f"{entry_path}.month", "Mois invalide : le format attendu est AAAA-MM (par exemple 2026-03).")
        else:
            month = date(int(text[:4]), int(text[5:]), 1)
            if month in months:
                r.error(f"{entry_path}.month", "Ce mois est déjà indiqué sur cette ligne.")
        amount = r.money(month_obj.get("amount"), f"{entry_path}.amount")
        if month is not None and amount is not None:
            months[month] = amount
    if len(r.errors) > errors:
        return None
    return {"months": tuple(sorted(months.items()))}


def _parse_health(r: _Reader, value: Any, member_ids: set[str], request_date: date) -> list[HealthSituation]:
    health: list[HealthSituation] = []
    seen: set[str] = set()
    for i, item in enumerate(r.array(value, "health", max_items=MAX_MEMBERS)):
        path = f"health[{i}]"
        obj = r.obj(item, path)
        if obj is None:
            continue
        member = _member_ref(r, obj.get("member"), f"{path}.member", member_ids)
        if member in seen:
            r.error(f"{path}.member", "La santé de cette personne est déjà décrite : regroupez-la sur une seule ligne.")
        due = r.iso_date(obj.get("pregnancy_due_date"), f"{path}.pregnancy_due_date", required=False)
        if due is not None and not (request_date.toordinal() - 60 <= due.toordinal() <= request_date.toordinal() + 300):
            r.error(f"{path}.pregnancy_due_date", "Date prévue d'accouchement invalide : elle doit tomber dans les 10 mois qui suivent la demande.")
            due = None
        flags = {
            key: r.boolean(obj.get(key), f"{path}.{key}")
            for key in ("ald", "work_accident", "military_pension", "aeeh_child", "organ_donor", "terrorism_victim",
                        "sexual_violence_minor")
        }
        incapacity = r.choice(obj.get("work_accident_incapacity"), f"{path}.work_accident_incapacity",
                              WorkAccidentIncapacity, required=False)
        if incapacity is not None:
            flags["work_accident"] = True
        if member:
            flags["work_accident_incapacity"] = incapacity
            seen.add(member)
            health.append(HealthSituation(member=member, pregnancy_due_date=due, **flags))
    return health


def _parse_planned_care(r: _Reader, value: Any, member_ids: set[str], request_date: date) -> list[PlannedCare]:
    care: list[PlannedCare] = []
    for i, item in enumerate(r.array(value, "planned_care", max_items=MAX_PLANNED_CARE)):
        path = f"planned_care[{i}]"
        obj = r.obj(item, path)
        if obj is None:
            continue
        kind = r.choice(obj.get("kind"), f"{path}.kind", CareKind)
        member = _member_ref(r, obj.get("member"), f"{path}.member", member_ids)
        fields: dict[str, Any] = {}
        if kind is CareKind.HOSPITALISATION:
            admission = r.iso_date(obj.get("admission_date"), f"{path}.admission_date", required=False)
            discharge = r.iso_date(obj.get("discharge_date"), f"{path}.discharge_date", required=False)
            days = r.integer(obj.get("days"), f"{path}.days", minimum=1, maximum=MAX_HOSPITAL_DAYS,
                             required=admission is None and discharge is None)
            fields["days"] = _stay_days(r, path, admission, discharge, days, request_date)
            fields["admission_date"], fields["discharge_date"] = admission, discharge
            fields["psychiatric"] = r.boolean(obj.get("psychiatric"), f"{path}.psychiatric")
            fields["single_room_daily"] = r.money(obj.get("single_room_daily"), f"{path}.single_room_daily", required=False)
            fields["home"] = r.boolean(obj.get("home"), f"{path}.home")
            if fields["home"] and fields["single_room_daily"]:
                r.error(f"{path}.single_room_daily", "Pas de chambre particulière pour une hospitalisation à domicile.")
        elif kind in QUOTED_CARE_KINDS:
            fields.update(_parse_quoted(r, path, kind, obj))
        elif kind is CareKind.CONSULTATION:
            fields["fee"] = r.money(obj.get("fee"), f"{path}.fee")
            fields["sector"] = r.choice(obj.get("sector"), f"{path}.sector", Sector, required=False, default=Sector.SECTOR_1)
        if kind and member and all(v is not None for k, v in fields.items() if k not in OPTIONAL_CARE_FIELDS):
            care.append(PlannedCare(kind=kind, member=member, **fields))
    return care


#: Planned-care keys that may stay empty (``None``) in a valid item.
OPTIONAL_CARE_FIELDS = frozenset({
    "single_room_daily", "admission_date", "discharge_date", "quote", "basket", "act", "material", "tooth", "lenses",
})


def stay_days(admission: date, discharge: date) -> int:
    """Calendar days billed for a stay: every day from admission to discharge, both included (CSSoc L174-4,
    discharge day included); 0 for a day case (same day, no night)."""
    if discharge <= admission:
        return 0
    return (discharge - admission).days + 1


def _stay_days(
    r: _Reader, path: str, admission: date | None, discharge: date | None, days: int | None, request_date: date
) -> int | None:
    """Billed days of a stay: from its dates when given (day case: 0), else the declared ``days``."""
    if admission is None and discharge is None:
        return days
    if admission is None or discharge is None:
        missing = "admission_date" if admission is None else "discharge_date"
        r.error(f"{path}.{missing}", "Donnez les deux dates du séjour : l'entrée et la sortie.")
        return None
    if discharge < admission:
        r.error(f"{path}.discharge_date", "La date de sortie précède la date d'entrée.")
        return None
    if (discharge - admission).days >= MAX_HOSPITAL_DAYS:
        r.error(f"{path}.discharge_date", f"Séjour trop long : {MAX_HOSPITAL_DAYS} jours au plus.")
        return None
    if abs((admission - request_date).days) > 2 * MAX_DAYS_AHEAD:
        r.error(f"{path}.admission_date", "Date d'entrée trop éloignée de la date de la demande.")
        return None
    billed = stay_days(admission, discharge)
    if days is not None and days != billed:
        r.error(f"{path}.days", f"Le nombre de jours ne correspond pas aux dates : {billed} jours facturés, sortie comprise.")
        return None
    return billed


def _parse_quoted(r: _Reader, path: str, kind: CareKind, obj: dict) -> dict[str, Any]:
    """Quote (optional: no quote yet), basket and the optional details of a dental, optical or hearing item."""
    fields: dict[str, Any] = {
        "quote": r.money(obj.get("quote"), f"{path}.quote", required=False),
        "basket": r.choice(obj.get("basket"), f"{path}.basket", Basket, required=False),
    }
    allowed = {
        CareKind.DENTAL_PROSTHESIS: ("act", "material", "tooth"),
        CareKind.HEARING_AIDS: ("ears",),
        CareKind.GLASSES: ("lenses",),
    }[kind]
    for key in ("act", "material", "tooth", "ears", "lenses"):
        if key not in allowed and obj.get(key) is not None:
            r.error(f"{path}.{key}", f"Ce champ ne concerne pas « {kind.value} ».")
    if kind is CareKind.DENTAL_PROSTHESIS:
        fields["act"] = r.choice(obj.get("act"), f"{path}.act", DentalAct, required=False, default=DentalAct.CROWN)
        fields["material"] = r.choice(obj.get("material"), f"{path}.material", Material, required=False)
        fields["tooth"] = r.choice(obj.get("tooth"), f"{path}.tooth", ToothPosition, required=False)
        if fields["tooth"] is not None and fields["act"] is DentalAct.DENTURE:
            r.error(f"{path}.tooth", "La position de la dent ne concerne pas un dentier.")
        if fields["material"] is Material.RESIN and fields["act"] is not DentalAct.DENTURE:
            r.error(f"{path}.material", "La résine ne concerne que les dentiers (act « denture »).")
    elif kind is CareKind.HEARING_AIDS:
        fields["ears"] = r.integer(obj.get("ears"), f"{path}.ears", minimum=1, maximum=2, required=False) or 1
    else:
        fields["lenses"] = r.choice(obj.get("lenses"), f"{path}.lenses", LensGrade, required=False)
    return fields
