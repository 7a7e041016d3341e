"""The questions, one form (or formset) per step, in plain French.

Forms only read and check what people type; the legal rules live in ``eligibility.rules``. Each form
receives the journey context (``answers``: earlier answers, the request date, the household) through
``get_form_kwargs``. Forms that let people add or remove entries on the page without JavaScript
(``DynamicFormSet``) turn the clicked button into a change of the submitted data (``apply_action``).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from eligibility.rules.enums import (
    ALSACE_MOSELLE_DEPARTMENTS,
    OVERSEAS_DEPARTMENT_BY_TERRITORY,
    SELF_EMPLOYED_DIFFICULTIES,
    Activity,
    Benefit,
    CareKind,
    Difficulty,
    ResourceTreatment,
    ResourceType,
    Role,
    Sector,
    Territory,
)
from eligibility.rules.reasons import format_date, format_eur
from eligibility.rules.situation import (
    DEPARTMENT_RE,
    EARLIEST_REQUEST_DATE,
    MAX_DAYS_AHEAD,
    MAX_HOSPITAL_DAYS,
    MAX_MEMBERS,
)
from eligibility.safe_input import SafeInputMixin

from .choices import (
    ActivityChoices,
    BasketChoices,
    ComplementaryChoices,
    HousingStatusChoices,
    SectorChoices,
    TerritoryChoices,
)
from .fields import AmountField, FrenchDateField

YES_NO = [("yes", "Oui"), ("no", "Non")]
MAX_CARE_ITEMS = 20
DATE_HINT = "Par exemple : 02/06/1984 (jour/mois/année)."


def silence_errors(form) -> None:
    """Keep a bound form's values but show no error (used right after adding or removing an entry)."""
    if isinstance(form, forms.BaseFormSet):
        form._errors = []
        form._non_form_errors = form.error_class(error_class="nonform", renderer=form.renderer)
        for sub in form.forms:
            silence_errors(sub)
    else:
        form._errors = ErrorDict()


class StepForm(SafeInputMixin, forms.Form):
    """Base of every step: no browser-side ``required`` (the server explains every error in French).

    ``SafeInputMixin`` refuses control characters and over-long values next to the field.
    """

    use_required_attribute = False
    #: No answer of the questionnaire is longer (labels: 40, amounts and dates: a few characters).
    default_max_chars = 200
    #: Short text shown under the page title.
    intro = ""

    def __init__(self, *args, answers=None, **kwargs):
        self.answers = answers
        super().__init__(*args, **kwargs)

    def summary_rows(self) -> list[tuple[str, str]]:
        """(question, answer) pairs for the check-your-answers page (cleaned data only)."""
        return [
            (str(self.fields[name].label), display_value(self.fields[name], self.cleaned_data.get(name)))
            for name in self.fields
            if not isinstance(self.fields[name].widget, forms.HiddenInput)
        ]


def display_value(field: forms.Field, value) -> str:
    """An answer as people read it: labels for choices, French money and dates."""
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        return ", ".join(str(labels.get(v, v)) for v in value) if value else "Aucune"
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, "Non renseigné")) if value not in (None, "") else "Non renseigné"
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, Decimal):
        return format_eur(value)
    if isinstance(value, date):
        return format_date(value)
    if value in (None, ""):
        return "Non renseigné"
    return str(value)


# --------------------------------------------------------------------------- 1. residence


