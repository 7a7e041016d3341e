"""The OpenAPI 3.1 document of the simulation API, derived by pydantic from typed schemas.

The result schemas are generated from the results' own declarations (``eligibility.rules.contract``: the
entries each result class writes, the same that its serialisers are compiled from), so they cannot drift.
The input schemas describe the contract's JSON shapes, using the rules' own enums so that closed
lists cannot drift; validation itself is the rules' (``parse_situation``), which adds the checks a
schema cannot express (exactly one applicant, members referenced by id, dates in range…). A test
validates generated situations and the contract's example against these schemas.
"""

from __future__ import annotations

import typing
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.json_schema import models_json_schema

from eligibility.rules import contract, enums
from eligibility.rules.engine import result_outputs
from eligibility.rules.situation import (
    DEPARTMENT_RE,
    MAX_HOSPITAL_DAYS,
    MAX_MEMBERS,
    MAX_PLANNED_CARE,
    MAX_RESOURCES,
)


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ResidenceIn(_Open):
    territory: enums.Territory
    department: str | None = Field(None, pattern=DEPARTMENT_RE.pattern, description="Code INSEE du département")
    alsace_moselle: bool = Field(False, description="Affilié au régime local d'Alsace-Moselle")


class HousingIn(_Open):
    status: enums.HousingStatus
    housing_aid_monthly: float = Field(0, ge=0, description="Aide au logement reçue par mois, en euros")


class MemberIn(_Open):
    id: str = Field(min_length=1, max_length=40)
    role: enums.Role
    birth_date: date
    activity: enums.Activity = enums.Activity.INACTIVE
    shared_custody: bool = Field(False, description="Enfant en résidence alternée (compte pour moitié dans le plafond)")
    no_work_since: date | None = Field(
        None, description="Extension : pour une personne qui ne travaille pas aujourd'hui, premier jour sans aucune "
        "activité professionnelle (ESAT compris), au plus tard. Décide de la présomption de droit (trois mois civils "
        "sans activité avant la demande, R861-11) ; absent : non connu, la caisse vérifiera.",
    )


class MonthAmountIn(_Open):
    month: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="Mois, AAAA-MM")
    amount: float = Field(ge=0, description="Montant perçu ce mois-là, en euros")


class ResourceIn(_Open):
    """Une ligne de ressource porte un seul montant : ``amount`` (contrat v1), ``monthly_amount`` (avec ``from``
    et ``until``) ou ``monthly`` (extensions : les règles comptent les mois de la période de référence)."""

    member: str
    type: enums.ResourceType
    amount: float | None = Field(None, ge=0, description="Total perçu sur les 12 mois de référence de la CSS (revenu net du dernier avis d'imposition pour self_employment)")
    monthly_amount: float | None = Field(
        None, ge=0, description="Extension : montant perçu chaque mois civil de « from » à « until » (chacun "
        "facultatif) ; seuls les mois de la période de référence comptent. Pas pour self_employment.",
    )
    from_: date | None = Field(None, alias="from", description="Extension : premier jour de la période du montant mensuel")
    until: date | None = Field(None, description="Extension : dernier jour de la période du montant mensuel")
    monthly: list[MonthAmountIn] | None = Field(
        None, max_length=36, description="Extension : montants mois par mois ; seuls les mois de la période de "
        "référence comptent. Pas pour self_employment.",
    )


class CoverageIn(_Open):
    complementary: enums.Complementary = Field(
        enums.Complementary.NONE,
        description="Complémentaire actuelle : aucune, privée (garanties inconnues, contrat responsable ou non), CSS "
                    "(ou demande en cours), aide médicale de l'État",
    )
    base: enums.BaseCover = Field(
        enums.BaseCover.FRENCH,
        description="Couverture de base : Assurance maladie française, assuré(e) d'un autre pays (UE/EEE/Suisse avec "
                    "CEAM, pays lié par un accord, autre pays) ou aucune couverture",
    )
    irregular_stay: bool | None = Field(None, description="Sans couverture (base « none ») : séjour sans titre de séjour")
    months_in_france: int | None = Field(None, ge=0, le=1200, description="Sans couverture : mois de présence en France")


