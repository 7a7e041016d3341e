"""Closed lists of the simulation contract (shared/contract/simulation-api.md), with French labels.

The questionnaire derives Django ``TextChoices`` from these (``eligibility.questionnaire.choices``); the
rules stay free of Django.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a plain-French label: ``Member("value", "Libellé")``."""

    def __new__(cls, value: str, label: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label or value
        return obj

    @classmethod
    def values(cls) -> list[str]:
        return [m.value for m in cls]


class Territory(LabelledEnum):
    METROPOLE = "metropole", "France métropolitaine"
    GUADELOUPE = "guadeloupe", "Guadeloupe"
    MARTINIQUE = "martinique", "Martinique"
    GUYANE = "guyane", "Guyane"
    REUNION = "reunion", "La Réunion"
    MAYOTTE = "mayotte", "Mayotte"


OVERSEAS_DEPARTMENT_BY_TERRITORY = {
    Territory.GUADELOUPE: "971",
    Territory.MARTINIQUE: "972",
    Territory.GUYANE: "973",
    Territory.REUNION: "974",
    Territory.MAYOTTE: "976",
}
ALSACE_MOSELLE_DEPARTMENTS = frozenset({"57", "67", "68"})


class HousingStatus(LabelledEnum):
    TENANT = "tenant", "Locataire"
    OWNER = "owner", "Propriétaire"
    HOSTED_FREE = "hosted_free", "Hébergé(e) gratuitement"
    HOMELESS = "homeless", "Sans domicile stable"
    INSTITUTION = "institution", "En établissement ou foyer"


class Role(LabelledEnum):
    APPLICANT = "applicant", "Demandeur ou demandeuse"
    PARTNER = "partner", "Conjoint, partenaire de Pacs ou concubin"
    CHILD = "child", "Enfant"
    OTHER_DEPENDENT = "other_dependent", "Autre personne à charge"


class Activity(LabelledEnum):
    EMPLOYEE = "employee", "Salarié(e)"
    SELF_EMPLOYED = "self_employed", "Travailleur ou travailleuse indépendant(e)"
    UNEMPLOYED_COMPENSATED = "unemployed_compensated", "Au chômage, indemnisé(e)"
    UNEMPLOYED = "unemployed", "Au chômage, sans indemnité"
    SICK_LEAVE_OVER_6_MONTHS = "sick_leave_over_6_months", "En arrêt maladie depuis plus de 6 mois"
    TRAINEE_PAID = "trainee_paid", "Stagiaire de la formation professionnelle rémunéré(e)"
    RETIRED = "retired", "Retraité(e)"
    STUDENT = "student", "Étudiant(e) ou élève"
    INACTIVE = "inactive", "Sans activité"


class ResourceTreatment(StrEnum):
    INCLUDED = "included"
    EXCLUDED = "excluded"
    DEDUCTED = "deducted"


class ResourceType(LabelledEnum):
    # Counted in the CSS resource base (R861-4)
    SALARY = "salary", "Salaires et traitements"
    SELF_EMPLOYMENT = "self_employment", "Revenus d'activité indépendante (dernier avis d'imposition)"
    UNEMPLOYMENT_BENEFIT = "unemployment_benefit", "Allocations chômage (ARE)"
    ASS = "ass", "Allocation de solidarité spécifique (ASS)"
    DAILY_ALLOWANCE = "daily_allowance", "Indemnités journalières (maladie, maternité, accident du travail)"
    PENSION = "pension", "Retraites et pensions"
    INVALIDITY_PENSION = "invalidity_pension", "Pension d'invalidité"
    ASPA = "aspa", "Allocation de solidarité aux personnes âgées (ASPA, minimum vieillesse)"
    ASI = "asi", "Allocation supplémentaire d'invalidité (ASI)"
    AAH = "aah", "Allocation aux adultes handicapés (AAH)"
    FAMILY_BENEFIT = "family_benefit", "Prestations familiales comptées (allocations familiales, complément familial…)"
    ALIMONY_RECEIVED = "alimony_received", "Pensions alimentaires reçues"
    CAPITAL_INCOME = "capital_income", "Revenus du patrimoine et de placements imposables"
    OTHER_TAXABLE = "other_taxable", "Autres revenus imposables"
    # Left out of the base (L861-2, R861-10)
    RSA = "rsa", "Revenu de solidarité active (RSA)"
    PRIME_ACTIVITE = "prime_activite", "Prime d'activité"
    HOUSING_AID = "housing_aid", "Aide au logement (APL, ALF, ALS)"
    AEEH = "aeeh", "Allocation d'éducation de l'enfant handicapé (AEEH) et compléments"
    ARS = "ars", "Allocation de rentrée scolaire"
    PAJE_BASE = "paje_base", "Allocation de base de la Paje"
    PAJE_CMG = "paje_cmg", "Complément de libre choix du mode de garde (CMG)"
    PCH = "pch", "Prestation de compensation du handicap (PCH)"
    APA = "apa", "Allocation personnalisée d'autonomie (APA)"
    ACTP = "actp", "Allocation compensatrice pour tierce personne (ACTP)"
    THIRD_PARTY_ASSISTANCE = "third_party_assistance", "Majoration pour tierce personne"
    SCHOLARSHIP_SOCIAL = "scholarship_social", "Bourse d'études sur critères sociaux"
    ONE_OFF_AID = "one_off_aid", "Aide ou secours ponctuel"
    FAMILY_HELP = "family_help", "Aide financière de la famille ou de proches"
    TAX_FREE_SAVINGS = "tax_free_savings", "Intérêts de l'épargne défiscalisée (livret A, LDDS, LEP, livret jeune)"
    CHILD_DEATH_LUMP_SUM = "child_death_lump_sum", "Capital versé au décès d'un enfant"
    WORK_ACCIDENT_CAPITAL = "work_accident_capital", "Indemnité en capital d'accident du travail"
    CEJ_ALLOWANCE = "cej_allowance", "Allocation du contrat d'engagement jeune (CEJ)"
    # Deducted (R861-9)
    ALIMONY_PAID = "alimony_paid", "Pensions alimentaires versées"

    @property
    def treatment(self) -> ResourceTreatment:
        if self is ResourceType.ALIMONY_PAID:
            return ResourceTreatment.DEDUCTED
        if self.value in _EXCLUDED_RESOURCE_VALUES:
            return ResourceTreatment.EXCLUDED
        return ResourceTreatment.INCLUDED


_EXCLUDED_RESOURCE_VALUES = frozenset(
    {
        "rsa", "prime_activite", "housing_aid", "aeeh", "ars", "paje_base", "paje_cmg", "pch", "apa",
        "actp", "third_party_assistance", "scholarship_social", "one_off_aid", "family_help",
        "tax_free_savings", "child_death_lump_sum", "work_accident_capital", "cej_allowance",
    }
)
EARNED_INCOME_TYPES = frozenset({ResourceType.SALARY, ResourceType.SELF_EMPLOYMENT})
#: Activities that are professional activity today (R861-11: no presumption while someone works).
WORKING_ACTIVITIES = frozenset({Activity.EMPLOYEE, Activity.SELF_EMPLOYED, Activity.TRAINEE_PAID})


class Benefit(LabelledEnum):
    RSA = "rsa", "RSA"
    ASPA = "aspa", "ASPA (minimum vieillesse)"
    ASI = "asi", "ASI"
    AAH = "aah", "AAH"
    ASS = "ass", "ASS"


class Complementary(LabelledEnum):
    NONE = "none", "Aucune complémentaire santé"
    PRIVATE = "private", "Une mutuelle ou assurance complémentaire"
    CSS_FREE = "css_free", "La Complémentaire santé solidaire sans participation"
    CSS_WITH_PARTICIPATION = "css_with_participation", "La Complémentaire santé solidaire avec participation"
    CSS_PENDING = "css_pending", "Une demande de Complémentaire santé solidaire en cours"
    PRIVATE_RESPONSIBLE = "private_responsible", "Un contrat « responsable » (avec le 100 % Santé)"
    PRIVATE_NOT_RESPONSIBLE = "private_not_responsible", "Un contrat non « responsable » (sans le 100 % Santé)"
    AME = "ame", "L'aide médicale de l'État (AME)"


class CareKind(LabelledEnum):
    HOSPITALISATION = "hospitalisation", "Hospitalisation"
    EMERGENCY_VISIT = "emergency_visit", "Passage aux urgences sans hospitalisation"
    DENTAL_PROSTHESIS = "dental_prosthesis", "Prothèse dentaire (couronne, bridge, dentier)"
    GLASSES = "glasses", "Lunettes"
    HEARING_AIDS = "hearing_aids", "Aides auditives"
    CONSULTATION = "consultation", "Consultation médicale"


QUOTED_CARE_KINDS = frozenset({CareKind.DENTAL_PROSTHESIS, CareKind.GLASSES, CareKind.HEARING_AIDS})


class DentalAct(LabelledEnum):
    """Dental prosthesis act (contract: ``planned_care[].act``)."""

    CROWN = "crown", "Couronne"
    BRIDGE = "bridge", "Bridge"
    DENTURE = "denture", "Prothèse amovible (dentier)"


class Material(LabelledEnum):
    """Material of a dental prosthesis (``planned_care[].material``), as the convention's price table names it."""

    METAL = "metal", "Métallique"
    CERAMIC_METAL = "ceramic_metal", "Céramo-métallique"
    ZIRCONIA = "zirconia", "Céramique monolithique zircone"
    CERAMIC = "ceramic", "Céramique monolithique (hors zircone)"
    RESIN = "resin", "Résine (dentier)"
    OTHER = "other", "Autre (céramo-céramique, métal précieux…)"


class ToothPosition(LabelledEnum):
    """Position of the tooth (``planned_care[].tooth``): it decides the 100 % Santé basket of a crown or a bridge.

    ``front`` groups the teeth the crown tables treat alike; ``incisor`` and ``canine_or_first_premolar`` split it
    where the convention does: its only ceramo-metal bridge of the 100 % Santé basket replaces an incisor (HBLD785).
    For a crown, both read as ``front``.
    """

    FRONT = "front", "Incisive, canine ou première prémolaire"
    SECOND_PREMOLAR = "second_premolar", "Deuxième prémolaire"
    MOLAR = "molar", "Molaire"
    INCISOR = "incisor", "Incisive"
    CANINE_OR_FIRST_PREMOLAR = "canine_or_first_premolar", "Canine ou première prémolaire"


class LensGrade(LabelledEnum):
    """Lens complexity of class B glasses (``planned_care[].lenses``), for the responsible contract ceiling."""

    SIMPLE = "simple", "Verres simples"
    COMPLEX = "complex", "Verres complexes (forte correction, progressifs)"
    VERY_COMPLEX = "very_complex", "Verres très complexes"


class QuotedScenario(LabelledEnum):
    """Coverage under which a quoted item is priced."""

    NONE = "none", "Sans complémentaire"
    PRIVATE = "private", "Complémentaire privée (garanties inconnues)"
    PRIVATE_RESPONSIBLE = "private_responsible", "Contrat responsable"
    PRIVATE_NOT_RESPONSIBLE = "private_not_responsible", "Contrat non responsable"
    CSS = "css", "Complémentaire santé solidaire"
    AME = "ame", "Aide médicale de l'État"


class WorkAccidentIncapacity(LabelledEnum):
    """Permanent incapacity rate after a work accident (``health[].work_accident_incapacity``)."""

    TWO_THIRDS_OR_MORE = "two_thirds_or_more", "Incapacité permanente de deux tiers ou plus"
    UNDER_TWO_THIRDS = "under_two_thirds", "Incapacité permanente de moins de deux tiers"


class BaseCover(LabelledEnum):
    """Basic health cover of the person (``coverage.base``): French insurance, a foreign one, or none."""

    FRENCH = "french", "Assurance maladie française"
    EU_CEAM = "eu_ceam", "Assuré(e) dans un autre pays de l'UE, de l'EEE ou en Suisse (carte européenne, CEAM)"
    FOREIGN_AGREEMENT = "foreign_agreement", "Assuré(e) dans un pays lié à la France par un accord de sécurité sociale"
    FOREIGN_NO_AGREEMENT = "foreign_no_agreement", "Assuré(e) dans un autre pays, sans accord avec la France"
    NONE = "none", "Aucune couverture maladie"


class Basket(LabelledEnum):
    CENT_POUR_CENT_SANTE = "100_sante", "Offre « 100 % Santé » (sans reste à charge)"
    OTHER = "other", "Autre offre (tarif libre)"


class Sector(LabelledEnum):
    SECTOR_1 = "1", "Secteur 1 (tarif de la Sécurité sociale)"
    SECTOR_2 = "2", "Secteur 2 (dépassements d'honoraires)"
    OPTAM = "optam", "Secteur 2 adhérent à l'Optam"


class IndividualApplication(LabelledEnum):
    """The cases in which a person may ask for the CSS on his or her own, outside the household of R861-2
    (service-public.fr, fiche F10027 ; circulaire DSS/2A n° 99-701 du 17 décembre 1999)."""

    ASE_PJJ = "ase_pjj", "Enfant ou jeune majeur confié à l'aide sociale à l'enfance (ASE) ou suivi par la protection judiciaire de la jeunesse (PJJ)"
    NO_FAMILY_CONTACT = "no_family_contact", "Mineur de 16 ans ou plus qui n'a plus de contact avec sa famille"
    FNAU_STUDENT = "fnau_student", "Étudiant(e) isolé(e) qui reçoit l'aide annuelle d'urgence du Crous (FNAU)"
    YOUNG_PARENT = "young_parent", "Jeune de moins de 25 ans qui est parent ou attend un enfant"
    SEPARATED_SPOUSE = "separated_spouse", "Conjoint(e) séparé(e) (séparation de fait, divorce en cours)"


class Difficulty(LabelledEnum):
    INCOME_DROP_DUE_TO_HEALTH = "income_drop_due_to_health", "Baisse de revenus à cause de la maladie, d'une maternité ou d'un accident"
    CARE_COSTS_NOT_COVERED = "care_costs_not_covered", "Des soins coûteux mal remboursés"
    HOME_HELP_AFTER_HOSPITAL = "home_help_after_hospital", "Besoin d'aide à domicile après une hospitalisation"
    END_OF_LIFE_CARE = "end_of_life_care", "Accompagnement d'une fin de vie à domicile"
    HOUSING_ADAPTATION = "housing_adaptation", "Adapter le logement ou s'équiper à cause de la santé"
    JOB_RETENTION = "job_retention", "Garder son emploi ou se reconvertir pendant un arrêt maladie"
    COMPLEMENTARY_PREMIUM_TOO_HIGH = "complementary_premium_too_high", "La cotisation de la mutuelle est trop chère"
    SELF_EMPLOYED_CONTRIBUTIONS_UNPAID = "self_employed_contributions_unpaid", "Cotisations sociales d'indépendant impayées"
    SELF_EMPLOYED_FINANCIAL_HARDSHIP = "self_employed_financial_hardship", "Difficultés financières de l'activité indépendante"
    SELF_EMPLOYED_HEALTH_PROBLEM = "self_employed_health_problem", "Problème de santé qui gêne l'activité indépendante"
    SELF_EMPLOYED_FAMILY_OR_SOCIAL_PROBLEM = "self_employed_family_or_social_problem", "Difficulté familiale ou sociale d'un travailleur indépendant"


SELF_EMPLOYED_DIFFICULTIES = frozenset(d for d in Difficulty if d.value.startswith("self_employed_"))


class CssStatus(LabelledEnum):
    FREE = "free", "Complémentaire santé solidaire sans participation financière"
    WITH_PARTICIPATION = "with_participation", "Complémentaire santé solidaire avec participation financière"
    NOT_ELIGIBLE = "not_eligible", "Pas de droit à la Complémentaire santé solidaire"


class HospitalExemption(LabelledEnum):
    CSS = "css", "Bénéficiaire de la Complémentaire santé solidaire"
    # The results say the durations from their parameters (``care.common.exemption_label``), never from here.
    MATERNITY = "maternity", "Maternité (de la fin de la grossesse aux jours qui suivent l'accouchement)"
    NEWBORN = "newborn", "Nouveau-né (premiers jours de vie)"
    WORK_ACCIDENT = "work_accident", "Accident du travail ou maladie professionnelle"
    ALSACE_MOSELLE = "alsace_moselle", "Régime local d'Alsace-Moselle"
    HOME_HOSPITALISATION = "home_hospitalisation", "Hospitalisation à domicile"
    MILITARY_PENSION = "military_pension", "Titulaire d'une pension militaire d'invalidité"
    AEEH_CHILD = "aeeh_child", "Enfant bénéficiaire de l'AEEH"
    AME = "ame", "Bénéficiaire de l'aide médicale de l'État"
    ORGAN_DONOR = "organ_donor", "Donneur ou donneuse d'organes"
    TERRORISM_VICTIM = "terrorism_victim", "Victime d'un acte de terrorisme"
    DAY_CASE = "day_case", "Hospitalisation de jour, sans nuit"


class EmergencyExemption(LabelledEnum):
    """Why the forfait patient urgences is not due (contract: ``emergency_visits[].exemption``)."""

    CSS = "css", "Bénéficiaire de la Complémentaire santé solidaire (le forfait est payé par la CSS)"
    MATERNITY = "maternity", "Assurance maternité (de la fin de la grossesse aux jours qui suivent l'accouchement)"
    NEWBORN = "newborn", "Nouveau-né (premiers jours de vie)"
    MILITARY_PENSION = "military_pension", "Titulaire d'une pension militaire d'invalidité"
    INVALIDITY_PENSION = "invalidity_pension", "Titulaire d'une pension d'invalidité"
    NOT_IN_FORCE = "not_in_force", "Forfait patient urgences pas encore en vigueur à cette date"
    AME = "ame", "Bénéficiaire de l'aide médicale de l'État"
    ORGAN_DONOR = "organ_donor", "Donneur ou donneuse d'organes"
    TERRORISM_VICTIM = "terrorism_victim", "Victime d'un acte de terrorisme"
    SEXUAL_VIOLENCE_MINOR = "sexual_violence_minor", "Mineur victime de violences sexuelles"
    WORK_ACCIDENT = "work_accident", "Accident du travail avec incapacité de deux tiers ou plus"


class ParticipationExemption(LabelledEnum):
    """Why the participation forfaitaire is not due on a consultation."""

    CSS = "css", "Bénéficiaire de la Complémentaire santé solidaire"
    UNDER_18 = "under_18", "Moins de 18 ans"
    MATERNITY = "maternity", "Assurance maternité (à partir du 6e mois de grossesse)"
    AME = "ame", "Bénéficiaire de l'aide médicale de l'État"


class AidAssessment(LabelledEnum):
    LIKELY = "likely", "Aide probable"
    POSSIBLE = "possible", "Aide possible"
    UNLIKELY = "unlikely", "Aide peu probable"


class LocalContactKind(LabelledEnum):
    """Whom to ask for a local optional aid (``local_health_aid.contacts[].kind``)."""

    CCAS = "ccas", "CCAS de la commune"
    DEPARTEMENT = "departement", "Département"


class AidCategory(LabelledEnum):
    """Kinds of CPAM individual financial aid a need matches (``cpam_aid.needs[].category``)."""

    CARE_COSTS = "care_costs", "Frais de soins médicalement justifiés mal ou non remboursés"
    COMPLEMENTARY_PREMIUM = "complementary_premium", "Aide au paiement d'une complémentaire santé"
    INCOME_DROP = "income_drop", "Aide exceptionnelle après une baisse de revenus due à la maladie, la maternité, un accident du travail ou un décès"
    HOME_HELP = "home_help", "Aide ou soins à domicile après une hospitalisation ou en fin de vie"
    JOB_RETENTION = "job_retention", "Maintien dans l'emploi ou reconversion pendant un arrêt de travail"
    HOME_ADAPTATION = "home_adaptation", "Adaptation du logement et équipement (souvent avec la MDPH)"