class ResidenceForm(StepForm):
    intro = "Ces réponses choisissent les règles qui s'appliquent chez vous."

    territory = forms.ChoiceField(
        label="Où habitez-vous ?", choices=TerritoryChoices.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choisissez l'endroit où vous habitez."},
    )
    department = forms.CharField(
        label="Numéro de votre département (facultatif)", required=False, max_length=3,
        help_text="Les 2 premiers chiffres de votre code postal, par exemple 93. Pour la Corse : 2A ou 2B. "
        "Il sert à trouver les aides de votre caisse d'assurance maladie.",
        widget=forms.TextInput(attrs={"class": "input--short", "autocomplete": "off", "spellcheck": "false"}),
    )
    alsace_moselle = forms.ChoiceField(
        label="Dépendez-vous du régime local d'Alsace-Moselle ?", choices=YES_NO, required=False,
        widget=forms.RadioSelect,
        help_text="À répondre seulement si vous habitez la Moselle (57), le Bas-Rhin (67) ou le Haut-Rhin (68). "
        "C'est le cas de la plupart des salariés et retraités de ces départements ; votre attestation de "
        "droits l'indique.",
    )
    request_date = FrenchDateField(
        label="Date de la demande", required=False,
        help_text="Réservé aux professionnels : la date à laquelle la demande est ou sera déposée. "
        "Vide : aujourd'hui. " + DATE_HINT,
    )

    def __init__(self, *args, can_set_request_date: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_set_request_date:
            del self.fields["request_date"]

    def clean_department(self):
        value = (self.cleaned_data.get("department") or "").strip().upper()
        if value and len(value) == 1 and value.isdigit():
            value = "0" + value
        if value and not DEPARTMENT_RE.fullmatch(value):
            raise ValidationError("Ce numéro de département n'existe pas : écrivez par exemple 75, 2A ou 971.")
        return value

    def clean_request_date(self):
        value = self.cleaned_data.get("request_date")
        if value and value < EARLIEST_REQUEST_DATE:
            raise ValidationError(
                "La Complémentaire santé solidaire existe depuis le 1er novembre 2019 : "
                "choisissez une date à partir de celle-ci."
            )
        today = self.answers.today if self.answers else date.today()
        if value and (value - today).days > MAX_DAYS_AHEAD:
            raise ValidationError(
                "Cette date est plus d'un an après aujourd'hui : vérifiez l'année, ou laissez vide pour aujourd'hui."
            )
        return value

    def clean(self):
        data = super().clean()
        territory, department = data.get("territory"), data.get("department")
        if territory and department:
            expected = OVERSEAS_DEPARTMENT_BY_TERRITORY.get(Territory(territory))
            if expected and department != expected:
                self.add_error("department", f"{Territory(territory).label} correspond au département {expected} : "
                               "corrigez le numéro ou laissez-le vide.")
            elif territory == Territory.METROPOLE and department.startswith("97"):
                self.add_error("department", "Ce département est outre-mer : choisissez le territoire où vous "
                               "habitez ci-dessus.")
        if department in ALSACE_MOSELLE_DEPARTMENTS and territory == Territory.METROPOLE:
            if not data.get("alsace_moselle"):
                self.add_error("alsace_moselle", "Répondez par oui ou non : dans votre département, ce régime "
                               "change le prix de la complémentaire.")
        else:
            data["alsace_moselle"] = ""
        return data

    def summary_rows(self):
        rows = super().summary_rows()
        if not self.cleaned_data.get("alsace_moselle"):
            rows = [r for r in rows if r[0] != self.fields["alsace_moselle"].label]
        return rows


# --------------------------------------------------------------------------- dynamic formsets


class DynamicFormSet(forms.BaseFormSet):
    """A formset whose entries are added and removed with submit buttons (no JavaScript needed).

    A button ``name="action" value="add:<kind>"`` appends an entry of that kind, ``value="remove:<index>"``
    removes one. ``apply_action`` returns the new data to store; the page is shown again.
    """

    kind_field = "kind"
    max_entries = MAX_MEMBERS

    def __init__(self, *args, answers=None, **kwargs):
        self.answers = answers
        kwargs.setdefault("form_kwargs", {})["answers"] = answers
        super().__init__(*args, **kwargs)
        for form in self.forms:
            form.empty_permitted = False
            form.use_required_attribute = False

    @classmethod
    def add_kinds(cls) -> dict[str, str]:
        """Kinds that an "add" button may create, with the button's text (subclasses list theirs; none here)."""
        return {}

    @classmethod
    def new_entry(cls, kind: str, existing: list[dict]) -> dict:
        return {cls.kind_field: kind}

    @classmethod
    def apply_action(cls, prefix: str, data: dict[str, list[str]], action: str) -> dict[str, list[str]] | None:
        """The submitted ``data`` changed by ``action``, or ``None`` when the action is not valid."""
        total_key = f"{prefix}-TOTAL_FORMS"
        try:
            total = int((data.get(total_key) or ["0"])[0])
        except ValueError:
            return None
        total = max(0, min(total, cls.max_entries))
        entries = []
        for i in range(total):
            head = f"{prefix}-{i}-"
            entries.append({k[len(head):]: v for k, v in data.items() if k.startswith(head)})
        verb, _, arg = action.partition(":")
        if verb == "add" and arg in cls.add_kinds() and total < cls.max_entries:
            flat = [{k: (v[0] if v else "") for k, v in e.items()} for e in entries]
            entries.append({k: [v] for k, v in cls.new_entry(arg, flat).items()})
        elif verb == "remove" and arg.isdigit() and int(arg) < total and cls.can_remove(entries, int(arg)):
            del entries[int(arg)]
        else:
            return None
        new = {k: v for k, v in data.items() if not k.startswith(f"{prefix}-")}
        new[total_key] = [str(len(entries))]
        new[f"{prefix}-INITIAL_FORMS"] = ["0"]
        new[f"{prefix}-MIN_NUM_FORMS"] = ["0"]
        new[f"{prefix}-MAX_NUM_FORMS"] = [str(cls.max_entries)]
        for i, entry in enumerate(entries):
            for key, value in entry.items():
                new[f"{prefix}-{i}-{key}"] = value
        return new

    @classmethod
    def can_remove(cls, entries: list[dict], index: int) -> bool:
        return True

    def summary_rows(self) -> list[tuple[str, str]]:
        rows = []
        for form in self.forms:
            answers = "; ".join(f"{q} : {a}" for q, a in form.summary_rows() if a != "Non renseigné")
            rows.append((form.title, answers))
        return rows or [("Aucun", "Aucune réponse")]


# --------------------------------------------------------------------------- 2. household

_UID_RE = re.compile(r"^[pcd][0-9]{1,3}$")
ROLE_UID_PREFIX = {Role.APPLICANT: "p", Role.PARTNER: "p", Role.CHILD: "c", Role.OTHER_DEPENDENT: "d"}
ADULT_ROLES = {Role.APPLICANT.value, Role.PARTNER.value}


def member_title(role: str, number: int, label: str = "") -> str:
    """How a person is named on the pages: "Vous", "Enfant 2 (Léa)"."""
    base = {
        Role.APPLICANT.value: "Vous",
        Role.PARTNER.value: "Votre conjoint ou conjointe",
        Role.CHILD.value: f"Enfant {number}",
        Role.OTHER_DEPENDENT.value: f"Autre personne à charge {number}",
    }.get(role, "Personne")
    return f"{base} ({label})" if label else base


class PersonForm(StepForm):
    uid = forms.CharField(widget=forms.HiddenInput, max_length=4)
    role = forms.ChoiceField(choices=[(r.value, r.label) for r in Role], widget=forms.HiddenInput)
    label = forms.CharField(
        label="Prénom ou surnom (facultatif)", required=False, max_length=40,
        help_text="Seulement pour vous repérer dans les pages suivantes. Il n'est transmis à personne.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    birth_date = FrenchDateField(
        label="Date de naissance", help_text=DATE_HINT,
        error_messages={"required": "Indiquez la date de naissance (JJ/MM/AAAA)."},
    )
    activity = forms.ChoiceField(
        label="Situation aujourd'hui", choices=[("", "Choisissez une situation")] + ActivityChoices.choices,
        required=False,
        help_text="Au jour de la demande. Un arrêt maladie de plus de 6 mois, le chômage ou un stage rémunéré "
        "réduisent les revenus du travail comptés.",
    )
    shared_custody = forms.BooleanField(
        label="Cet enfant vit en résidence alternée (la moitié du temps chez chaque parent)", required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        role = self.data.get(self.add_prefix("role")) if self.is_bound else self.initial.get("role")
        self.role_value = role if role in Role._value2member_map_ else None
        if self.role_value != Role.CHILD.value:
            del self.fields["shared_custody"]
        if self.role_value in ADULT_ROLES:
            self.fields["activity"].required = True
            self.fields["activity"].error_messages["required"] = "Choisissez la situation de cette personne."
        self.number = 0
        self.title = "Personne"

    def clean_uid(self):
        uid = self.cleaned_data["uid"]
        if not _UID_RE.fullmatch(uid):
            raise ValidationError("Identifiant de personne invalide : rechargez la page.")
        return uid

    def clean_birth_date(self):
        value = self.cleaned_data.get("birth_date")
        if value and value > date.today():
            raise ValidationError("Cette date est dans le futur : vérifiez l'année de naissance.")
        if value and value.year < 1900:
            raise ValidationError("Cette date est trop ancienne : vérifiez l'année de naissance.")
        return value


class HouseholdFormSet(DynamicFormSet):
    kind_field = "role"
    intro = ("Indiquez les personnes qui vivent avec vous : votre conjoint ou conjointe (mariage, Pacs ou "
             "concubinage), vos enfants et les autres personnes à votre charge. Une personne à la fois.")

    def __init__(self, *args, **kwargs):
        if not kwargs.get("data") and not kwargs.get("initial"):
            kwargs["initial"] = [{"uid": "p1", "role": Role.APPLICANT.value}]
        super().__init__(*args, **kwargs)
        counters: dict[str, int] = {}
        for form in self.forms:
            role = form.role_value or ""
            counters[role] = counters.get(role, 0) + 1
            form.number = counters[role]
            label = form.data.get(form.add_prefix("label"), "") if form.is_bound else form.initial.get("label", "")
            form.title = member_title(role, form.number, (label or "").strip()[:40])

    @classmethod
    def add_kinds(cls):
        return {
            Role.PARTNER.value: "Ajouter un conjoint ou une conjointe",
            Role.CHILD.value: "Ajouter un enfant",
            Role.OTHER_DEPENDENT.value: "Ajouter une autre personne à charge",
        }

    @classmethod
    def new_entry(cls, kind, existing):
        prefix = ROLE_UID_PREFIX[Role(kind)]
        used = [int(e.get("uid", "x0")[1:] or 0) for e in existing
                if _UID_RE.fullmatch(e.get("uid", "")) and e.get("uid", "").startswith(prefix)]
        return {"role": kind, "uid": f"{prefix}{max(used, default=0 if prefix != 'p' else 1) + 1}"}

    @classmethod
    def can_remove(cls, entries, index):
        return index > 0  # the applicant stays

    def has_partner(self) -> bool:
        return any(f.role_value == Role.PARTNER.value for f in self.forms)

    def available_kinds(self) -> dict[str, str]:
        kinds = dict(self.add_kinds())
        if self.has_partner():
            del kinds[Role.PARTNER.value]
        if len(self.forms) >= self.max_entries:
            return {}
        return kinds

    def clean(self):
        if any(self.errors):
            return
        roles = [f.cleaned_data.get("role") for f in self.forms]
        uids = [f.cleaned_data.get("uid") for f in self.forms]
        if not roles or roles[0] != Role.APPLICANT.value or roles.count(Role.APPLICANT.value) != 1:
            raise ValidationError("Le foyer doit commencer par vous, la personne qui fait la demande : rechargez la page.")
        if roles.count(Role.PARTNER.value) > 1:
            raise ValidationError("Un foyer ne compte qu'un seul conjoint ou une seule conjointe : retirez l'autre.")
        if len(set(uids)) != len(uids):
            raise ValidationError("Deux personnes ont le même identifiant : rechargez la page.")
        # A child born before every adult of the household is a typing error (most often the year).
        eldest_adult = min(f.cleaned_data["birth_date"] for f in self.forms if f.role_value in ADULT_ROLES)
        for form in self.forms:
            if form.role_value == Role.CHILD.value and form.cleaned_data["birth_date"] <= eldest_adult:
                form.add_error("birth_date", "Cet enfant serait plus âgé que vous : vérifiez son année de naissance, "
                               "ou ajoutez cette personne comme « autre personne à charge ».")


HouseholdFormSetClass = forms.formset_factory(
    PersonForm, formset=HouseholdFormSet, extra=0, min_num=1, validate_min=True,
    max_num=MAX_MEMBERS, validate_max=True, absolute_max=MAX_MEMBERS,
)


# --------------------------------------------------------------------------- 3. housing


class HousingForm(StepForm):
    status = forms.ChoiceField(
        label="Quel est votre logement ?", choices=HousingStatusChoices.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choisissez votre situation de logement."},
    )
    housing_aid = forms.ChoiceField(
        label="Recevez-vous une aide au logement (APL, ALF ou ALS) ?", choices=YES_NO, widget=forms.RadioSelect,
        error_messages={"required": "Répondez par oui ou non."},
    )
    housing_aid_monthly = AmountField(
        label="Si oui : montant de l'aide au logement par mois", required=False, max_value=Decimal("100000"),
        help_text="Le montant versé par la CAF ou la MSA chaque mois, par exemple 250 ou 250,50 €.",
    )

    def clean(self):
        data = super().clean()
        if data.get("housing_aid") == "yes":
            # An unreadable amount already has its own message: say only that.
            if not data.get("housing_aid_monthly") and "housing_aid_monthly" not in self.errors:
                self.add_error("housing_aid_monthly", "Indiquez le montant de l'aide par mois, par exemple 250.")
        elif data.get("housing_aid") == "no":
            data["housing_aid_monthly"] = None
        return data

    def summary_rows(self):
        status = display_value(self.fields["status"], self.cleaned_data.get("status"))
        aid = self.cleaned_data.get("housing_aid_monthly")
        return [
            (str(self.fields["status"].label), status),
            ("Aide au logement", f"Oui, {format_eur(aid)} par mois" if aid else "Non"),
        ]


# --------------------------------------------------------------------------- 4. resources

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


# --------------------------------------------------------------------------- 5. benefits and coverage


class BenefitsForm(StepForm):
    current_benefits = forms.MultipleChoiceField(
        label="Recevez-vous aujourd'hui l'une de ces allocations ? (vous ou une personne de votre foyer)",
        # The benefits' full names, as the rules' resource types spell them ("Revenu de solidarité active (RSA)").
        choices=[(b.value, ResourceType(b.value).label) for b in Benefit], required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez toutes celles qui sont versées en ce moment. Aucune : ne cochez rien.",
    )
    complementary = forms.ChoiceField(
        label="Avez-vous aujourd'hui une complémentaire santé (mutuelle) ?", choices=ComplementaryChoices.choices,
        widget=forms.RadioSelect, error_messages={"required": "Choisissez la complémentaire santé que vous avez."},
    )


# --------------------------------------------------------------------------- 6. planned care

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


# --------------------------------------------------------------------------- 7. health (for the persons cared for)


def health_field_name(uid: str, key: str) -> str:
    return f"{uid}__{key}"


class HealthForm(StepForm):
    """Asked only about the persons with planned care, and only what changes their costs."""

    intro = "Certaines situations suppriment des frais à l'hôpital ou aux urgences. Cochez celles qui vous concernent."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = []
        for member in (self.answers.care_members if self.answers else []):
            uid, role = member["uid"], member["role"]
            names = []

            def add(key, field, names=names, uid=uid):
                self.fields[health_field_name(uid, key)] = field
                names.append(health_field_name(uid, key))

            add("ald", forms.BooleanField(
                label="A une affection de longue durée (ALD) reconnue par l'Assurance Maladie", required=False))
            add("work_accident", forms.BooleanField(
                label="Les soins sont dus à un accident du travail ou une maladie professionnelle", required=False))
            if role != Role.CHILD.value:
                add("military_pension", forms.BooleanField(
                    label="Touche une pension militaire d'invalidité", required=False))
                add("pregnancy_due_date", FrenchDateField(
                    label="Si elle est enceinte : date prévue de l'accouchement (facultatif)", required=False,
                    help_text="Laissez vide si ce n'est pas le cas. " + DATE_HINT.replace("02/06/1984", "15/02/2027"),
                ))
            else:
                add("aeeh_child", forms.BooleanField(
                    label="L'enfant reçoit l'allocation d'éducation de l'enfant handicapé (AEEH)", required=False))
            self.people.append({"member": member, "names": names})
        for person in self.people:
            person["fields"] = [self[n] for n in person["names"]]

    def summary_rows(self):
        rows = []
        for person in self.people:
            answers = [self.fields[n].label for n in person["names"] if self.cleaned_data.get(n) is True]
            due = next((self.cleaned_data.get(n) for n in person["names"] if n.endswith("pregnancy_due_date")), None)
            if due:
                answers.append(f"Accouchement prévu le {format_date(due)}")
            rows.append((person["member"]["title"], "; ".join(answers) or "Aucune de ces situations"))
        return rows


# --------------------------------------------------------------------------- 8. difficulties


class DifficultiesForm(StepForm):
    intro = ("L'Assurance Maladie peut aider au cas par cas (aides financières de sa commission d'action "
             "sociale). Ces situations comptent dans sa décision.")
    difficulties = forms.MultipleChoiceField(
        label="Vivez-vous l'une de ces situations ?", required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(d.value, d.label) for d in Difficulty if d not in SELF_EMPLOYED_DIFFICULTIES],
        help_text="Cochez toutes celles qui vous concernent. Aucune : ne cochez rien.",
    )


class SelfEmployedForm(StepForm):
    intro = ("Les travailleurs indépendants en difficulté peuvent demander l'aide « Help » à l'Urssaf et à leur "
             "caisse de retraite.")
    self_employed_difficulties = forms.MultipleChoiceField(
        label="Votre activité indépendante rencontre-t-elle l'une de ces difficultés ?", required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(d.value, d.label) for d in Difficulty if d in SELF_EMPLOYED_DIFFICULTIES],
        help_text="Cochez toutes celles qui vous concernent. Aucune : ne cochez rien.",
    )


# --------------------------------------------------------------------------- 9. review


class ReviewForm(StepForm):
    """No question: the page lists every answer; sending it asks for the results."""

    def summary_rows(self):
        return []