class HealthIn(_Open):
    member: str
    ald: bool = False
    pregnancy_due_date: date | None = None
    work_accident: bool = False
    military_pension: bool = False
    aeeh_child: bool = False
    work_accident_incapacity: enums.WorkAccidentIncapacity | None = Field(
        None, description="Accident du travail : taux d'incapacité (deux tiers ou plus : pas de forfait urgences)")
    organ_donor: bool = False
    terrorism_victim: bool = False
    sexual_violence_minor: bool = Field(False, description="Mineur victime de violences sexuelles")


class PlannedCareIn(_Open):
    kind: enums.CareKind
    member: str
    days: int | None = Field(None, ge=1, le=MAX_HOSPITAL_DAYS, description="hospitalisation : jours facturés, jour de sortie compris (facultatif avec les dates)")
    admission_date: date | None = Field(None, description="hospitalisation : date d'entrée ; avec la date de sortie, le séjour est compté jour par jour au tarif de chaque jour")
    discharge_date: date | None = Field(None, description="hospitalisation : date de sortie (le même jour que l'entrée : hospitalisation de jour, sans forfait journalier)")
    psychiatric: bool = False
    single_room_daily: float | None = Field(None, ge=0)
    home: bool = False
    quote: float | None = Field(None, ge=0, description="prothèse dentaire, lunettes, aides auditives : montant du devis pour tout l'équipement ; absent : pas encore de devis (le résultat donne le prix « 100 % Santé » et la fourchette usuelle)")
    basket: enums.Basket | None = Field(None, description="100_sante (classe A, classe I, panier 100 % Santé) ou other ; pour une couronne, déduit du matériau et de la dent quand ils sont donnés")
    act: enums.DentalAct | None = Field(None, description="prothèse dentaire : crown (par défaut), bridge, denture")
    material: enums.Material | None = Field(None, description="prothèse dentaire : matériau")
    tooth: enums.ToothPosition | None = Field(None, description="couronne : position de la dent")
    ears: int | None = Field(None, ge=1, le=2, description="aides auditives : nombre d'oreilles (1 par défaut)")
    lenses: enums.LensGrade | None = Field(None, description="lunettes de classe B : complexité des verres (plafond du contrat responsable)")
    fee: float | None = Field(None, ge=0, description="consultation : honoraires")
    sector: enums.Sector | None = None


class SituationIn(_Open):
    """A household's situation (contract v1)."""

    request_date: date | None = Field(None, description="Date de la demande (aujourd'hui par défaut)")
    residence: ResidenceIn
    housing: HousingIn
    members: list[MemberIn] = Field(min_length=1, max_length=MAX_MEMBERS)
    resources: list[ResourceIn] = Field(default_factory=list, max_length=MAX_RESOURCES)
    current_benefits: list[enums.Benefit] = Field(default_factory=list)
    coverage: CoverageIn = Field(default_factory=CoverageIn)
    health: list[HealthIn] = Field(default_factory=list)
    planned_care: list[PlannedCareIn] = Field(default_factory=list, max_length=MAX_PLANNED_CARE)
    difficulties: list[enums.Difficulty] = Field(default_factory=list)


# --------------------------------------------------------------------------- results, from their declarations

#: ``reasons_detail`` items (``reasons.reasons_dict``): the code, the sentence and its legal citation.
ReasonDetailOut = create_model(
    "ReasonDetailOut", __base__=_Open, code=(str, ...), text=(str, ...), article=(str | None, ...), href=(str | None, ...),
)


def _json_type(annotation: Any, models: dict[type, type[BaseModel]]) -> Any:
    """The pydantic type of a contract value of this annotation (money is a JSON number)."""
    inner, nullable = contract.optional(annotation)
    if inner is Decimal:
        result: Any = float
    elif contract.is_declared(inner):
        result = _out_model(inner, models)
    elif contract.item_type(inner) is not None:
        result = list[_json_type(contract.item_type(inner), models)]
    elif typing.get_origin(inner) is dict:
        key, value = typing.get_args(inner)
        result = dict[key, _json_type(value, models)]
    else:
        result = inner
    return result | None if nullable else result


