"""The CSS parameters in force on one date, read once from the YAML files and kept ready for the rules.

``css_parameters(p)`` turns a ``ParametersOn`` snapshot into a ``CssParameters`` bundle: plain attributes
(Decimal amounts, tables, the legal reference of each rule as ``(article, href)``), so that
``evaluate_css`` does no dictionary digging, no date search and no YAML work per household.
All the dates on which the same values are in force share one bundle (a period between two legal
changes), so that what the rules cache per bundle serves every request of that period. No legal figure lives here: they all come from
``eligibility/parameters/css/*.yaml`` and ``eligibility/parameters/rsa/*.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .enums import ResourceTreatment, ResourceType
from .parameters import ParameterFileError, ParameterSet, ParametersOn

#: Articles cited by rules that have no figure of their own (so no parameter file).
_SECTION_R861 = "https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006073189/LEGISCTA000006156821/"
ARTICLE_EXCLUDED = (
    "Code de la sécurité sociale, art. L861-2 et R861-10",
    "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000030055485",
)
ARTICLE_ALIMONY_PAID = ("Code de la sécurité sociale, art. R861-9", _SECTION_R861)
ARTICLE_SELF_EMPLOYMENT = ("Code de la sécurité sociale, art. R861-15", _SECTION_R861)
ARTICLE_RESOURCES = ("Code de la sécurité sociale, art. R861-4 et R861-8", _SECTION_R861)
ARTICLE_NOT_IN_HOUSEHOLD = ("Code de la sécurité sociale, art. R861-2 et R861-4", _SECTION_R861)
ARTICLE_DECISION = (
    "Code de la sécurité sociale, art. L861-1",
    "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037950247",
)

Ref = tuple[str, str]  # (article as printed, href)


def _ref(p: ParametersOn, name: str) -> Ref:
    reference = p.reference(name)
    return reference.title, reference.href


@dataclass(frozen=True, slots=True)
class PublishedTable:
    """A published ceiling table: sizes 1 to 4, then a fixed increment per extra person."""

    free: tuple[Decimal, ...]
    free_extra: Decimal
    with_participation: tuple[Decimal, ...]
    with_participation_extra: Decimal

    def ceilings(self, size: int) -> tuple[Decimal, Decimal]:
        last = len(self.free)
        if size <= last:
            return self.free[size - 1], self.with_participation[size - 1]
        extra = size - last
        return (
            self.free[-1] + extra * self.free_extra,
            self.with_participation[-1] + extra * self.with_participation_extra,
        )


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: a cache key
class CssParameters:
    # household (R861-2, R861-3)
    dependant_age_limit: int
    rank_rates: tuple[Decimal, ...]            # rate of the 2nd, 3rd, 4th person (the 1st counts 1)
    extra_person_rate: Decimal                 # each person from the 5th
    shared_custody_factor: Decimal             # 0.5: half the rate
    shared_custody_age_limit: int              # minors only
    household_ref: Ref
    coefficient_ref: Ref
    # reference period (R861-8)
    period_first_month_back: int
    period_last_month_back: int
    period_months: int
    period_ref: Ref
    # resources
    # Types the contract classes as excluded (``ResourceType.treatment``) but that the law still counted on
    # this date: type → (first date of its exclusion, reference of that change, its to-verify note or None).
    not_yet_excluded: dict[ResourceType, tuple[date, Ref, str | None]]
    abatement_rate: Decimal
    abatement_ref: Ref
    deduction_aah: Decimal
    deduction_asi_single: Decimal
    deduction_asi_couple: Decimal
    deduction_aspa_single: Decimal
    deduction_aspa_couple: Decimal
    deduction_ref: Ref
    # housing flat amount (R861-5, R861-7)
    rsa_base: Decimal
    rsa_household: dict[int, Decimal]          # 1, 2, 3 (= 3 or more)
    housing_aid_rates: dict[int, Decimal]
    housing_aid_ref: Ref
    housing_free_rates: dict[int, Decimal]     # owners without aid, housed free
    housing_free_ref: Ref
    housing_free_to_verify: str | None
    # ceilings (L861-1, R861-3)
    base_free: Decimal
    base_with_participation: Decimal
    ceiling_ref: Ref
    ceiling_to_verify: tuple[str, ...]
    with_participation_rate: Decimal           # 0.35, for the explanation
    territory_coefficients: dict[str, Decimal]
    territory_ref: Ref
    territory_to_verify: str | None
    territory_since: dict[str, date]           # first date each territory appears (Mayotte: 2024-01-01)
    published: dict[str, PublishedTable]       # "metropole" / "outre_mer"
    published_ref: Ref
    # presumptions and participation
    presumptions: dict[str, str]               # benefit → "gratuite", "gratuite_automatique", "participation"…
    presumption_months_without_work: int | None
    presumption_ref: Ref
    presumption_to_verify: dict[str, str]      # benefit → note, for a presumption new at this date
    participation_general: tuple[tuple[int, Decimal], ...]   # (minimum age, monthly), highest first
    participation_alsace_moselle: tuple[tuple[int, Decimal], ...]
    participation_ref: Ref


def _bands(table: dict[Any, Decimal]) -> tuple[tuple[int, Decimal], ...]:
    return tuple(sorted(((int(age), amount) for age, amount in table.items()), reverse=True))


def _sizes(table: dict[Any, Decimal]) -> dict[int, Decimal]:
    return {int(k): v for k, v in table.items()}


def _published(value: dict) -> dict[str, PublishedTable]:
    return {
        zone: PublishedTable(
            tuple(t["gratuite"]), t["gratuite_personne_supplementaire"],
            tuple(t["participation"]), t["participation_personne_supplementaire"],
        )
        for zone, t in value.items()
    }


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _first_dates(p: ParametersOn, name: str) -> dict[str, date]:
    """For a parameter mapping keys to values, the first date each key has a value (all dates, not just ``p.when``)."""
    first: dict[str, date] = {}
    for dated in p.parameter_set[name].values:
        for key in dated.value:
            first.setdefault(key, dated.start)
    return first


def _new_key_notes(p: ParametersOn, name: str) -> dict[str, str]:
    """The ``to_verify`` note of the value in force, attached to the keys that value adds (a new presumption)."""
    entry = p.entry(name)
    if not entry.to_verify:
        return {}
    first = _first_dates(p, name)
    return {key: entry.to_verify for key in entry.value if first.get(key) == entry.start}


_EXCLUSIONS = "css.ressources_exclues"
_CONTRACT_EXCLUDED = tuple(t for t in ResourceType if t.treatment is ResourceTreatment.EXCLUDED)


def _not_yet_excluded(p: ParametersOn) -> dict[ResourceType, tuple[date, Ref, str | None]]:
    """Contract-excluded types missing from the list in force on ``p.when``, with the date they leave the base.

    The list only narrows the contract's classification: a name outside the contract's exclusions, or a
    contract exclusion that no later value adds, is a malformed parameter file.
    """
    contract = {t.value: t for t in _CONTRACT_EXCLUDED}
    parameter = p.parameter_set[_EXCLUSIONS]
    for dated in parameter.values:
        unknown = sorted(set(dated.value) - contract.keys())
        if unknown:
            raise ParameterFileError(
                f"{_EXCLUSIONS} {dated.start}: {', '.join(unknown)} ne sont pas des ressources exclues du contrat")
    in_force = set(p[_EXCLUSIONS])
    out: dict[ResourceType, tuple[date, Ref, str | None]] = {}
    for t in _CONTRACT_EXCLUDED:
        if t.value in in_force:
            continue
        later = next((d for d in parameter.values if d.start > p.when and t.value in d.value), None)
        if later is None:
            raise ParameterFileError(f"{_EXCLUSIONS}: « {t.value} » n'est exclue à aucune date après le {p.when}")
        reference = later.references[0]
        out[t] = (later.start, (reference.title, reference.href), later.to_verify)
    return out


def build_css_parameters(p: ParametersOn) -> CssParameters:
    """Read every CSS parameter in force on ``p.when``. Raises ``ParameterDateError`` before the first value."""
    coefficients = p["css.coefficients_foyer"]
    period = p["css.periode_reference"]
    asi, aspa = p["css.deduction_asi"], p["css.deduction_aspa"]
    participation = p["css.participation_mensuelle"]
    ceiling_notes = tuple(
        note for note in (p.entry("css.plafond_gratuite_base").to_verify,
                          p.entry("css.plafond_participation_base").to_verify) if note
    )
    return CssParameters(
        dependant_age_limit=int(p["css.age_limite_personne_a_charge"]),
        rank_rates=(
            coefficients["deuxieme_personne"],
            coefficients["troisieme_et_quatrieme_personnes"],
            coefficients["troisieme_et_quatrieme_personnes"],
        ),
        extra_person_rate=coefficients["personne_supplementaire"],
        shared_custody_factor=coefficients["reduction_residence_alternee"],
        shared_custody_age_limit=int(coefficients["age_limite_residence_alternee"]),
        household_ref=_ref(p, "css.age_limite_personne_a_charge"),
        coefficient_ref=_ref(p, "css.coefficients_foyer"),
        period_first_month_back=int(period["premier_mois_avant_demande"]),
        period_last_month_back=int(period["dernier_mois_avant_demande"]),
        period_months=int(period["nombre_mois"]),
        period_ref=_ref(p, "css.periode_reference"),
        not_yet_excluded=_not_yet_excluded(p),
        abatement_rate=p["css.abattement_revenus_activite"],
        abatement_ref=_ref(p, "css.abattement_revenus_activite"),
        deduction_aah=p["css.deduction_aah"],
        deduction_asi_single=asi["personne_seule"],
        deduction_asi_couple=asi["couple"],
        deduction_aspa_single=aspa["personne_seule"],
        deduction_aspa_couple=aspa["couple"],
        deduction_ref=_ref(p, "css.deduction_aah"),
        rsa_base=p["rsa.montant_base"],
        rsa_household=_sizes(p["rsa.coefficients_foyer"]),
        housing_aid_rates=_sizes(p["css.forfait_logement_aide"]),
        housing_aid_ref=_ref(p, "css.forfait_logement_aide"),
        housing_free_rates=_sizes(p["css.forfait_logement_sans_aide"]),
        housing_free_ref=_ref(p, "css.forfait_logement_sans_aide"),
        housing_free_to_verify=p.entry("css.forfait_logement_sans_aide").to_verify,
        base_free=p["css.plafond_gratuite_base"],
        base_with_participation=p["css.plafond_participation_base"],
        ceiling_ref=_ref(p, "css.plafond_gratuite_base"),
        ceiling_to_verify=ceiling_notes,
        with_participation_rate=p["css.taux_majoration_participation"],
        territory_coefficients=dict(p["css.coefficient_outre_mer"]),
        territory_ref=_ref(p, "css.coefficient_outre_mer"),
        territory_to_verify=p.entry("css.coefficient_outre_mer").to_verify,
        territory_since=_first_dates(p, "css.coefficient_outre_mer"),
        published=_published(p["css.bareme_publie"]),
        published_ref=_ref(p, "css.bareme_publie"),
        presumptions={k: v for k, v in p["css.presomptions"].items() if isinstance(v, str)},
        presumption_months_without_work=_optional_int(p["css.presomptions"].get("mois_sans_activite")),
        presumption_ref=_ref(p, "css.presomptions"),
        presumption_to_verify=_new_key_notes(p, "css.presomptions"),
        participation_general=_bands(participation["regime_general"]),
        participation_alsace_moselle=_bands(participation["alsace_moselle"]),
        participation_ref=_ref(p, "css.participation_mensuelle"),
    )


_PREFIXES = ("css.", "rsa.")
_BY_DATE: dict[tuple[int, date], tuple[ParameterSet, CssParameters]] = {}
_BY_VALUES: dict[tuple[int, tuple[date, ...]], tuple[ParameterSet, CssParameters]] = {}
_BY_SNAPSHOT: dict[int, tuple[ParametersOn, CssParameters]] = {}
_CACHE_LIMIT = 4096


def css_parameters(p: ParametersOn) -> CssParameters:
    """The bundle for ``p``: one per parameter set and set of values in force, found by date."""
    # Snapshots are kept per date by their parameter set: most calls find theirs here, with one lookup.
    known = _BY_SNAPSHOT.get(id(p))
    if known is not None and known[0] is p:
        return known[1]
    bundle = _css_parameters(p)
    if len(_BY_SNAPSHOT) >= _CACHE_LIMIT:
        _BY_SNAPSHOT.clear()
    _BY_SNAPSHOT[id(p)] = (p, bundle)  # the snapshot is kept alive with its entry: its id cannot be reused
    return bundle


def _css_parameters(p: ParametersOn) -> CssParameters:
    parameter_set = p.parameter_set
    key = (id(parameter_set), p.when)
    hit = _BY_DATE.get(key)
    if hit is not None and hit[0] is parameter_set:
        return hit[1]
    in_force = tuple(
        parameter.entry_at(p.when).start
        for name, parameter in sorted(parameter_set.parameters.items()) if name.startswith(_PREFIXES)
    )
    values_key = (id(parameter_set), in_force)
    shared = _BY_VALUES.get(values_key)
    if shared is None or shared[0] is not parameter_set:
        shared = (parameter_set, build_css_parameters(p))
        if len(_BY_VALUES) >= _CACHE_LIMIT:
            _BY_VALUES.clear()
        _BY_VALUES[values_key] = shared
    if len(_BY_DATE) >= _CACHE_LIMIT:
        _BY_DATE.clear()
    # The parameter set is kept alive with its bundle, so that its id cannot be reused while cached.
    _BY_DATE[key] = shared
    return shared[1]
