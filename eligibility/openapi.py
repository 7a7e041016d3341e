"""The OpenAPI 3.1 document of the simulation API, derived by pydantic from typed schemas.

The schemas below describe the contract's JSON shapes, using the rules' own enums so that closed
lists cannot drift; validation itself is the rules' (``parse_situation``), which adds the checks a
schema cannot express (exactly one applicant, members referenced by id, dates in range…). A test
validates generated situations and the contract's example against these schemas.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import models_json_schema

from eligibility.rules import enums
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
    tax_attached: bool | None = Field(
        None, description="Extension (R861-2, moins de 25 ans) : sur la dernière déclaration de revenus de ses parents "
        "(pour une personne à charge : celle du demandeur ou du conjoint ; pour le demandeur ou le conjoint : celle de "
        "ses propres parents). Absent : non dit (une personne à charge est alors supposée rattachée).",
    )
    lives_with_parents: bool | None = Field(
        None, description="Extension (R861-2, moins de 25 ans) : vit sous le toit de ses parents (mêmes parents que "
        "pour tax_attached).",
    )
    receives_deductible_alimony: bool | None = Field(
        None, description="Extension (R861-2 3°, enfant majeur de moins de 25 ans) : reçoit de ses parents une "
        "pension alimentaire qu'ils déduisent de leurs impôts, non fixée par un juge.",
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
    individual_application: enums.IndividualApplication | None = Field(
        None, description="Extension : demande à titre individuel (service-public.fr F10027) : mineur ou jeune majeur "
        "confié à l'ASE ou suivi par la PJJ, mineur de 16 ans ou plus sans contact avec sa famille, étudiant isolé "
        "aidé par le FNAU, jeune parent de moins de 25 ans, conjoint séparé. Pas de conjoint dans le foyer, sauf pour "
        "young_parent.",
    )


class HouseholdBasisOut(_Open):
    kind: str = Field(description="own (le foyer du demandeur), individual (demande à titre individuel) ou parents "
                      "(la personne fait partie du foyer de ses parents : les montants sont ceux d'une demande seule)")
    code: str = Field(description="Code de la raison (css.household, css.household_basis.*, css.individual.*)")
    text: str
    article: str | None
    href: str | None


class RulesetOut(_Open):
    version: str
    parameters_valid_on: date


class CssOut(_Open):
    status: enums.CssStatus
    household_size: int
    resources: float
    ceiling_free: float
    ceiling_with_participation: float
    monthly_participation: float
    reasons: list[str]
    household_basis: HouseholdBasisOut | None = Field(
        None, description="Extension : quel foyer a servi et pourquoi (R861-2, demandes à titre individuel)")


class HospitalStayOut(_Open):
    member: str
    days: int
    daily_rate: float
    exemption: enums.HospitalExemption | None
    forfait_journalier: float = Field(description="Forfait journalier dû par le patient pour tout le séjour")
    single_room: float | None = Field(description="Supplément chambre particulière pour le séjour (jamais remboursé par la Sécurité sociale)")
    reasons: list[str]


class EmergencyVisitOut(_Open):
    member: str
    flat_fee: float = Field(description="Forfait patient urgences dû (0 si exonéré)")
    exemption: str | None
    reasons: list[str]


class OutOfPocketLineOut(_Open):
    key: str
    charge: str = Field(description="Nature de la charge : forfait_journalier, single_room, emergency_flat_fee, consultation, participation_forfaitaire, dental_prosthesis, glasses, hearing_aids")
    label: str
    billed: float | None = None
    current: dict[str, Any] = Field(description="Avec la couverture actuelle : billed, social_security, complementary (null si inconnue), left, upper_bound (« au plus »), note")
    with_css: dict[str, Any] | None = Field(description="Avec la CSS, si le foyer y a droit (sinon null)")
    details: dict[str, Any] | None = Field(None, description="Soins sur devis : panier, base et taux de la Sécurité sociale, prix limite, limite CSS, plafond du contrat responsable, conseil sans devis (no_quote) ; séjour daté : tarifs jour par jour (rate_segments)")


class OutOfPocketOut(_Open):
    total: float = Field(description="Reste à charge total avec la couverture actuelle")
    total_current: float | None = None
    total_with_css: float | None
    lines: list[OutOfPocketLineOut]


class CpamAidOut(_Open):
    assessment: enums.AidAssessment
    reasons: list[str]


class HelpOut(_Open):
    relevant: bool
    reasons: list[str]


class LocalContactOut(_Open):
    kind: enums.LocalContactKind
    organism: str
    how: str


class LocalAidOut(_Open):
    relevant: bool
    department: str | None
    terms_known: bool = Field(description="Conditions du département connues et sourcées (sinon : demander au CCAS et au département)")
    assessment: enums.AidAssessment | None
    ceiling: float | None
    contacts: list[LocalContactOut]
    reasons: list[str]


class ChecklistItemOut(_Open):
    key: str
    organism: str
    procedure: str
    documents: list[str]
    deadline: str


class ResultOut(_Open):
    """The result (contract v1); the project adds fields (details, reasons) that clients may ignore."""

    request_date: date
    ruleset: RulesetOut
    css: CssOut
    hospital_stays: list[HospitalStayOut]
    emergency_visits: list[EmergencyVisitOut]
    reste_a_charge: OutOfPocketOut
    cpam_aid: CpamAidOut
    help_independants: HelpOut
    local_health_aid: LocalAidOut
    checklist: list[ChecklistItemOut]
    care_guidance: dict[str, Any] | None = Field(None, description="Caisse compétente (CPAM, CGSS outre-mer, CSSM), patients venus d'ailleurs, moyens de payer le reste, choix d'une complémentaire : ce que les chiffres du foyer appellent")
    to_verify: list[str] = Field(default_factory=list)


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
