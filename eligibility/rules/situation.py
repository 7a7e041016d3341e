"""The household situation (contract v1 input) as plain dataclasses, and its validation.

``parse_situation`` turns the contract's JSON (already decoded into Python objects) into a
``Situation`` or raises ``InvalidSituation`` listing *every* problem with its path
(``members[2].birth_date``) and a French message saying how to fix it.
"""

from __future__ import annotations

import math
import re
from dataclasses import MISSING, dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, ClassVar

from .contract import given, input_fields
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
MAX_MONTHS = 36
DEPARTMENT_RE = re.compile(r"^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$")
#: What the API accepts (and documents): the same codes in either case, "2a" read as "2A".
DEPARTMENT_ANY_CASE = r"^(0[1-9]|[1-8][0-9]|9[0-5]|2[ABab]|97[1-6])$"


# The dataclasses below are the contract's input, declared once: each field's metadata (``given``) holds
# what the parser enforces and the OpenAPI input schema states (``eligibility.rules.contract``).


@dataclass(frozen=True, slots=True)
class Residence:
    territory: Territory = field(metadata=given(fallback=Territory.METROPOLE))
    department: str | None = field(default=None, metadata=given(
        reader="department", pattern=DEPARTMENT_ANY_CASE, description="Code INSEE du département"))
    alsace_moselle: bool = field(default=False, metadata=given(description="Affilié au régime local d'Alsace-Moselle"))


@dataclass(frozen=True, slots=True)
class Housing:
    status: HousingStatus = field(metadata=given(fallback=HousingStatus.TENANT))
    housing_aid_monthly: Decimal = field(default=Decimal("0"), metadata=given(
        minimum=0, description="Aide au logement reçue par mois, en euros"))


