"""Dated legal parameters, one YAML file per parameter (OpenFisca-France style).

A file ``eligibility/parameters/css/plafond_gratuite_base.yaml`` is the parameter
``css.plafond_gratuite_base``. Its shape::

    description: Plafond annuel de ressources …, une personne, métropole
    unit: currency-EUR            # or: rate, year, month, day, /1 …
    metadata:
      last_value_still_valid_on: "2026-11-22"   # date the latest value was last checked
      revaluation_month_day: "04-01"            # optional: yearly revaluation date
    values:
      2019-11-01:
        value: 8951                             # a number, or a mapping / list of numbers
        metadata:
          reference:
            title: Arrêté du 20 mars 2019 …, art. 1
            href: https://www.legifrance.gouv.fr/…
          to_verify: "why the source is weak"    # optional

The loader validates every file once; ``ParameterSet.at(d)`` answers the values in force on date ``d``
(cached per date). Asking for a date before a parameter's first value raises ``ParameterDateError``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

PARAMETERS_DIR = Path(__file__).resolve().parent.parent / "parameters"
STALE_AFTER = timedelta(days=396)  # 13 months


class ParameterFileError(ValueError):
    """A parameter file is malformed: raised at start-up, never at request time."""


class ParameterDateError(LookupError):
    """No value of a parameter is in force on the requested date."""

    def __init__(self, name: str, when: date, first: date):
        self.name, self.when, self.first = name, when, first
        super().__init__(
            f"Le paramètre « {name} » n'a pas de valeur avant le {first.isoformat()} "
            f"(date demandée : {when.isoformat()})."
        )


@dataclass(frozen=True, slots=True)
class Reference:
    title: str
    href: str


@dataclass(frozen=True, slots=True)
class DatedValue:
    start: date
    value: Any  # Decimal, or nested dict/list of Decimal
    references: tuple[Reference, ...]
    to_verify: str | None = None


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    description: str
    unit: str
    values: tuple[DatedValue, ...]  # sorted by start
    last_value_still_valid_on: date
    revaluation_month_day: tuple[int, int] | None = None
    _starts: tuple[date, ...] = field(default=(), repr=False)

    def entry_at(self, when: date) -> DatedValue:
        i = bisect.bisect_right(self._starts, when) - 1
        if i < 0:
            raise ParameterDateError(self.name, when, self._starts[0])
        return self.values[i]

    def at(self, when: date) -> Any:
        return self.entry_at(when).value

    @property
    def latest(self) -> DatedValue:
        return self.values[-1]


def _to_decimal(value: Any, where: str) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: _to_decimal(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [_to_decimal(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, str):
        return value
    raise ParameterFileError(f"{where}: valeur non numérique {value!r}")


def _as_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ParameterFileError(f"{where}: date invalide {value!r}") from exc


def load_parameter(path: Path, name: str) -> Parameter:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParameterFileError(f"{path}: YAML invalide ({exc})") from exc
    if not isinstance(doc, dict):
        raise ParameterFileError(f"{path}: un document YAML de type objet est attendu")
    for key in ("description", "values", "metadata"):
        if key not in doc:
            raise ParameterFileError(f"{path}: clé « {key} » manquante")
    metadata = doc["metadata"] or {}
    if "last_value_still_valid_on" not in metadata:
        raise ParameterFileError(f"{path}: metadata.last_value_still_valid_on manquant")
    revaluation = metadata.get("revaluation_month_day")
    if revaluation is not None:
        try:
            month, day = (int(x) for x in str(revaluation).split("-"))
            date(2000, month, day)
        except ValueError as exc:
            raise ParameterFileError(f"{path}: revaluation_month_day attend MM-JJ") from exc
        revaluation = (month, day)
    raw_values = doc["values"]
    if not isinstance(raw_values, dict) or not raw_values:
        raise ParameterFileError(f"{path}: « values » doit associer au moins une date à une valeur")
    values = []
    for key, entry in raw_values.items():
        start = _as_date(key, f"{path}: values")
        where = f"{path}: values.{start}"
        if not isinstance(entry, dict) or "value" not in entry:
            raise ParameterFileError(f"{where}: « value » manquant")
        refs = ((entry.get("metadata") or {}).get("reference")) or []
        if isinstance(refs, dict):
            refs = [refs]
        references = []
        for ref in refs:
            if not isinstance(ref, dict) or not ref.get("title") or not ref.get("href"):
                raise ParameterFileError(f"{where}: chaque référence a un « title » et un « href »")
            references.append(Reference(str(ref["title"]), str(ref["href"])))
        if not references:
            raise ParameterFileError(f"{where}: référence légale manquante (metadata.reference)")
        to_verify = (entry.get("metadata") or {}).get("to_verify")
        values.append(DatedValue(start, _to_decimal(entry["value"], where), tuple(references), to_verify))
    values.sort(key=lambda v: v.start)
    return Parameter(
        name=name,
        description=str(doc["description"]),
        unit=str(doc.get("unit", "")),
        values=tuple(values),
        last_value_still_valid_on=_as_date(metadata["last_value_still_valid_on"], f"{path}: last_value_still_valid_on"),
        revaluation_month_day=revaluation,
        _starts=tuple(v.start for v in values),
    )


class ParameterSet:
    """Every parameter of a folder, validated once."""

    def __init__(self, parameters: dict[str, Parameter]):
        self.parameters = parameters
        self._snapshots: dict[date, ParametersOn] = {}

    @classmethod
    def load(cls, directory: Path = PARAMETERS_DIR) -> ParameterSet:
        parameters = {}
        for path in sorted(directory.rglob("*.yaml")):
            name = ".".join(path.relative_to(directory).with_suffix("").parts)
            parameters[name] = load_parameter(path, name)
        if not parameters:
            raise ParameterFileError(f"{directory}: aucun paramètre trouvé")
        return cls(parameters)

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self.parameters[name]
        except KeyError:
            raise KeyError(f"Paramètre inconnu : {name}") from None

    def at(self, when: date) -> ParametersOn:
        snapshot = self._snapshots.get(when)
        if snapshot is None:
            if len(self._snapshots) > 4096:
                self._snapshots.clear()
            snapshot = self._snapshots[when] = ParametersOn(self, when)
        return snapshot

    @cached_property
    def valid_on(self) -> date:
        """The oldest ``last_value_still_valid_on`` of all parameters: every figure was checked since.

        Computed once: a loaded set does not change, and every simulation reads it.
        """
        return min(p.last_value_still_valid_on for p in self.parameters.values())


T = TypeVar("T")
K = TypeVar("K")


class Identity:
    """An object as a dictionary key by its identity (it is kept alive with the key, so its id is not reused)."""

    __slots__ = ("obj",)

    def __init__(self, obj: Any):
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identity) and other.obj is self.obj


class ParametersOn:
    """The values in force on one date; ``p["css.plafond_gratuite_base"]``.

    The rules read every figure this way, by the name of its YAML file, so that a grep leads from the file to
    the rule. ``ParameterSet.at`` keeps one snapshot per date, and the snapshot is the only cache of values:
    what a rule derives from several values (a table, a validated list) is kept here too, by ``derived``.
    Snapshots compare and hash by identity, so the rules may also memoise their wording per snapshot.
    """

    __slots__ = ("parameter_set", "when", "_cache", "_references")

    def __init__(self, parameter_set: ParameterSet, when: date):
        self.parameter_set = parameter_set
        self.when = when
        self._cache: dict[Any, Any] = {}
        self._references: dict[str, Reference] = {}

    def __getitem__(self, name: str) -> Any:
        try:
            return self._cache[name]
        except KeyError:
            value = self._cache[name] = self.parameter_set[name].at(self.when)
            return value

    def entry(self, name: str) -> DatedValue:
        """The dated value in force (its references, its "to verify" note), found once per date."""
        key = ("entry", name)
        try:
            return self._cache[key]
        except KeyError:
            found = self._cache[key] = self.parameter_set[name].entry_at(self.when)
            return found

    def value_key(self, name: str) -> Identity:
        """The dated value in force as a key of a memo table: equal on every date where that same value (the same
        object of the same parameter set) is in force, unequal otherwise (another value, or another set)."""
        key = ("value_key", name)
        try:
            return self._cache[key]
        except KeyError:
            found = self._cache[key] = Identity(self.entry(name))
            return found

    def reference(self, name: str) -> Reference:
        """The first reference of the value in force: what a reason citing this parameter cites."""
        try:
            return self._references[name]
        except KeyError:
            reference = self._references[name] = self.entry(name).references[0]
            return reference

    def derived(self, build: Callable[[ParametersOn], T]) -> T:
        """``build(self)``, computed once per date: what a rule derives from the values in force."""
        try:
            return self._cache[build]
        except KeyError:
            value = self._cache[build] = build(self)
            return value

    def derived_for(self, build: Callable[[ParametersOn, K], T], key: K) -> T:
        """``build(self, key)``, computed once per date and ``key``: what a rule derives from the values in force
        for one of a few keys the code names (a parameter's name, a member of an enum). ``key`` must be such an
        immutable value, never one read from a situation, so that this table stays as small as the code."""
        cache_key = (build, key)
        try:
            return self._cache[cache_key]
        except KeyError:
            value = self._cache[cache_key] = build(self, key)
            return value


@lru_cache(maxsize=1)
def default_parameters() -> ParameterSet:
    """The project's parameters, loaded and validated once per process."""
    return ParameterSet.load()


@dataclass(frozen=True, slots=True)
class Staleness:
    name: str
    message: str


def stale_parameters(parameters: ParameterSet, today: date) -> list[Staleness]:
    """Parameters whose value may be out of date on ``today``.

    Stale when ``last_value_still_valid_on`` is more than 13 months old, or when a yearly revaluation
    date (``revaluation_month_day``, e.g. 1 April for CSS ceilings and the RSA amount) has passed
    since the latest value with no new value and no confirmation after it.
    """
    found = []
    for p in parameters.parameters.values():
        checked = p.last_value_still_valid_on
        if today - checked > STALE_AFTER:
            found.append(Staleness(p.name, f"{p.name} : dernière vérification le {checked.isoformat()}, il y a plus de 13 mois."))
            continue
        if p.revaluation_month_day:
            month, day = p.revaluation_month_day
            last_revaluation = date(today.year, month, day)
            if last_revaluation > today:
                last_revaluation = date(today.year - 1, month, day)
            if p.latest.start < last_revaluation and checked < last_revaluation:
                found.append(
                    Staleness(
                        p.name,
                        f"{p.name} : la revalorisation du {last_revaluation.isoformat()} est passée sans nouvelle "
                        f"valeur ni confirmation (dernière valeur au {p.latest.start.isoformat()}).",
                    )
                )
    return found
