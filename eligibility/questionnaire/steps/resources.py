"""Step 4, resources: each person's resources over the 12 months the CSS counts."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from eligibility.rules.enums import Activity, ResourceTreatment, ResourceType
from eligibility.rules.reasons import format_eur

from .. import presenter
from ..fields import AmountField
from .base import Origin, Step, StepForm, Translation, money

MONTHS_PER_PERIOD = 12  # the form's "per month" amounts are multiplied by the 12 months of the period


PERIOD_CHOICES = [
    ("monthly", "Je donne des montants par mois (nous les multiplions par 12)"),
    ("total", "Je donne le total reçu sur les 12 mois"),
]

#: How the resource types are grouped on the page (presentation only; the rules decide what counts).
RESOURCE_GROUPS: tuple[tuple[str, tuple[ResourceType, ...]], ...] = (
    ("Travail", (ResourceType.SALARY,)),
    ("Chômage, arrêt maladie", (ResourceType.UNEMPLOYMENT_BENEFIT, ResourceType.ASS, ResourceType.DAILY_ALLOWANCE)),
    ("Retraite, invalidité, handicap", (
        ResourceType.PENSION, ResourceType.INVALIDITY_PENSION, ResourceType.ASPA, ResourceType.ASI, ResourceType.AAH,
    )),
    ("Famille", (ResourceType.FAMILY_BENEFIT, ResourceType.ALIMONY_RECEIVED, ResourceType.ALIMONY_PAID)),
    ("Épargne et autres revenus", (ResourceType.CAPITAL_INCOME, ResourceType.OTHER_TAXABLE)),
)
#: Asked on the housing page instead (the rules read ``housing.housing_aid_monthly``).
RESOURCES_ASKED_ELSEWHERE = frozenset({ResourceType.HOUSING_AID})
EXCLUDED_RESOURCES: tuple[ResourceType, ...] = tuple(
    t for t in ResourceType
    if t.treatment is ResourceTreatment.EXCLUDED and t not in RESOURCES_ASKED_ELSEWHERE
)
EXCLUDED_GROUP_TITLE = "Ressources qui ne comptent pas"
RESOURCE_HINTS = {
    ResourceType.SALARY: "Le « net à payer avant impôt » de vos fiches de paie.",
    ResourceType.UNEMPLOYMENT_BENEFIT: "Montant versé par France Travail.",
    ResourceType.DAILY_ALLOWANCE: "Versées par l'Assurance Maladie pendant un arrêt de travail.",
    ResourceType.FAMILY_BENEFIT: "Allocations familiales, complément familial, allocation de soutien familial…",
    ResourceType.ALIMONY_PAID: "Ce que vous versez : ce montant est retiré de vos ressources.",
    ResourceType.CAPITAL_INCOME: "Intérêts et loyers imposables. Les livrets A, LDDS, LEP et livret jeune vont plus bas.",
}
SELF_EMPLOYMENT_LABEL = "Revenu net de l'activité indépendante, sur votre dernier avis d'impôt"


def resource_field_name(uid: str, rtype: str) -> str:
    return f"{uid}__{rtype}"


def render_amount_field(bf) -> str:
    """The markup of ``_field.html``'s text input for one amount field, built in Python (the resources page
    holds over a hundred of them: rendering them through templates costs most of its time). Every value is
    escaped by ``format_html``."""
    auto_id = bf.auto_id
    errors = bf.errors
    help_text = bf.help_text
    described = " ".join(
        ([f"{auto_id}_helptext"] if help_text else []) + ([f"{auto_id}_error"] if errors else [])
    )
    value = bf.value()
    parts = [format_html('<div class="field{}">', " field--error" if errors else ""),
             format_html('<label for="{}">{}</label>', auto_id, bf.label)]
    if help_text:
        parts.append(format_html('<p class="hint" id="{}_helptext">{}</p>', auto_id, help_text))
    if errors:
        parts.append(format_html(
            '<p class="error-message" id="{}_error">{}</p>', auto_id,
            format_html_join(" ", '<span class="visually-hidden">Erreur : </span>{}', ((e,) for e in errors)),
        ))
    parts.append(format_html(
        '<input type="text" name="{}" id="{}"{} inputmode="decimal" autocomplete="off" class="input--short" '
        'spellcheck="false"{}{}>',
        bf.html_name, auto_id,
        format_html(' value="{}"', value) if value not in (None, "") else "",
        format_html(' aria-describedby="{}"', described) if described else "",
        mark_safe(' aria-invalid="true"') if errors else "",  # noqa: S308 (constant markup)
    ))
    parts.append(mark_safe("</div>"))  # noqa: S308 (constant markup)
    return mark_safe("\n".join(parts))  # noqa: S308 (every part above is escaped by format_html)


class FieldGroup:
    """A titled group of bound fields; shown open when one of them holds a value or an error."""

    def __init__(self, title: str, fields: list, *, excluded: bool = False, always_open: bool = False):
        self.title, self.fields, self.excluded, self.always_open = title, fields, excluded, always_open

    @property
    def names(self) -> list[str]:
        return [bf.name for bf in self.fields]

    @property
    def is_open(self) -> bool:
        return self.always_open or any(bf.errors or (bf.value() not in (None, "")) for bf in self.fields)

    @property
    def html(self) -> str:
        return mark_safe("\n".join(render_amount_field(bf) for bf in self.fields))  # noqa: S308 (escaped parts)


class ResourcesForm(StepForm):
    """One fieldset per person; amounts per month or for the 12 months of the reference period."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = []
        members = self.answers.members if self.answers else []
        for member in members:
            uid = member["uid"]
            period_name = resource_field_name(uid, "period")
            self.fields[period_name] = forms.ChoiceField(
                label=f"Comment donnez-vous les montants de : {member['title']} ?", choices=PERIOD_CHOICES,
                widget=forms.RadioSelect, initial="monthly",
                error_messages={"required": "Choisissez : montants par mois ou total sur 12 mois."},
            )
            person = {"member": member, "period_name": period_name, "self_employment_name": None, "groups": []}
            if member.get("activity") == Activity.SELF_EMPLOYED.value:
                name = resource_field_name(uid, ResourceType.SELF_EMPLOYMENT.value)
                self.fields[name] = AmountField(
                    label=SELF_EMPLOYMENT_LABEL, required=True,
                    help_text="Le revenu net de l'année sur votre avis d'impôt (ou l'attestation de revenus de "
                    "l'Urssaf). C'est un montant pour l'année : il n'est pas multiplié par 12. Écrivez 0 s'il "
                    "n'y a rien.",
                    error_messages={"required": "Indiquez le revenu de votre dernier avis d'impôt (0 si aucun)."},
                )
                person["self_employment_name"] = name
            for position, (title, types) in enumerate((*RESOURCE_GROUPS, (EXCLUDED_GROUP_TITLE, EXCLUDED_RESOURCES))):
                names = []
                for rtype in types:
                    name = resource_field_name(uid, rtype.value)
                    self.fields[name] = AmountField(
                        label=rtype.label, required=False, help_text=RESOURCE_HINTS.get(rtype, ""),
                    )
                    names.append(name)
                person["groups"].append((title, names, title == EXCLUDED_GROUP_TITLE, position == 0))
            self.people.append(person)
        for person in self.people:
            person["period"] = self[person["period_name"]]
            name = person["self_employment_name"]
            person["self_employment"] = self[name] if name else None
            person["groups"] = [
                FieldGroup(title, [self[n] for n in names], excluded=excluded, always_open=first)
                for title, names, excluded, first in person["groups"]
            ]

    def summary_rows(self):
        rows = []
        for person in self.people:
            period = self.cleaned_data.get(person["period_name"])
            amounts = []
            names = [person["self_employment_name"]] if person["self_employment_name"] else []
            names += [n for g in person["groups"] for n in g.names]
            for name in names:
                value = self.cleaned_data.get(name)
                if value:
                    if name == person["self_employment_name"]:
                        suffix = " (dernier avis d'impôt)"
                    else:
                        suffix = " par mois" if period == "monthly" else " sur 12 mois"
                    amounts.append(f"{self.fields[name].label} : {format_eur(value)}{suffix}")
            rows.append((person["member"]["title"], "; ".join(amounts) or "Aucune ressource"))
        return rows


def to_situation(answers, t: Translation) -> None:
    s = t.situation
    resources = answers.get("ressources") or {}
    s["resources"] = []
    for m in answers.members:
        uid = m["uid"]
        monthly = resources.get(resource_field_name(uid, "period")) == "monthly"
        for rtype in ResourceType:
            name = resource_field_name(uid, rtype.value)
            amount = resources.get(name)
            if not amount:
                continue
            if monthly and rtype is not ResourceType.SELF_EMPLOYMENT:
                amount = amount * MONTHS_PER_PERIOD
            t.trace[f"resources[{len(s['resources'])}]"] = Origin("ressources", name)
            s["resources"].append({"member": t.ids[uid], "type": rtype.value, "amount": money(amount)})


def page_context(wizard) -> dict:
    """The reference period in words, and what the CSS leaves aside."""
    return {
        "period": presenter.reference_period_text(wizard.answers.request_date),
        "excluded_intro": presenter.EXCLUDED_INTRO,
    }


STEP = Step(
    "ressources", "Ressources", ResourcesForm, template="questionnaire/step_resources.html",
    context=page_context, to_situation=to_situation,
)
