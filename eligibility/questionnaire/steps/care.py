"""Step 6, planned care: hospital stays, emergency visits, quotes, consultations (one entry each)."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from eligibility.rules.enums import CareKind, Sector
from eligibility.rules.situation import MAX_HOSPITAL_DAYS

from ..choices import BasketChoices, SectorChoices
from ..fields import AmountField
from .base import DynamicFormSet, Origin, Step, StepForm, Translation, money

MAX_CARE_ITEMS = 20


CARE_TITLES = {
    CareKind.HOSPITALISATION.value: "Hospitalisation",
    CareKind.EMERGENCY_VISIT.value: "Passage aux urgences",
    CareKind.DENTAL_PROSTHESIS.value: "Prothèse dentaire",
    CareKind.GLASSES.value: "Lunettes",
    CareKind.HEARING_AIDS.value: "Aides auditives",
    CareKind.CONSULTATION.value: "Consultation chez un médecin",
}
CARE_FIELDS = {
    CareKind.HOSPITALISATION.value: ("member", "days", "psychiatric", "home", "single_room_daily"),
    CareKind.EMERGENCY_VISIT.value: ("member",),
    CareKind.DENTAL_PROSTHESIS.value: ("member", "quote", "basket"),
    CareKind.GLASSES.value: ("member", "quote", "basket"),
    CareKind.HEARING_AIDS.value: ("member", "quote", "basket"),
    CareKind.CONSULTATION.value: ("member", "fee", "sector"),
}


class CareForm(StepForm):
    kind = forms.ChoiceField(choices=[(k.value, k.label) for k in CareKind], widget=forms.HiddenInput)
    member = forms.ChoiceField(label="Pour qui ?", error_messages={"required": "Choisissez la personne soignée."})
    days = forms.IntegerField(
        label="Nombre de jours à l'hôpital", min_value=1, max_value=MAX_HOSPITAL_DAYS,
        help_text="Comptez le jour d'entrée et le jour de sortie. Par exemple : entrée le lundi, sortie le jeudi = 4 jours.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input--short", "autocomplete": "off"}),
        error_messages={
            "required": "Indiquez le nombre de jours, par exemple 4.",
            "invalid": "Indiquez un nombre entier de jours, par exemple 4.",
            "min_value": "Indiquez au moins 1 jour.",
            "max_value": f"Indiquez au plus {MAX_HOSPITAL_DAYS} jours.",
        },
    )
    psychiatric = forms.BooleanField(label="Séjour en psychiatrie", required=False)
    home = forms.BooleanField(label="Hospitalisation à domicile (HAD)", required=False)
    single_room_daily = AmountField(
        label="Prix de la chambre seule par jour (facultatif)", required=False, max_value=Decimal("10000"),
        help_text="Seulement si vous demandez une chambre seule. Le prix figure sur le devis de l'hôpital.",
    )
    quote = AmountField(
        label="Montant total du devis", max_value=Decimal("1000000"),
        help_text="Le prix total écrit sur le devis, par exemple 1 100 €.",
        error_messages={"required": "Indiquez le montant du devis, par exemple 1 100."},
    )
    basket = forms.ChoiceField(
        label="Offre choisie", choices=BasketChoices.choices, widget=forms.RadioSelect,
        help_text="Le devis indique si l'offre est « 100 % Santé ».",
        error_messages={"required": "Choisissez l'offre indiquée sur le devis."},
    )
    fee = AmountField(
        label="Prix de la consultation", max_value=Decimal("10000"),
        help_text="Ce que le médecin demande, par exemple 30 €.",
        error_messages={"required": "Indiquez le prix de la consultation, par exemple 30."},
    )
    sector = forms.ChoiceField(
        label="Secteur du médecin", choices=SectorChoices.choices, widget=forms.RadioSelect, initial=Sector.SECTOR_1.value,
        help_text="Indiqué sur annuairesante.ameli.fr. Sans information, choisissez le secteur 1.",
        error_messages={"required": "Choisissez le secteur du médecin."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.data.get(self.add_prefix("kind")) if self.is_bound else self.initial.get("kind")
        self.kind_value = kind if kind in CARE_FIELDS else None
        keep = {"kind", *CARE_FIELDS.get(self.kind_value, ("member",))}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        members = self.answers.members if self.answers else []
        self.fields["member"].choices = [("", "Choisissez la personne")] + [(m["uid"], m["title"]) for m in members]
        self.title = CARE_TITLES.get(self.kind_value, "Soin")


class CareFormSet(DynamicFormSet):
    max_entries = MAX_CARE_ITEMS
    intro = ("Indiquez les soins prévus ou déjà reçus et pas encore payés : nous calculons ce qui resterait à "
             "votre charge. Rien de prévu ? Continuez sans rien ajouter.")

    @classmethod
    def add_kinds(cls):
        return {
            CareKind.HOSPITALISATION.value: "Ajouter une hospitalisation",
            CareKind.EMERGENCY_VISIT.value: "Ajouter un passage aux urgences",
            CareKind.DENTAL_PROSTHESIS.value: "Ajouter un devis de prothèse dentaire",
            CareKind.GLASSES.value: "Ajouter un devis de lunettes",
            CareKind.HEARING_AIDS.value: "Ajouter un devis d'aides auditives",
            CareKind.CONSULTATION.value: "Ajouter une consultation",
        }

    def available_kinds(self):
        return self.add_kinds() if len(self.forms) < self.max_entries else {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        counters: dict[str, int] = {}
        for form in self.forms:
            counters[form.kind_value] = counters.get(form.kind_value, 0) + 1
            form.title = f"{form.title} {counters[form.kind_value]}"

    def summary_rows(self):
        if not self.forms:
            return [("Soins prévus", "Aucun")]
        return super().summary_rows()


CareFormSetClass = forms.formset_factory(
    CareForm, formset=CareFormSet, extra=0, max_num=MAX_CARE_ITEMS, validate_max=True, absolute_max=MAX_CARE_ITEMS,
)


def to_situation(answers, t: Translation) -> None:
    s, trace = t.situation, t.trace
    s["planned_care"] = []
    trace["planned_care"] = Origin("soins", None)
    for i, c in enumerate(answers.planned_care):
        item = {"kind": c["kind"], "member": t.ids.get(c["member"], c["member"])}
        if c["kind"] == CareKind.HOSPITALISATION.value:
            item.update(days=c["days"], psychiatric=bool(c.get("psychiatric")), home=bool(c.get("home")))
            if c.get("single_room_daily"):
                item["single_room_daily"] = money(c["single_room_daily"])
        elif c["kind"] == CareKind.CONSULTATION.value:
            item.update(fee=money(c.get("fee")), sector=c.get("sector") or "1")
        elif "quote" in c:
            item.update(quote=money(c.get("quote")), basket=c.get("basket"))
        s["planned_care"].append(item)
        trace[f"planned_care[{i}]"] = Origin("soins", None, i)
        for key in ("kind", "member", "days", "psychiatric", "home", "single_room_daily", "quote", "basket", "fee", "sector"):
            trace[f"planned_care[{i}].{key}"] = Origin("soins", None if key == "kind" else key, i)


STEP = Step(
    "soins", "Soins prévus", CareFormSetClass, template="questionnaire/step_care.html", to_situation=to_situation,
)