@dataclass(frozen=True, slots=True)
class Member:
    id: str = field(metadata=given(reader="identifier", min_length=1, max_length=40))
    role: Role
    birth_date: date
    activity: Activity = Activity.INACTIVE
    shared_custody: bool = field(default=False, metadata=given(
        description="Enfant en résidence alternée (compte pour moitié dans le plafond)"))
    #: For a person not working today: the first day without any professional activity (ESAT included),
    #: at the latest. ``None``: not known (R861-11's "three calendar months without work" then cannot be decided).
    no_work_since: date | None = field(default=None, metadata=given(
        description="Extension : pour une personne qui ne travaille pas aujourd'hui, premier jour sans aucune "
        "activité professionnelle (ESAT compris), au plus tard. Décide de la présomption de droit (trois mois civils "
        "sans activité avant la demande, R861-11) ; absent : non connu, la caisse vérifiera."))
    #: R861-2: an under-25's tie to the household (``None``: not said). For a dependant (child, other dependant),
    #: "parents" are the applicant or the partner; for the applicant or the partner, his or her own parents.
    #: ``tax_attached``: on the parents' last income-tax return; ``receives_deductible_alimony``: an adult child
    #: paid an alimony the parents deduct from their income, not set by a judge.
    tax_attached: bool | None = field(default=None, metadata=given(description=(
        "Extension (R861-2, moins de 25 ans) : sur la dernière déclaration de revenus de ses parents (pour une "
        "personne à charge : celle du demandeur ou du conjoint ; pour le demandeur ou le conjoint : celle de ses "
        "propres parents). Absent : non dit (une personne à charge est alors supposée rattachée).")))
    lives_with_parents: bool | None = field(default=None, metadata=given(description=(
        "Extension (R861-2, moins de 25 ans) : vit sous le toit de ses parents (mêmes parents que pour "
        "tax_attached).")))
    receives_deductible_alimony: bool | None = field(default=None, metadata=given(description=(
        "Extension (R861-2 3°, enfant majeur de moins de 25 ans) : reçoit de ses parents une pension alimentaire "
        "qu'ils déduisent de leurs impôts, non fixée par un juge.")))

    def age_on(self, when: date) -> int:
        """Age in whole years on ``when``."""
        years = when.year - self.birth_date.year
        if (when.month, when.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


@dataclass(frozen=True, slots=True)
class MonthAmount:
    """One month of a resource line given month by month (``resources[].monthly[]``)."""

    month: str = field(metadata=given(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="Mois, AAAA-MM"))
    amount: Decimal = field(metadata=given(minimum=0, description="Montant perçu ce mois-là, en euros"))


@dataclass(frozen=True, slots=True)
class Resource:
    """One resource line. Contract v1: ``amount`` is the total of the 12-month reference period.

    A dated line (contract extension) says instead what was received month by month: either
    ``monthly_amount`` for every calendar month from ``start`` to ``end`` (each optional: open-ended), or
    ``months``, an amount per month (first day of the month). The rules count the months of the reference
    period only (``resource_months.with_window``): then ``amount`` is that count's total and
    ``counted_months`` the months counted.
    """

    schema_doc: ClassVar[str] = (
        "Une ligne de ressource porte un seul montant : ``amount`` (contrat v1), ``monthly_amount`` (avec ``from`` "
        "et ``until``) ou ``monthly`` (extensions : les règles comptent les mois de la période de référence).")

    member: str = field(metadata=given(reader="identifier"))
    type: ResourceType
    amount: Decimal = field(metadata=given(required=False, json_type=Decimal | None, minimum=0, description=(
        "Total perçu sur les 12 mois de référence de la CSS (revenu net du dernier avis d'imposition pour "
        "self_employment)")))
    monthly_amount: Decimal | None = field(default=None, metadata=given(minimum=0, description=(
        "Extension : montant perçu chaque mois civil de « from » à « until » (chacun facultatif) ; seuls les mois "
        "de la période de référence comptent. Pas pour self_employment.")))
    start: date | None = field(default=None, metadata=given(
        json="from", description="Extension : premier jour de la période du montant mensuel"))
    end: date | None = field(default=None, metadata=given(
        json="until", description="Extension : dernier jour de la période du montant mensuel"))
    months: tuple[tuple[date, Decimal], ...] = field(default=(), metadata=given(
        json="monthly", json_type=tuple[MonthAmount, ...] | None, max_items=MAX_MONTHS, description=(
            "Extension : montants mois par mois ; seuls les mois de la période de référence comptent. Pas pour "
            "self_employment.")))
    counted_months: tuple[tuple[date, Decimal], ...] | None = field(default=None, metadata=given(hidden=True))
    #: A dated line, once windowed: still paid on the request date (``resource_months.paid_on``); ``None`` for a
    #: 12-month total, which does not say it.
    paid_at_request: bool | None = field(default=None, metadata=given(hidden=True))

    @property
    def is_dated(self) -> bool:
        return self.monthly_amount is not None or bool(self.months)


@dataclass(frozen=True, slots=True)
class HealthSituation:
    schema_name: ClassVar[str] = "HealthIn"
    member: str = field(metadata=given(reader="identifier"))
    ald: bool = False
    pregnancy_due_date: date | None = None
    work_accident: bool = False
    military_pension: bool = False
    aeeh_child: bool = False
    work_accident_incapacity: WorkAccidentIncapacity | None = field(default=None, metadata=given(
        description="Accident du travail : taux d'incapacité (deux tiers ou plus : pas de forfait urgences)"))
    organ_donor: bool = False
    terrorism_victim: bool = False
    sexual_violence_minor: bool = field(default=False, metadata=given(
        description="Mineur victime de violences sexuelles"))


@dataclass(frozen=True, slots=True)
class PlannedCare:
    kind: CareKind
    member: str = field(metadata=given(reader="identifier"))
    days: int | None = field(default=None, metadata=given(minimum=1, maximum=MAX_HOSPITAL_DAYS, description=(
        "hospitalisation : jours facturés, jour de sortie compris (facultatif avec les dates)")))
    psychiatric: bool = False
    single_room_daily: Decimal | None = field(default=None, metadata=given(minimum=0))
    home: bool = False
    quote: Decimal | None = field(default=None, metadata=given(minimum=0, description=(
        "prothèse dentaire, lunettes, aides auditives : montant du devis pour tout l'équipement ; absent : pas "
        "encore de devis (le résultat donne le prix « 100 % Santé » et la fourchette usuelle)")))
    basket: Basket | None = field(default=None, metadata=given(description=(
        "100_sante (classe A, classe I, panier 100 % Santé) ou other ; pour une couronne, déduit du matériau et de "
        "la dent quand ils sont donnés")))
    fee: Decimal | None = field(default=None, metadata=given(minimum=0, description="consultation : honoraires"))
    sector: Sector | None = field(default=None, metadata=given(fallback=Sector.SECTOR_1))
    admission_date: date | None = field(default=None, metadata=given(description=(
        "hospitalisation : date d'entrée ; avec la date de sortie, le séjour est compté jour par jour au tarif de "
        "chaque jour")))
    discharge_date: date | None = field(default=None, metadata=given(description=(
        "hospitalisation : date de sortie (le même jour que l'entrée : hospitalisation de jour, sans forfait "
        "journalier)")))
    act: DentalAct | None = field(default=None, metadata=given(
        fallback=DentalAct.CROWN, description="prothèse dentaire : crown (par défaut), bridge, denture"))
    material: Material | None = field(default=None, metadata=given(description="prothèse dentaire : matériau"))
    tooth: ToothPosition | None = field(default=None, metadata=given(description=(
        "couronne : position de la dent ; bridge : position de la dent remplacée. incisor et "
        "canine_or_first_premolar précisent front (une couronne les compte comme front) : seul le bridge "
        "céramo-métallique qui remplace une incisive est « 100 % Santé » ; un bridge front est compté comme "
        "remplaçant une incisive, avec une note")))
    ears: int = field(default=1, metadata=given(json_type=int | None, minimum=1, maximum=2, description=(
        "aides auditives : nombre d'oreilles (1 par défaut)")))
    lenses: LensGrade | None = field(default=None, metadata=given(description=(
        "lunettes de classe B : complexité des verres (plafond du contrat responsable)")))

    @property
    def day_case(self) -> bool:
        """A stay that begins and ends on the same day (no night): no forfait journalier."""
        return self.admission_date is not None and self.admission_date == self.discharge_date


@dataclass(frozen=True, slots=True)
class Coverage:
    """``coverage`` beyond ``complementary``: the person's basic cover and, without any, their stay in France."""

    base: BaseCover = field(default=BaseCover.FRENCH, metadata=given(description=(
        "Couverture de base : Assurance maladie française, assuré(e) d'un autre pays (UE/EEE/Suisse avec CEAM, pays "
        "lié par un accord, autre pays) ou aucune couverture")))
    irregular_stay: bool | None = field(default=None, metadata=given(
        fallback=False, description="Sans couverture (base « none ») : séjour sans titre de séjour"))
    months_in_france: int | None = field(default=None, metadata=given(
        minimum=0, maximum=1200, description="Sans couverture : mois de présence en France"))


@dataclass(frozen=True, slots=True)
class Situation:
    """A household's situation (contract v1)."""

    request_date: date = field(metadata=given(required=False, description="Date de la demande (aujourd'hui par défaut)"))
    residence: Residence
    housing: Housing
    members: tuple[Member, ...] = field(metadata=given(min_items=1, max_items=MAX_MEMBERS))
    resources: tuple[Resource, ...] = field(default=(), metadata=given(max_items=MAX_RESOURCES))
    current_benefits: frozenset[Benefit] = field(default=frozenset(), metadata=given(max_items=10))
    complementary: Complementary = field(default=Complementary.NONE, metadata=given(
        json="coverage.complementary", description=(
            "Complémentaire actuelle : aucune, privée (garanties inconnues, contrat responsable ou non), CSS (ou "
            "demande en cours), aide médicale de l'État")))
    health: tuple[HealthSituation, ...] = field(default=(), metadata=given(max_items=MAX_MEMBERS))
    planned_care: tuple[PlannedCare, ...] = field(default=(), metadata=given(max_items=MAX_PLANNED_CARE))
    difficulties: frozenset[Difficulty] = field(default=frozenset(), metadata=given(max_items=20))
    coverage: Coverage = Coverage()
    #: A case in which the applicant asks on his or her own (service-public F10027); ``None``: the household.
    individual_application: IndividualApplication | None = field(default=None, metadata=given(description=(
        "Extension : demande à titre individuel (service-public.fr F10027) : mineur ou jeune majeur confié à l'ASE "
        "ou suivi par la PJJ, mineur de 16 ans ou plus sans contact avec sa famille, étudiant isolé aidé par le "
        "FNAU, jeune parent de moins de 25 ans, conjoint séparé. Pas de conjoint dans le foyer, sauf pour "
        "young_parent.")))

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
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
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

    def department(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not DEPARTMENT_RE.fullmatch(value.upper()):
            self.error(path, "Code de département inconnu : par exemple 75, 2A, 93 ou 971.")
            return None
        return value.upper()

    # ----------------------------------------------------------------------- from the declarations

    def field(self, cls: type, name: str, obj: dict, path: str, *, required: bool | None = None) -> Any:
        """Read field ``name`` of the input dataclass ``cls`` from ``obj`` with the reader its type calls for,
        under the bounds its declaration gives (``contract.given``); ``required`` overrides the declaration
        where a rule makes it conditional (``fee`` for a consultation)."""
        try:
            read = _READERS[cls][name]
        except KeyError:
            read = _readers(cls)[name]
        return read(self, obj, path, required)

    def read(self, cls: type, obj: dict, path: str, checks: dict[str, Any] | None = None) -> dict[str, Any]:
        """Every declared field of ``cls``, in declaration order; ``checks[name](value, values)`` runs right
        after its field is read (so that errors come in the order of the fields) and returns the value kept."""
        names = tuple(checks) if checks else ()
        try:
            read_all = _READ_ALL[cls, names]
        except KeyError:
            read_all = _READ_ALL[cls, names] = _read_all(cls, names)
        return read_all(self, obj, path, checks)

    def items(self, cls: type, name: str, value: Any) -> list:
        """A declared list (``members``, ``resources``…), cut at its declared size."""
        f = input_fields(cls)[name]
        return self.array(value, f.json, max_items=f.given.max_items)

    def identifier(self, value: Any, path: str) -> str | None:
        if value is None:
            self.error(path, "Ce champ est obligatoire : un identifiant de personne est attendu.")
            return None
        if not isinstance(value, str) or not 1 <= len(value) <= 40:
            self.error(path, "Un identifiant de 1 à 40 caractères est attendu.")
            return None
        return value


#: Each declared input field's reader, by class and field name (``_readers``): made once from its declaration.
_READERS: dict[type, dict[str, Any]] = {}


def _readers(cls: type) -> dict[str, Any]:
    """A reader ``read(r, obj, path, required)`` per declared field of ``cls``, in declaration order: the
    ``_Reader`` method its type calls for, with its bounds and defaults bound once, and fast ways out for an
    absent value and a valid enum or boolean (the common cases), which never build the field's path."""
    readers: dict[str, Any] = {}
    for name, f in input_fields(cls).items():
        readers[name] = _reader(cls, f)
    _READERS[cls] = readers
    return readers


#: ``_Reader.read`` compiled per class (and names of the checks given): ``_read_all``.
_READ_ALL: dict[tuple[type, tuple[str, ...]], Any] = {}


def _read_all(cls: type, checked: tuple[str, ...]) -> Any:
    """``read(r, obj, path, checks)``: the readers of ``cls``'s fields one after the other, each check right
    after its field (so errors keep the fields' order), written out once as one function instead of a loop
    that looks each field's reader and check up at every call.

    A field's fast way out (``_inline``: a valid enum, boolean, identifier, date, amount or bounded integer,
    or an absent optional value) is written in place, without calling its reader; any other value goes to the
    reader, which gives the same value or the error."""
    readers = _READERS.get(cls) or _readers(cls)
    names: dict[str, Any] = {}
    lines = ["def read(r, obj, path, checks):", "    values = {}"]
    for n, (name, read) in enumerate(readers.items()):
        names[f"_r{n}"] = read
        value = f"_r{n}(r, obj, path, None)"
        inline = getattr(read, "inline", None)
        if inline is not None:
            lines.append(f"    v = obj.get({inline[0]!r})")
            value = _inline(n, inline, value, names)
        if name in checked:
            lines.append(f"    values[{name!r}] = checks[{name!r}]({value}, values)")
        else:
            lines.append(f"    values[{name!r}] = {value}")
    lines.append("    return values")
    exec(compile("\n".join(lines) + "\n", f"<reader {cls.__name__}>", "exec"), names)  # noqa: S102 - our own fields
    return names["read"]


def _inline(n: int, inline: tuple, call: str, names: dict[str, Any]) -> str:
    """The expression that reads the field's value ``v`` as its reader (``call``) would, for the values its
    fast way lets through, and calls the reader for any other."""
    kind, options = inline[1], inline[2:]
    if kind == "identifier":
        return f"v if v.__class__ is str and 1 <= len(v) <= 40 else {call}"
    if kind == "bool":
        names[f"_a{n}"] = options[0]
        return f"v if v.__class__ is bool else (_a{n} if v is None else {call})"
    if kind == "enum":
        members, declared, default = options
        names[f"_m{n}"], names[f"_d{n}"] = members, default
        absent = call if declared else f"(_d{n} if v is None else {call})"
        return f"m if (m := (_m{n}.get(v) if v.__class__ is str else None)) is not None else {absent}"
    if kind == "fast":
        fast, declared = options
        names[f"_f{n}"] = fast
        return f"((x if (x := _f{n}(v)) is not None else {call}) if v is not None else {call if declared else 'None'})"
    if kind == "int":
        minimum, maximum, declared = options
        absent = call if declared else f"(None if v is None else {call})"
        return f"v if v.__class__ is int and {minimum!r} <= v <= {maximum!r} else {absent}"
    raise ValueError(kind)


def _reader(cls: type, f: Any) -> Any:  # noqa: C901 - one small reader per kind of field
    g, kind, declared, key, json = f.given, f.annotation, f.required, f.json.rpartition(".")[2], f.json

    def at(path: str) -> str:
        return f"{path}.{key}" if path else json

    if g.reader == "identifier":
        def read(r: _Reader, obj: dict, path: str, required: bool | None) -> Any:
            value = obj.get(key)
            if value.__class__ is str and 1 <= len(value) <= 40:
                return value  # the common case, without building the path
            return r.identifier(value, at(path))

        read.inline = (key, "identifier")
    elif g.reader is not None:
        method = getattr(_Reader, g.reader)

        def read(r: _Reader, obj: dict, path: str, required: bool | None) -> Any:
            return method(r, obj.get(key), at(path))
    elif kind is bool:
        # An invalid value goes on as the declared fallback (else the default), so that later checks see one.
        default, absent = (f.default if g.fallback is None else g.fallback), (None if f.nullable else f.default)

        def read(r: _Reader, obj: dict, path: str, required: bool | None) -> Any:
            value = obj.get(key)
            if value is None:
                return absent
            if value.__class__ is bool:
                return value
            return r.boolean(value, at(path), default)

        read.inline = (key, "bool", absent)
    elif isinstance(kind, type) and issubclass(kind, Enum):
        default = g.fallback if g.fallback is not None else (None if f.default is MISSING else f.default)
        members = kind._value2member_map_

        def read(r: _Reader, obj: dict, path: str, required: bool | None) -> Any:
            value = obj.get(key)
            required = declared if required is None else required
            if value is None and not required:
                return default
            if value.__class__ is str:
                member = members.get(value)
                if member is not None:
                    return member
            return r.choice(value, at(path), kind, required=required, default=default)

        read.inline = (key, "enum", members, declared, default)
    elif kind in (date, Decimal, int):
        method = {date: _Reader.iso_date, Decimal: _Reader.money, int: _Reader.integer}[kind]
        bounds = {"minimum": g.minimum, "maximum": g.maximum} if kind is int else {}
        # A valid value (the common case) is read here, without building its path; anything else goes to the
        # ``_Reader`` method, which gives the same value or the error.
        fast = {date: _valid_date, Decimal: _valid_amount, int: None}[kind]
        minimum, maximum = g.minimum, g.maximum

        def read(r: _Reader, obj: dict, path: str, required: bool | None) -> Any:
            value = obj.get(key)
            if value is None:
                if not (declared if required is None else required):
                    return None
            elif fast is not None:
                found = fast(value)
                if found is not None:
                    return found
            elif value.__class__ is int and minimum <= value <= maximum:
                return value
            required = declared if required is None else required
            return method(r, value, at(path), required=required, **bounds)

        if fast is not None:
            read.inline = (key, "fast", fast, declared)
        elif minimum is not None and maximum is not None:
            read.inline = (key, "int", minimum, maximum, declared)
    else:  # an object or a list: read by its own function (``_parse_members``…)

        def read(r: _Reader, obj: dict, path: str, required: bool | None) -> Any:
            raise TypeError(f"{cls.__name__}.{f.name}: no reader for {kind!r}")
    return read


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _valid_date(value: Any) -> date | None:
    """``value`` as a date when ``_Reader.iso_date`` would accept it, else ``None`` (let it say why).

    The same dates recur (request dates, birth dates in a batch): each valid text is read once and kept. A new
    one is checked without the pattern: ten characters with ``-`` at 4 and 7 that ``date.fromisoformat`` reads
    are exactly the texts the pattern (``\\d{4}-\\d{2}-\\d{2}``) matches and it reads (its only ten-character
    forms are ``YYYY-MM-DD`` and the week date ``YYYY-Www-D``, and it takes ASCII digits only;
    ``tests/rules/test_situation_fast_paths.py`` checks it).
    """
    if value.__class__ is not str:
        return None
    found = _dates.get(value)
    if found is not None:
        return found
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        found = date.fromisoformat(value)
    except ValueError:
        return None
    if len(_dates) >= _DATES_MAX:
        _dates.clear()
    _dates[value] = found
    return found


_dates: dict[str, date] = {}
_DATES_MAX = 16384


def _valid_amount(value: Any) -> Decimal | None:
    """``value`` as an amount when ``_Reader.money`` would accept it (same value), else ``None``.

    Compared as the number it is (a float's shortest text is on the same side of 0 and of ``MAX_AMOUNT``,
    both exact floats, as the float), and its decimals counted on that text (``str`` of a float has a point,
    or an exponent): the same ``Decimal`` as ``Decimal(str(value))`` cut to the cent beyond two decimals.
    """
    cls = value.__class__
    if cls is float:
        if not 0.0 <= value <= _MAX_FLOAT:  # also false for NaN and the infinities
            return None
        text = str(value)
        amount = Decimal(text)
        if "e" in text:
            if amount.as_tuple().exponent < -2:
                amount = cents(amount)
        elif len(text) - text.index(".") > 3:
            amount = cents(amount)
        return amount
    if cls is int and 0 <= value <= _MAX_INT:
        return Decimal(value)  # the same Decimal as ``Decimal(str(value))``: exponent 0
    return None


_MAX_FLOAT = float(MAX_AMOUNT)
_MAX_INT = int(MAX_AMOUNT)
_ZERO = Decimal(0)


# --------------------------------------------------------------------------- the parser


def parse_situation(data: Any, *, today: date) -> Situation:
    """Validate a decoded contract situation and build the ``Situation``.

    ``today`` is the default request date (the contract makes ``request_date`` optional).
    Raises ``InvalidSituation`` with every problem found.
    """
    r = _Reader()
    if not isinstance(data, dict):
        raise InvalidSituation([FieldError("", "La situation doit être un objet JSON ({…}).")])

    request_date = r.field(Situation, "request_date", data, "") or today
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
    members, member_ids = _parse_members(r, data.get("members"), request_date)
    resources = _parse_resources(r, data.get("resources"), member_ids)

    benefits: set[Benefit] = set()
    for i, value in enumerate(r.items(Situation, "current_benefits", data.get("current_benefits"))):
        b = r.choice(value, f"current_benefits[{i}]", Benefit)
        if b is not None:
            benefits.add(b)

    coverage = r.obj(data.get("coverage"), "coverage", required=False) or {}
    complementary = r.field(Situation, "complementary", coverage, "")

    coverage_extra = _parse_coverage(r, coverage)
    if complementary is Complementary.AME and coverage_extra.base is not BaseCover.FRENCH and coverage_extra.base is not BaseCover.NONE:
        r.error("coverage.base", "L'aide médicale de l'État concerne les personnes sans couverture maladie : choisissez « none ».")
    health = _parse_health(r, data.get("health"), member_ids, request_date)
    planned_care = _parse_planned_care(r, data.get("planned_care"), member_ids, request_date)

    individual_application = r.field(Situation, "individual_application", data, "")
    if individual_application is not None and individual_application is not IndividualApplication.YOUNG_PARENT \
            and any(m.role is Role.PARTNER for m in members):
        r.error("individual_application", "Une demande à titre individuel ne comprend pas de conjoint : retirez-le "
                "du foyer, ou ne choisissez pas ce cas.")

    difficulties: set[Difficulty] = set()
    for i, value in enumerate(r.items(Situation, "difficulties", data.get("difficulties"))):
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
    values = r.read(Coverage, obj, "coverage")
    base, irregular, months = values["base"], values["irregular_stay"], values["months_in_france"]
    if base is not BaseCover.NONE and (irregular is not None or months is not None):
        for key in ("irregular_stay", "months_in_france"):
            if obj.get(key) is not None:
                r.error(f"coverage.{key}", "Ne concerne qu'une personne sans couverture maladie (coverage.base « none »).")
    return Coverage(base or BaseCover.FRENCH, irregular, months)


def _parse_residence(r: _Reader, value: Any) -> Residence:
    obj = r.obj(value, "residence")
    if obj is None:
        return Residence(Territory.METROPOLE)
    values = r.read(Residence, obj, "residence")
    territory, department, alsace_moselle = values["territory"], values["department"], values["alsace_moselle"]
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
    values = r.read(Housing, obj, "housing")
    status, aid = values["status"], values["housing_aid_monthly"] or Decimal("0")
    if aid > 10000:
        r.error("housing.housing_aid_monthly", "Montant mensuel trop élevé pour une aide au logement : vérifiez la saisie.")
    if aid > 0 and status in (HousingStatus.HOMELESS,):
        r.error("housing.housing_aid_monthly", "Une personne sans domicile stable ne reçoit pas d'aide au logement : mettez 0.")
    return Housing(status, aid)


def _parse_members(r: _Reader, value: Any, request_date: date) -> tuple[list[Member], set[str]]:
    """The members read, and every identifier given to one, including a member refused for another field: the
    lines that name that member (resources, health, care) are then not also said to name nobody."""
    if value is None:
        r.error("members", "Ce champ est obligatoire : la liste des personnes du foyer.")
        return [], set()
    items = r.items(Situation, "members", value)
    if isinstance(value, list) and not value:
        r.error("members", "Le foyer doit comporter au moins le demandeur ou la demandeuse.")
    members: list[Member] = []
    seen_ids: set[str] = set()
    path = ""

    def unique_id(member_id: str | None, values: dict) -> str | None:
        if member_id is not None:
            if member_id in seen_ids:
                r.error(f"{path}.id", "Cet identifiant est déjà utilisé par une autre personne du foyer.")
            seen_ids.add(member_id)
        return member_id

    def born_before(birth_date: date | None, values: dict) -> date | None:
        if birth_date is not None:
            if birth_date > request_date:
                r.error(f"{path}.birth_date", "Date dans le futur : la date de naissance doit précéder la date de la demande.")
            elif birth_date.year < 1900:
                r.error(f"{path}.birth_date", "Date de naissance trop ancienne : vérifiez l'année.")
        return birth_date

    def custody_of_a_child(shared_custody: bool, values: dict) -> bool:
        if shared_custody and values["role"] not in (Role.CHILD, Role.OTHER_DEPENDENT, None):
            r.error(f"{path}.shared_custody", "La résidence alternée ne concerne que les enfants.")
        return shared_custody

    def stopped_working(no_work_since: date | None, values: dict) -> date | None:
        if no_work_since and no_work_since > request_date:
            r.error(f"{path}.no_work_since", "Cette date est après la demande : indiquez depuis quand la personne ne "
                    "travaille plus.")
            no_work_since = None
        if no_work_since and values["activity"] in WORKING_ACTIVITIES:
            r.error(f"{path}.no_work_since", "Cette personne travaille aujourd'hui (activité) : pas de date de fin "
                    "de travail.")
            no_work_since = None
        return no_work_since

    checks = {"id": unique_id, "birth_date": born_before, "shared_custody": custody_of_a_child,
              "no_work_since": stopped_working}
    applicants = partners = 0
    for i, item in enumerate(items):
        path = f"members[{i}]"
        obj = r.obj(item, path)
        if obj is None:
            continue
        values = r.read(Member, obj, path, checks)
        role = values["role"]
        applicants += role is Role.APPLICANT
        partners += role is Role.PARTNER
        if values["id"] and role and values["birth_date"]:
            values["activity"] = values["activity"] or Activity.INACTIVE
            members.append(Member(**values))
    if items and applicants != 1:
        r.error("members", "Le foyer doit comporter exactement un demandeur ou une demandeuse (role « applicant »).")
    if partners > 1:
        r.error("members", "Le foyer ne peut comporter qu'un seul conjoint (role « partner »).")
    return members, seen_ids


def _member_ref(r: _Reader, member_id: str | None, path: str, member_ids: set[str]) -> str | None:
    """``member_id`` (already read as an identifier) when it names a member of the household."""
    if member_id is not None and member_id not in member_ids:
        r.error(path, "Cette personne n'existe pas dans le foyer (identifiant inconnu).")
        return None
    return member_id


def _parse_resources(r: _Reader, value: Any, member_ids: set[str]) -> list[Resource]:
    resources: list[Resource] = []
    seen: dict[tuple[str, str], bool] = {}  # (member, type) → dated?
    for i, item in enumerate(r.items(Situation, "resources", value)):
        path = f"resources[{i}]"
        obj = r.obj(item, path)
        if obj is None:
            continue
        member = _member_ref(r, r.field(Resource, "member", obj, path), f"{path}.member", member_ids)
        rtype = r.field(Resource, "type", obj, path)
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
            amount = r.field(Resource, "amount", obj, path, required=True)
            if member and rtype and amount is not None:
                resources.append(Resource(member, rtype, amount))
            continue
        line = _dated_line(r, obj, path, forms[0])
        if member and rtype and line is not None:
            resources.append(Resource(member, rtype, Decimal("0"), **line))
    return resources



def _dated_line(r: _Reader, obj: dict, path: str, form: str) -> dict | None:
    """The dated part of a resource line: ``monthly_amount`` with ``from`` / ``until``, or ``monthly``."""
    errors = len(r.errors)
    if form == "monthly_amount":
        monthly_amount = r.field(Resource, "monthly_amount", obj, path, required=True)
        start = r.field(Resource, "start", obj, path)
        end = r.field(Resource, "end", obj, path)
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
        amount = r.field(MonthAmount, "amount", month_obj, entry_path)
        if month is not None and amount is not None:
            months[month] = amount
    if len(r.errors) > errors:
        return None
    return {"months": tuple(sorted(months.items()))}


def _parse_health(r: _Reader, value: Any, member_ids: set[str], request_date: date) -> list[HealthSituation]:
    health: list[HealthSituation] = []
    seen: set[str] = set()
    for i, item in enumerate(r.items(Situation, "health", value)):
        path = f"health[{i}]"
        obj = r.obj(item, path)
        if obj is None:
            continue
        member = _member_ref(r, r.field(HealthSituation, "member", obj, path), f"{path}.member", member_ids)
        if member in seen:
            r.error(f"{path}.member", "La santé de cette personne est déjà décrite : regroupez-la sur une seule ligne.")
        due = r.field(HealthSituation, "pregnancy_due_date", obj, path)
        if due is not None and not (request_date.toordinal() - 60 <= due.toordinal() <= request_date.toordinal() + 300):
            r.error(f"{path}.pregnancy_due_date", "Date prévue d'accouchement invalide : elle doit tomber dans les 10 mois qui suivent la demande.")
            due = None
        flags = {
            key: r.field(HealthSituation, key, obj, path)
            for key in ("ald", "work_accident", "military_pension", "aeeh_child", "organ_donor", "terrorism_victim",
                        "sexual_violence_minor")
        }
        incapacity = r.field(HealthSituation, "work_accident_incapacity", obj, path)
        if incapacity is not None:
            flags["work_accident"] = True
        if member:
            flags["work_accident_incapacity"] = incapacity
            seen.add(member)
            health.append(HealthSituation(member=member, pregnancy_due_date=due, **flags))
    return health


def _parse_planned_care(r: _Reader, value: Any, member_ids: set[str], request_date: date) -> list[PlannedCare]:
    care: list[PlannedCare] = []
    for i, item in enumerate(r.items(Situation, "planned_care", value)):
        path = f"planned_care[{i}]"
        obj = r.obj(item, path)
        if obj is None:
            continue
        kind = r.field(PlannedCare, "kind", obj, path)
        member = _member_ref(r, r.field(PlannedCare, "member", obj, path), f"{path}.member", member_ids)
        fields: dict[str, Any] = {}
        if kind is CareKind.HOSPITALISATION:
            admission = r.field(PlannedCare, "admission_date", obj, path)
            discharge = r.field(PlannedCare, "discharge_date", obj, path)
            days = r.field(PlannedCare, "days", obj, path, required=admission is None and discharge is None)
            fields["days"] = _stay_days(r, path, admission, discharge, days, request_date)
            fields["admission_date"], fields["discharge_date"] = admission, discharge
            fields["psychiatric"] = r.field(PlannedCare, "psychiatric", obj, path)
            fields["single_room_daily"] = r.field(PlannedCare, "single_room_daily", obj, path)
            fields["home"] = r.field(PlannedCare, "home", obj, path)
            if fields["home"] and fields["single_room_daily"]:
                r.error(f"{path}.single_room_daily", "Pas de chambre particulière pour une hospitalisation à domicile.")
        elif kind in QUOTED_CARE_KINDS:
            fields.update(_parse_quoted(r, path, kind, obj))
        elif kind is CareKind.CONSULTATION:
            fields["fee"] = r.field(PlannedCare, "fee", obj, path, required=True)
            fields["sector"] = r.field(PlannedCare, "sector", obj, path)
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
        "quote": r.field(PlannedCare, "quote", obj, path),
        "basket": r.field(PlannedCare, "basket", obj, path),
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
        fields["act"] = r.field(PlannedCare, "act", obj, path)
        fields["material"] = r.field(PlannedCare, "material", obj, path)
        fields["tooth"] = r.field(PlannedCare, "tooth", obj, path)
        if fields["tooth"] is not None and fields["act"] is DentalAct.DENTURE:
            r.error(f"{path}.tooth", "La position de la dent ne concerne pas un dentier.")
        if fields["material"] is Material.RESIN and fields["act"] is not DentalAct.DENTURE:
            r.error(f"{path}.material", "La résine ne concerne que les dentiers (act « denture »).")
    elif kind is CareKind.HEARING_AIDS:
        fields["ears"] = r.field(PlannedCare, "ears", obj, path) or 1
    else:
        fields["lenses"] = r.field(PlannedCare, "lenses", obj, path)
    return fields
