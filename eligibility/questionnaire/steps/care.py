"""Step 6, planned care: hospital stays, emergency visits, quotes, consultations (one entry each)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import CareKind, DentalAct, Material, Sector, ToothPosition
from eligibility.rules.situation import MAX_HOSPITAL_DAYS, stay_days

from ..choices import BasketChoices, SectorChoices
from ..fields import AmountField, FrenchDateField
from .base import DynamicFormSet, Origin, Step, StepForm, Translation, money

MAX_CARE_ITEMS = 20


CARE_TITLES = {
    CareKind.HOSPITALISATION.value: _("Hospitalisation"),
    CareKind.EMERGENCY_VISIT.value: _("Passage aux urgences"),
    CareKind.DENTAL_PROSTHESIS.value: _("Prothèse dentaire"),
    CareKind.GLASSES.value: _("Lunettes"),
    CareKind.HEARING_AIDS.value: _("Aides auditives"),
    CareKind.CONSULTATION.value: _("Consultation chez un médecin"),
}
CARE_FIELDS = {
    CareKind.HOSPITALISATION.value: ("member", "admission_date", "discharge_date", "days", "psychiatric", "home",
                                     "single_room_daily"),
    CareKind.EMERGENCY_VISIT.value: ("member",),
    CareKind.DENTAL_PROSTHESIS.value: ("member", "act", "tooth", "bridge_incisor", "material", "quote", "basket"),
    CareKind.GLASSES.value: ("member", "quote", "basket"),
    CareKind.HEARING_AIDS.value: ("member", "ears", "quote", "basket"),
    CareKind.CONSULTATION.value: ("member", "fee", "sector"),
}
DONT_KNOW = ("", _("Je ne sais pas"))
#: Plain words for the dental choices (the rules' labels follow the convention's vocabulary).
ACT_CHOICES = [
    (DentalAct.CROWN.value, _("Une couronne (sur une dent abîmée)")),
    (DentalAct.BRIDGE.value, _("Un bridge (pour remplacer une dent absente)")),
    (DentalAct.DENTURE.value, _("Un dentier (appareil amovible)")),
]
TOOTH_CHOICES = [
    (ToothPosition.FRONT.value, _("Une dent de devant (incisive, canine ou première prémolaire)")),
    (ToothPosition.SECOND_PREMOLAR.value, _("Une deuxième prémolaire")),
    (ToothPosition.MOLAR.value, _("Une molaire (dent du fond)")),
    DONT_KNOW,
]
#: Asked only for a bridge replacing a front tooth: the ceramo-metal bridge of the 100 % Santé basket replaces an
#: incisor, not a canine or a first premolar (HBLD785). "Je ne sais pas" keeps ``front``.
BRIDGE_INCISOR_CHOICES = [
    ("yes", _("Oui, une incisive (une des quatre dents du milieu, en haut ou en bas)")),
    ("no", _("Non, une canine ou une première prémolaire (plus sur le côté)")),
    DONT_KNOW,
]
BRIDGE_TOOTH = {"yes": ToothPosition.INCISOR.value, "no": ToothPosition.CANINE_OR_FIRST_PREMOLAR.value}
MATERIAL_CHOICES = [
    DONT_KNOW,
    (Material.METAL.value, _("Métal")),
    (Material.CERAMIC_METAL.value, _("Céramo-métallique (métal recouvert de céramique)")),
    (Material.ZIRCONIA.value, _("Zircone")),
    (Material.CERAMIC.value, _("Céramique (autre que zircone)")),
    (Material.RESIN.value, _("Résine (dentier)")),
    (Material.OTHER.value, _("Autre matériau")),
]


class CareForm(StepForm):
    kind = forms.ChoiceField(choices=[(k.value, _(k.label)) for k in CareKind], widget=forms.HiddenInput)
    member = forms.ChoiceField(label=_("Pour qui ?"), error_messages={"required": _("Choisissez la personne soignée.")})
    admission_date = FrenchDateField(
        label=_("Date d'entrée, si vous la connaissez"), required=False,
        help_text=_("Avec les deux dates, chaque jour est compté au tarif en vigueur ce jour-là. Par exemple : "
                    "27/02/2026 (jour/mois/année)."),
    )
    discharge_date = FrenchDateField(
        label=_("Date de sortie, si vous la connaissez"), required=False,
        help_text=_("Entrée et sortie le même jour : hospitalisation de jour, sans forfait journalier."),
    )
    days = forms.IntegerField(
        label=_("Nombre de jours à l'hôpital"), min_value=1, max_value=MAX_HOSPITAL_DAYS, required=False,
        help_text=_("Comptez le jour d'entrée et le jour de sortie. Par exemple : entrée le lundi, sortie le jeudi = 4 jours."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input--short", "autocomplete": "off"}),
        error_messages={
            "required": _("Indiquez le nombre de jours, par exemple 4."),
            "invalid": _("Indiquez un nombre entier de jours, par exemple 4."),
            "min_value": _("Indiquez au moins 1 jour."),
            "max_value": format_lazy(_("Indiquez au plus {days} jours."), days=MAX_HOSPITAL_DAYS),
        },
    )
    psychiatric = forms.BooleanField(label=_("Séjour en psychiatrie"), required=False)
    home = forms.BooleanField(label=_("Hospitalisation à domicile (HAD)"), required=False)
    single_room_daily = AmountField(
        label=_("Prix de la chambre seule par jour (facultatif)"), required=False, max_value=Decimal("10000"),
        help_text=_("Seulement si vous demandez une chambre seule. Le prix figure sur le devis de l'hôpital."),
    )
    act = forms.ChoiceField(
        label=_("Quelle prothèse ?"), choices=ACT_CHOICES, widget=forms.RadioSelect, initial=DentalAct.CROWN.value,
        required=False, help_text=_("Sans réponse, nous comptons une couronne."),
    )
    tooth = forms.ChoiceField(
        label=_("Pour une couronne ou un bridge : quelle dent ?"), choices=TOOTH_CHOICES, widget=forms.RadioSelect,
        required=False, help_text=_("La position de la dent décide si une couronne peut être « 100 % Santé »."),
    )
    bridge_incisor = forms.ChoiceField(
        label=_("Le bridge remplace-t-il une incisive ?"), choices=BRIDGE_INCISOR_CHOICES, widget=forms.RadioSelect,
        required=False,
        help_text=_("Seul un bridge qui remplace une incisive peut être « 100 % Santé » en céramo-métallique."),
    )
    material = forms.ChoiceField(
        label=_("Matériau, s'il est écrit sur le devis"), choices=MATERIAL_CHOICES, required=False,
    )
    ears = forms.ChoiceField(
        label=_("Pour combien d'oreilles ?"), choices=[("1", _("Une oreille")), ("2", _("Les deux oreilles"))],
        widget=forms.RadioSelect, initial="1", required=False,
    )
    quote = AmountField(
        label=_("Montant total du devis, si vous l'avez"), max_value=Decimal("1000000"), required=False,
        help_text=_("Le prix total écrit sur le devis, par exemple 1 100 €. Pas encore de devis ? Laissez vide : nous "
                    "vous donnons le prix « 100 % Santé » et ce qu'il faut demander."),
    )
    basket = forms.ChoiceField(
        label=_("Offre choisie"), choices=[*BasketChoices.choices, ("", _("Je ne sais pas encore"))],
        widget=forms.RadioSelect, required=False,
        help_text=_("Le devis indique si l'offre est « 100 % Santé »."),
    )
    fee = AmountField(
        label=_("Prix de la consultation"), max_value=Decimal("10000"),
        help_text=_("Ce que le médecin demande, par exemple 30 €."),
        error_messages={"required": _("Indiquez le prix de la consultation, par exemple 30.")},
    )
    sector = forms.ChoiceField(
        label=_("Secteur du médecin"), choices=SectorChoices.choices, widget=forms.RadioSelect, initial=Sector.SECTOR_1.value,
        help_text=_("Indiqué sur annuairesante.ameli.fr. Sans information, choisissez le secteur 1."),
        error_messages={"required": _("Choisissez le secteur du médecin.")},
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
        self.fields["member"].choices = [("", _("Choisissez la personne"))] + [(m["uid"], m["title"]) for m in members]
        self.title = CARE_TITLES.get(self.kind_value, _("Soin"))
        if "bridge_incisor" in self.fields:
            # Opens on a bridge replacing a front tooth (questionnaire.css; all shown where :has is unknown).
            self.fields["bridge_incisor"].reveal_when = (
                (self.add_prefix("act"), DentalAct.BRIDGE.value), (self.add_prefix("tooth"), ToothPosition.FRONT.value),
            )

    def clean(self):
        data = super().clean()
        if self.kind_value != CareKind.HOSPITALISATION.value:
            if data.get("act") == DentalAct.DENTURE.value and data.get("tooth"):
                data["tooth"] = ""
            if data.get("act") != DentalAct.BRIDGE.value or data.get("tooth") != ToothPosition.FRONT.value:
                data["bridge_incisor"] = ""
            if data.get("material") == Material.RESIN.value and data.get("act") != DentalAct.DENTURE.value:
                self.add_error("material", _("La résine ne concerne que les dentiers : choisissez un autre matériau."))
            return data
        admission, discharge = data.get("admission_date"), data.get("discharge_date")
        if (admission is None) != (discharge is None) and "admission_date" not in self.errors and "discharge_date" not in self.errors:
            missing = "discharge_date" if discharge is None else "admission_date"
            self.add_error(missing, _("Indiquez aussi cette date, ou laissez les deux dates vides."))
        elif admission is not None and discharge is not None:
            if discharge < admission:
                self.add_error("discharge_date", _("La date de sortie doit suivre la date d'entrée."))
            elif stay_days(admission, discharge) > MAX_HOSPITAL_DAYS:
                self.add_error("discharge_date", _("Séjour trop long : %(n)s jours au plus.") % {"n": MAX_HOSPITAL_DAYS})
            else:
                data["days"] = None
        elif data.get("days") is None and "days" not in self.errors:
            self.add_error("days", _("Indiquez le nombre de jours, par exemple 4, ou les dates du séjour."))
        return data


class CareFormSet(DynamicFormSet):
    max_entries = MAX_CARE_ITEMS
    intro = _("Indiquez les soins prévus ou déjà reçus et pas encore payés : nous calculons ce qui resterait à "
              "votre charge. Rien de prévu ? Continuez sans rien ajouter.")

    @classmethod
    def add_kinds(cls):
        return {
            CareKind.HOSPITALISATION.value: _("Ajouter une hospitalisation"),
            CareKind.EMERGENCY_VISIT.value: _("Ajouter un passage aux urgences"),
            CareKind.DENTAL_PROSTHESIS.value: _("Ajouter une prothèse dentaire (avec ou sans devis)"),
            CareKind.GLASSES.value: _("Ajouter des lunettes (avec ou sans devis)"),
            CareKind.HEARING_AIDS.value: _("Ajouter des aides auditives (avec ou sans devis)"),
            CareKind.CONSULTATION.value: _("Ajouter une consultation"),
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
            return [(_("Soins prévus"), _("Aucun"))]
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
            item.update(psychiatric=bool(c.get("psychiatric")), home=bool(c.get("home")))
            if c.get("admission_date") and c.get("discharge_date"):
                item.update(admission_date=c["admission_date"].isoformat(), discharge_date=c["discharge_date"].isoformat())
            else:
                item["days"] = c["days"]
            if c.get("single_room_daily"):
                item["single_room_daily"] = money(c["single_room_daily"])
        elif c["kind"] == CareKind.CONSULTATION.value:
            item.update(fee=money(c.get("fee")), sector=c.get("sector") or "1")
        else:
            if c.get("quote") is not None:
                item["quote"] = money(c["quote"])
            if c.get("basket"):
                item["basket"] = c["basket"]
            if c["kind"] == CareKind.DENTAL_PROSTHESIS.value:
                item["act"] = c.get("act") or DentalAct.CROWN.value
                for key in ("tooth", "material"):
                    if c.get(key):
                        item[key] = c[key]
                if item["act"] == DentalAct.BRIDGE.value and item.get("tooth") == ToothPosition.FRONT.value:
                    item["tooth"] = BRIDGE_TOOTH.get(c.get("bridge_incisor") or "", item["tooth"])
            elif c["kind"] == CareKind.HEARING_AIDS.value and c.get("ears"):
                item["ears"] = int(c["ears"])
        s["planned_care"].append(item)
        trace[f"planned_care[{i}]"] = Origin("soins", None, i)
        for key in ("kind", "member", "days", "psychiatric", "home", "single_room_daily", "quote", "basket", "fee", "sector",
                    "admission_date", "discharge_date", "act", "tooth", "material", "ears"):
            trace[f"planned_care[{i}].{key}"] = Origin("soins", None if key == "kind" else key, i)


STEP = Step(
    "soins", _("Soins prévus"), CareFormSetClass, template="questionnaire/step_care.html", to_situation=to_situation,
    section=_("Soins"),
)
