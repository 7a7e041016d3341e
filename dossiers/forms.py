"""Forms of the CCAS workspace (French labels; dates as native date inputs)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from eligibility.safe_input import SafeForm, SafeInputMixin, SafeModelForm

from .models import (
    CURRENT_CONSENT_VERSION,
    DocumentState,
    Dossier,
    DossierStatus,
    GrantedCss,
    Membership,
    MembershipRole,
    Note,
    Task,
    save_versioned,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "input--short", **(attrs or {})}, format="%Y-%m-%d")


class LoginForm(SafeInputMixin, AuthenticationForm):
    """Django's login form (it passes the request to ``authenticate``, which django-axes needs), which
    also turns away accounts whose every membership was deactivated."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Identifiant ou mot de passe incorrect. Après 5 essais, le compte est bloqué 30 minutes.",
        "inactive": "Ce compte est désactivé. Adressez-vous au responsable de votre organisation.",
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        memberships = Membership.objects.filter(user=user)
        if memberships.exists() and not memberships.filter(is_active=True).exists():
            raise forms.ValidationError(self.error_messages["inactive"], code="inactive")


MAX_AGE_YEARS = 130  # an older birth date is a typing slip (0001-01-01, 1026…)


class VersionedModelForm(SafeInputMixin, forms.ModelForm):
    """A model form saved with optimistic locking: the hidden ``version`` is the one the agent started from.

    ``save_versioned`` writes the form's fields only if nobody saved in between (the model's
    ``version_field`` is unchanged); otherwise nothing is written and ``for_saved`` gives the refused input
    back, unchanged, carrying the version now saved (a new save will replace it).
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    version_field = "version"

    def save_versioned(self, **extra) -> bool:
        expected = self.cleaned_data["version"]
        return expected is not None and save_versioned(
            self.instance, self._meta.fields, expected, version_field=self.version_field, **extra,
        )

    def for_saved(self, saved):
        data = self.data.copy()
        data["version"] = str(getattr(saved, self.version_field))
        return type(self)(data, instance=saved)


class DossierForm(VersionedModelForm):

    class Meta:
        model = Dossier
        fields = ["last_name", "first_name", "birth_date", "phone", "email", "address"]
        widgets = {
            "birth_date": DateInput(),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "address": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"birth_date": "Facultative."}

    def clean_birth_date(self):
        birth_date = self.cleaned_data.get("birth_date")
        today = timezone.localdate()
        if birth_date and birth_date > today:
            raise forms.ValidationError("La date de naissance ne peut pas être dans le futur.")
        if birth_date and birth_date.year < today.year - MAX_AGE_YEARS:
            raise forms.ValidationError(f"La date de naissance remonte à plus de {MAX_AGE_YEARS} ans : vérifiez l'année.")
        return birth_date


class ConsentForm(SafeForm):
    text_version = forms.CharField(widget=forms.HiddenInput, initial=CURRENT_CONSENT_VERSION)
    given_on = forms.DateField(label="Date du consentement", widget=DateInput())
    confirmed = forms.BooleanField(
        label="La personne a lu ce texte (ou je le lui ai lu) et elle accepte que son dossier soit conservé.",
        error_messages={"required": "Cochez la case pour confirmer que la personne a donné son accord."},
    )

    def clean_text_version(self):
        version = self.cleaned_data["text_version"]
        if version != CURRENT_CONSENT_VERSION:
            raise forms.ValidationError("Le texte de consentement a changé : relisez la nouvelle version.")
        return version

    def clean_given_on(self):
        given_on = self.cleaned_data["given_on"]
        if given_on > timezone.localdate():
            raise forms.ValidationError("La date du consentement ne peut pas être dans le futur.")
        return given_on


class ImportForm(SafeForm):
    resume_code = forms.CharField(
        label="Code de reprise donné par la personne", max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_resume_code(self):
        """Spaces, hyphens and case do not matter (``abcd efgh-jk`` is ``ABCDEFGHJK``)."""
        return "".join(ch for ch in self.cleaned_data["resume_code"].upper() if ch.isalnum())


class NoteForm(VersionedModelForm):

    class Meta:
        model = Note
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        labels = {"text": "Note"}


#: The status form's dates of things that have already happened (rights may start or end later).
PAST_EVENTS = {"ready_on": "où le dossier est prêt", "sent_on": "d'envoi", "decision_on": "de la décision"}


class StatusForm(VersionedModelForm):
    version_field = "status_version"  # the identity and the status are locked apart: two agents may edit each

    class Meta:
        model = Dossier
        fields = [
            "status", "ready_on", "sent_on", "decision_on", "decision_css", "decision_monthly_participation",
            "decision_rights_start", "decision_rights_end",
        ]
        widgets = {
            name: DateInput() for name in ["ready_on", "sent_on", "decision_on", "decision_rights_start", "decision_rights_end"]
        }
        help_texts = {
            "decision_css": "Seulement si la CPAM a accordé la Complémentaire santé solidaire.",
            "decision_rights_end": "Sert à repérer les renouvellements (quatre mois avant la fin).",
        }

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status in {DossierStatus.SENT, *DossierStatus.decided()} and not data.get("sent_on"):
            self.add_error("sent_on", "Indiquez la date d'envoi à la CPAM.")
        if status in DossierStatus.decided() and not data.get("decision_on"):
            self.add_error("decision_on", "Indiquez la date de la décision.")
        if status == DossierStatus.ACCEPTED:
            if not data.get("decision_css"):
                self.add_error("decision_css", "Indiquez le droit accordé.")
            if not data.get("decision_rights_end"):
                self.add_error("decision_rights_end", "Indiquez la date de fin des droits.")
        if (data.get("decision_css") == GrantedCss.WITH_PARTICIPATION and data.get("decision_monthly_participation") is None
                and "decision_monthly_participation" not in self.errors):  # an unreadable amount already says so
            self.add_error("decision_monthly_participation", "Indiquez la participation mensuelle.")
        today = timezone.localdate()
        for name, what in PAST_EVENTS.items():
            if data.get(name) and data[name] > today:
                self.add_error(name, f"La date {what} ne peut pas être dans le futur.")
        sent, decided = data.get("sent_on"), data.get("decision_on")
        if sent and decided and decided < sent:
            self.add_error("decision_on", "La décision ne peut pas précéder l'envoi à la CPAM.")
        start, end = data.get("decision_rights_start"), data.get("decision_rights_end")
        if start and end and end <= start:
            self.add_error("decision_rights_end", "La fin des droits doit suivre leur début.")
        amount = data.get("decision_monthly_participation")
        if amount is not None and amount < 0:
            self.add_error("decision_monthly_participation", "Le montant ne peut pas être négatif.")
        return data


class SearchForm(SafeForm):
    q = forms.CharField(label="Nom ou prénom", max_length=100, required=False,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}))


class FilterForm(SafeForm):
    mine = forms.BooleanField(label="Mes dossiers seulement", required=False)
    status = forms.ChoiceField(label="Statut", required=False, choices=[("", "Tous")] + DossierStatus.choices)
    renewal = forms.BooleanField(label="Renouvellement à prévoir (droits finissant dans les 4 mois ou déjà finis)",
                                 required=False)


class ChecklistForm(SafeForm):
    """One group of radio buttons per document (each document once, see ``Dossier.checklist_documents``),
    all saved by one button: arrow keys move within a document's states, Tab to the next document."""

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.documents = documents
        for doc in documents:
            self.fields[doc["field"]] = forms.ChoiceField(
                label=doc["text"], choices=DocumentState.choices, initial=doc["state"],
                widget=forms.RadioSelect(attrs={"class": "state-radio"}),
            )