def _out_model(cls: type, models: dict[type, type[BaseModel]]) -> type[BaseModel]:
    """The pydantic model of a declared result (``contract.contract``): its entries, in order."""
    if cls in models:
        return models[cls]
    spec = cls.__contract__
    fields: dict[str, Any] = {}
    for e in spec.entries:
        if e.kind == "reasons":
            fields["reasons"] = (list[str], Field(description="Raisons, en phrases, avec l'article appliqué"))
            fields["reasons_detail"] = (list[ReasonDetailOut], Field(
                description="Les mêmes raisons : code stable, phrase, article et lien (detail=figures : le code seul)"))
            continue
        if e.kind == "label":
            annotation: Any = str | None
        elif e.kind == "float":
            annotation = float | None if contract.optional(contract.entry_type(cls, e))[1] else float
        else:
            annotation = _json_type(contract.entry_type(cls, e), models)
        fields[e.key] = (annotation, Field(description=e.description))
    models[cls] = create_model(spec.schema, __base__=_Open, __doc__=spec.description or cls.__doc__, **fields)
    return models[cls]


def _result_model() -> type[BaseModel]:
    models: dict[type, type[BaseModel]] = {}
    fields: dict[str, Any] = {}
    for key, annotation in result_outputs().items():
        inner, _ = contract.optional(annotation)
        description = inner.__contract__.description if contract.is_declared(inner) else None
        fields[key] = (_json_type(annotation, models), Field(description=description))
    return create_model(
        "ResultOut", __base__=_Open,
        __doc__="The result (contract v1); the project adds fields (details, reasons) that clients may ignore.",
        **fields,
    )


ResultOut = _result_model()


class FieldErrorOut(BaseModel):
    path: str = Field(description="Chemin du champ, par exemple members[1].birth_date")
    message: str


class ErrorsOut(BaseModel):
    errors: list[FieldErrorOut]


@lru_cache(maxsize=1)
def openapi_document() -> dict:
    _, schema = models_json_schema(
        [(SituationIn, "validation"), (ResultOut, "serialization"), (ErrorsOut, "serialization")],
        ref_template="#/components/schemas/{model}",
    )
    errors = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorsOut"}}}
    batch_items, batch_mib = settings.API_MAX_BATCH_ITEMS, settings.API_MAX_BATCH_BODY_BYTES // (1024 * 1024)
    situation, result = {"$ref": "#/components/schemas/SituationIn"}, {"$ref": "#/components/schemas/ResultOut"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "aidsante — API de simulation",
            "version": "1",
            "description": "Complémentaire santé solidaire, frais d'hospitalisation, reste à charge, aides de la CPAM et dispositif Help.",
        },
        "paths": {
            "/api/v1/simulations": {
                "post": {
                    "operationId": "simulate",
                    "summary": "Simuler les droits d'un foyer, ou d'une liste de foyers",
                    "description": (
                        "Le corps est une situation (256 Kio au plus) ou une liste de situations (traitement par lot : "
                        f"{batch_items} situations et {batch_mib} Mio au plus). Une liste reçoit la liste des résultats "
                        "dans le même ordre, envoyée au fil du calcul ; chaque situation est validée séparément, et une "
                        "situation invalide donne une erreur 400 dont le chemin commence par son rang "
                        "([12].members[0].birth_date)."
                    ),
                    "parameters": [{
                        "name": "detail",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "enum": ["full", "figures"], "default": "full"},
                        "description": (
                            "full : le résultat complet du contrat. figures : les montants, statuts, codes et "
                            "identifiants seulement, sans les textes (raisons, notes, libellés, démarches) ; chaque "
                            "valeur donnée est celle du résultat complet au même chemin."
                        ),
                    }],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"oneOf": [
                            situation,
                            {"type": "array", "items": situation, "minItems": 1, "maxItems": batch_items},
                        ]}}},
                    },
                    "responses": {
                        "200": {"description": (
                            "Résultat, ou liste des résultats dans l'ordre des situations. Avec detail=figures, les "
                            "champs de texte (reasons, to_verify, notes, libellés, textes des démarches) sont absents : "
                            "le schéma ResultOut décrit la forme complète."
                        ), "content": {
                            "application/json": {"schema": {"oneOf": [result, {"type": "array", "items": result}]}},
                        }},
                        "400": {"description": "Situation invalide : chaque erreur avec son chemin", "content": errors},
                        "413": {"description": f"Corps de plus de 256 Kio (une situation) ou de {batch_mib} Mio "
                                               f"(une liste), ou plus de {batch_items} situations", "content": errors},
                        "415": {"description": "Corps qui n'est pas du JSON", "content": errors},
                    },
                }
            }
        },
        "components": {"schemas": schema["$defs"]},
    }