class InviteForm(SafeForm):
    username = forms.CharField(label="Identifiant de connexion", max_length=150,
                               help_text="Par exemple prenom.nom ; lettres, chiffres et . @ + - _ seulement.")
    first_name = forms.CharField(label="Prénom", max_length=150)
    last_name = forms.CharField(label="Nom", max_length=150)
    email = forms.EmailField(label="Adresse électronique professionnelle",
                             help_text="Le lien pour choisir un mot de passe y est envoyé.")
    role = forms.ChoiceField(label="Rôle", choices=MembershipRole.choices, initial=MembershipRole.AGENT)

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.existing_user = None

    def clean_username(self):
        user_model = get_user_model()
        username = user_model.normalize_username(self.cleaned_data["username"].strip())
        user_model.username_validator(username)
        return username

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        """A new account, or an existing one of another organisation when both its identifier and its
        e-mail address are given (a worker serving a CCAS and a CIAS): it joins this team too."""
        data = super().clean()
        username, email = data.get("username"), data.get("email")
        if not username or not email:
            return data
        users = get_user_model().objects
        by_name = users.filter(username__iexact=username).first()
        by_email = users.filter(email__iexact=email).first()
        if by_name is not None and by_name == by_email:
            if Membership.objects.filter(user=by_name, organisation=self.organisation).exists():
                self.add_error("username", "Ce compte fait déjà partie de l'équipe.")
            else:
                self.existing_user = by_name
        elif by_name is not None:
            self.add_error("username", "Cet identifiant est déjà pris.")
        elif by_email is not None:
            self.add_error("email", "Un compte utilise déjà cette adresse.")
        return data


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


def _member_users(organisation):
    from django.contrib.auth import get_user_model

    from .permissions import organisation_members

    return get_user_model().objects.filter(
        pk__in=organisation_members(organisation).values("user_id"),
    ).order_by("last_name", "first_name", "username")


class AssignForm(SafeForm):
    """Give the dossier to one of the organisation's agents (or to nobody)."""

    assigned_to = MemberChoiceField(label="Agent chargé du dossier", queryset=None, required=False,
                                    empty_label="Personne")

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = _member_users(organisation)


class TaskForm(SafeModelForm):
    assigned_to = MemberChoiceField(label="Confiée à", queryset=None, required=False,
                                    empty_label="L'agent chargé du dossier")

    class Meta:
        model = Task
        fields = ["title", "due_on", "assigned_to"]
        widgets = {"due_on": DateInput()}
        labels = {"title": "Tâche", "due_on": "À faire pour le"}
        help_texts = {"title": "Par exemple : relancer la CPAM, rappeler la personne."}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = _member_users(organisation)


class OrganisationSwitchForm(SafeForm):
    organisation = forms.TypedChoiceField(label="Organisation", coerce=int)

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(m.organisation_id, m.organisation.name) for m in memberships]


class StatisticsFilterForm(SafeForm):
    start = forms.DateField(label="Du", required=False, widget=DateInput())
    end = forms.DateField(label="Au", required=False, widget=DateInput())
    agent = MemberChoiceField(label="Agent", queryset=None, required=False, empty_label="Toute l'équipe")

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agent"].queryset = _member_users(organisation)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "La fin de la période doit suivre son début.")
        return data
