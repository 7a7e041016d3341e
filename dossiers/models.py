"""Organisations (CCAS, CIAS, France Services, hospital social services) and their social workers."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class OrganisationKind(models.TextChoices):
    CCAS = "ccas", "Centre communal d'action sociale (CCAS)"
    CIAS = "cias", "Centre intercommunal d'action sociale (CIAS)"
    FRANCE_SERVICES = "france_services", "France Services"
    HOSPITAL_SOCIAL_SERVICE = "hospital_social_service", "Service social hospitalier"
    OTHER = "other", "Autre service d'accompagnement"


class Organisation(models.Model):
    """A service whose social workers keep dossiers; its contact details print on its dossiers."""

    kind = models.CharField("type", max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.CCAS)
    name = models.CharField("nom", max_length=200)
    address = models.TextField("adresse", max_length=500)
    phone = models.CharField("téléphone", max_length=40)
    email = models.EmailField("adresse électronique", blank=True)
    opening_hours = models.TextField("horaires d'ouverture", max_length=1000, blank=True)
    department = models.CharField("département", max_length=3, blank=True, help_text="Code INSEE, par exemple 93.")
    missing_documents_reminder_days = models.PositiveSmallIntegerField(
        "relance des pièces manquantes après (jours)", default=30,
        help_text="Nombre de jours après le calcul des résultats au bout duquel l'agent est relancé si des pièces "
                  "restent à réunir.",
    )
    require_second_factor = models.BooleanField(
        "second facteur obligatoire", default=False,
        help_text="Les membres doivent confirmer leur connexion par un code à usage unique (application TOTP).",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "organisation"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    """Agents keep dossiers; managers also run the team, read the log and statistics, export and erase;
    read-only members (auditors, trainees) see dossiers and change nothing."""

    AGENT = "agent", "Agent"
    MANAGER = "manager", "Responsable"
    READ_ONLY = "read_only", "Lecture seule"


class Membership(models.Model):
    """A social-worker account's place in one organisation, with its role. An account may belong to
    several organisations (a worker serving a CCAS and a CIAS); it works in one at a time."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("rôle", max_length=16, choices=MembershipRole.choices, default=MembershipRole.AGENT)
    is_active = models.BooleanField("actif", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "membre"
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.get_role_display()}, {self.organisation})"

    @property
    def is_manager(self) -> bool:
        return self.role == MembershipRole.MANAGER

    @property
    def can_write(self) -> bool:
        """Read-only members may look, never change."""
        return self.role != MembershipRole.READ_ONLY

    @property
    def is_usable(self) -> bool:
        """An active member with an active account: anything less can do nothing in the workspace."""
        return self.is_active and self.user.is_active


# --- Consent ------------------------------------------------------------------------------------------
# The text read to (or by) the applicant before anything about them is entered. Versioned in code: a new
# wording gets a new key and becomes CURRENT_CONSENT_VERSION; dossiers keep the version they recorded.
CONSENT_TEXTS = {
    "2026-11": (
        "Vous nous demandez de vous aider à savoir à quelles aides vous avez droit pour vos frais de santé "
        "et à préparer votre demande. Pour cela, nous allons enregistrer dans un dossier votre nom, vos "
        "coordonnées, la composition de votre foyer, vos ressources, votre situation de santé utile à la "
        "demande, les pièces réunies et nos notes de suivi.\n\n"
        "Ces informations servent uniquement à vous accompagner dans vos démarches. Seuls les agents de "
        "notre service y ont accès ; elles ne sont ni vendues ni transmises à qui que ce soit sans votre "
        "accord. Chaque consultation et chaque modification du dossier sont enregistrées.\n\n"
        "Le dossier est effacé après deux ans sans activité. Vous pouvez à tout moment en demander une "
        "copie ou l'effacement à l'agent qui vous suit : il le fera immédiatement.\n\n"
        "Vous êtes libre de refuser : nous pourrons vous renseigner, mais sans conserver de dossier."
    ),
}
CURRENT_CONSENT_VERSION = "2026-11"


# --- Dossiers ------------------------------------------------------------------------------------------
class DossierStatus(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    READY = "ready", "Prêt à envoyer"
    SENT = "sent", "Envoyé à la CPAM"
    ACCEPTED = "accepted", "Décision reçue : accord"
    REFUSED = "refused", "Décision reçue : refus"
    OTHER_DECISION = "other_decision", "Décision reçue : autre"

    @classmethod
    def decided(cls) -> set[str]:
        return {cls.ACCEPTED, cls.REFUSED, cls.OTHER_DECISION}


class GrantedCss(models.TextChoices):
    FREE = "free", "CSS sans participation"
    WITH_PARTICIPATION = "with_participation", "CSS avec participation"


class DossierQuerySet(models.QuerySet):
    def for_organisation(self, organisation):
        return self.filter(organisation=organisation)

    def renewal_due(self, today, months: int = 4):
        """Dossiers whose granted CSS rights end within ``months`` months (or have already ended)."""
        return self.filter(
            status=DossierStatus.ACCEPTED, decision_rights_end__isnull=False,
            decision_rights_end__lte=add_months(today, months),
        )


def add_months(day, months: int):
    """``day`` moved by ``months`` calendar months (negative to go back), clamped to the month's end."""
    import calendar

    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class Dossier(models.Model):
    """One applicant's case kept by an organisation's social workers.

    Identified in URLs by ``public_id`` (random). Nothing but the identity may be entered before the
    applicant's consent is recorded. ``version`` and ``status_version`` implement optimistic locking of the
    identity form and of the status form: a save names the version it started from and is refused if
    another agent saved in between.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="dossiers")
    case = models.OneToOneField(
        "eligibility.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="dossier",
    )
    # Applicant
    last_name = models.CharField("nom", max_length=150)
    first_name = models.CharField("prénom", max_length=150)
    birth_date = models.DateField("date de naissance", null=True, blank=True)
    phone = models.CharField("téléphone", max_length=40, blank=True)
    email = models.EmailField("adresse électronique", blank=True)
    address = models.TextField("adresse", max_length=500, blank=True)
    # Consent
    consent_given_on = models.DateField("consentement donné le", null=True, blank=True)
    consent_text_version = models.CharField("version du texte de consentement", max_length=20, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="consentement enregistré par",
    )
    consent_recorded_at = models.DateTimeField("consentement enregistré le", null=True, blank=True)
    # Latest results of the rules
    result = models.JSONField("derniers résultats", null=True, blank=True)
    result_computed_at = models.DateTimeField("résultats calculés le", null=True, blank=True)
    # Status and decision
    status = models.CharField("statut", max_length=20, choices=DossierStatus.choices, default=DossierStatus.DRAFT)
    status_changed_at = models.DateTimeField("statut changé le", default=timezone.now)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="statut changé par",
    )
    ready_on = models.DateField("prêt le", null=True, blank=True)
    sent_on = models.DateField("envoyé le", null=True, blank=True)
    decision_on = models.DateField("décision reçue le", null=True, blank=True)
    decision_css = models.CharField("droit accordé", max_length=20, choices=GrantedCss.choices, blank=True)
    decision_monthly_participation = models.DecimalField(
        "participation mensuelle (€)", max_digits=8, decimal_places=2, null=True, blank=True,
    )
    decision_rights_start = models.DateField("début des droits", null=True, blank=True)
    decision_rights_end = models.DateField("fin des droits", null=True, blank=True)
    # Bookkeeping
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("identité modifiée le", default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="identité modifiée par",
    )
    last_activity_at = models.DateTimeField("dernière activité", default=timezone.now, db_index=True)
    version = models.PositiveIntegerField(default=1)
    status_version = models.PositiveIntegerField(default=1)
    # Caseload
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="assigned_dossiers",
        verbose_name="agent chargé du dossier",
    )

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = "dossier"
        ordering = ["-last_activity_at"]
        indexes = [models.Index(fields=["organisation", "status"]), models.Index(fields=["organisation", "last_name"])]

    def __str__(self) -> str:
        # Never the applicant's name: this string can reach the admin, logs and error reports.
        return f"Dossier {self.public_id}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def has_consent(self) -> bool:
        return self.consent_given_on is not None and bool(self.consent_text_version)

    @property
    def consent_text(self) -> str:
        return CONSENT_TEXTS.get(self.consent_text_version, "")

    @property
    def has_answers(self) -> bool:
        """True once at least one questionnaire step was answered (an opened, empty case does not count)."""
        answers = self.case.answers if self.case is not None else None
        return isinstance(answers, dict) and bool(answers.get("step_data"))

    @property
    def is_decided(self) -> bool:
        return self.status in DossierStatus.decided()

    def checklist_groups(self) -> list[dict]:
        """The latest results' checklist, each document with the state recorded for it.

        A state is kept per (item key, document index); it applies only while the document's text is
        unchanged, so a recomputed checklist never shows a state recorded for another document.
        """
        items = (self.result or {}).get("checklist") or []
        recorded = {(s.item_key, s.document_index): s for s in self.checklist_states.all()}
        groups, seen = [], set()
        for position, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            key = checklist_item_key(item, position, seen)
            documents = []
            for index, document in enumerate(item.get("documents") or []):
                text = document_text(document)
                state = recorded.get((key, index))
                value = state.state if state is not None and state.document_text == text else DocumentState.TO_GATHER
                documents.append({
                    "key": key, "index": index, "text": text, "state": value,
                    "state_label": DocumentState(value).label, "field": f"doc-{position}-{index}",
                })
            groups.append({"item": item, "key": key, "documents": documents})
        return groups

    def checklist_documents(self) -> list[dict]:
        """The documents to gather, once each: a document asked by several organisms ("Carte Vitale" for
        the CPAM and the hospital) is one row naming them all, and its state applies to each. Appeal
        documents only appear once a decision exists (there is nothing to contest before).

        Each row: ``text``, ``field`` (form field name), ``state``, ``state_label``, the dates it was
        asked, received and sent, ``for`` (organism and procedure of each item needing it) and
        ``occurrences`` ((item key, document index, text as the item words it): where states are stored).
        """
        rows: dict[str, dict] = {}
        recorded = {(s.item_key, s.document_index): s for s in self.checklist_states.all()}
        for group in self.checklist_groups():
            if group["key"] in APPEAL_ITEM_KEYS and not self.is_decided:
                continue
            item = group["item"]
            purpose = " — ".join(str(part) for part in (item.get("organism"), item.get("procedure")) if part)
            for doc in group["documents"]:
                norm = " ".join(doc["text"].casefold().split())
                row = rows.get(norm)
                if row is None:
                    state = recorded.get((doc["key"], doc["index"]))
                    if state is not None and state.document_text != doc["text"]:
                        state = None
                    row = rows[norm] = {
                        "text": doc["text"], "field": doc["field"], "state": doc["state"],
                        "state_label": doc["state_label"], "for": [], "occurrences": [],
                        "asked_on": state.asked_on if state else None,
                        "received_on": state.received_on if state else None,
                        "sent_on": state.sent_on if state else None,
                    }
                if purpose and purpose not in row["for"]:
                    row["for"].append(purpose)
                row["occurrences"].append((doc["key"], doc["index"], doc["text"]))
        return list(rows.values())

    def export_data(self) -> dict:
        """Everything kept about the applicant, for a copy given on request (portability)."""
        case = self.case
        return {
            "format": "aidsante-dossier-export-1",
            "exported_at": timezone.now().isoformat(),
            "dossier": str(self.public_id),
            "organisation": {"name": self.organisation.name, "address": self.organisation.address,
                             "phone": self.organisation.phone, "email": self.organisation.email},
            "applicant": {
                "last_name": self.last_name, "first_name": self.first_name,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None,
                "phone": self.phone, "email": self.email, "address": self.address,
            },
            "consent": {
                "given_on": self.consent_given_on.isoformat() if self.consent_given_on else None,
                "text_version": self.consent_text_version or None,
                "text": self.consent_text or None,
            },
            "answers": case.answers if case else None,
            "answers_schema_version": case.schema_version if case else None,
            "results": self.result,
            "results_computed_at": self.result_computed_at.isoformat() if self.result_computed_at else None,
            "status": {
                "code": self.status, "label": self.get_status_display(),
                "ready_on": _iso(self.ready_on), "sent_on": _iso(self.sent_on), "decision_on": _iso(self.decision_on),
                "granted": self.decision_css or None,
                "monthly_participation": str(self.decision_monthly_participation)
                if self.decision_monthly_participation is not None else None,
                "rights_start": _iso(self.decision_rights_start), "rights_end": _iso(self.decision_rights_end),
            },
            "checklist": [
                {"item": group["key"], "document": doc["text"], "state": doc["state"]}
                for group in self.checklist_groups() for doc in group["documents"]
            ],
            "checklist_dates": [
                {"document": doc["text"], "asked_on": _iso(doc["asked_on"]), "received_on": _iso(doc["received_on"]),
                 "sent_on": _iso(doc["sent_on"])}
                for doc in self.checklist_documents() if doc["asked_on"] or doc["received_on"] or doc["sent_on"]
            ],
            "tasks": [
                {"task": task.title, "due_on": _iso(task.due_on),
                 "done_at": task.done_at.isoformat() if task.done_at else None}
                for task in self.tasks.all()
            ],
            "notes": [
                {"text": note.text, "written_at": note.created_at.isoformat(),
                 "author": note.author.get_full_name() or note.author.get_username() if note.author else None}
                for note in self.notes.select_related("author")
            ],
        }

    def erase(self, actor, action: str) -> None:
        """Delete the dossier, its questionnaire, notes and checklist; leave an audit entry (UUID only)."""
        from django.db import transaction

        from eligibility.models import ResultFeedback

        from .audit import record
        from .sessions import forget_searches_for

        with transaction.atomic():
            record(actor, self, action)
            case = self.case
            self.delete()
            if case is not None:
                # The reactions to its results go with it: their comment may name the person.
                ResultFeedback.objects.filter(case_id=case.public_id).delete()
                case.delete()
        forget_searches_for(self.organisation_id, self.first_name, self.last_name)

    def touch(self) -> None:
        """Record activity (the retention clock restarts) without touching the locked fields."""
        self.last_activity_at = timezone.now()
        Dossier.objects.filter(pk=self.pk).update(last_activity_at=self.last_activity_at)


def _iso(day):
    return day.isoformat() if day else None


#: Checklist items of the rules that only make sense after a decision (``eligibility.rules.checklist``).
APPEAL_ITEM_KEYS = {"appeal"}


def document_text(document) -> str:
    if isinstance(document, dict):
        return str(document.get("label") or document.get("text") or document.get("name") or "")
    return str(document)


def checklist_item_key(item: dict, position: int, seen: set) -> str:
    """A stable key for a checklist item: its own ``key``/``id`` if the rules give one, else a slug of
    its organism and procedure (made unique within the checklist)."""
    from django.utils.text import slugify

    key = str(item.get("key") or item.get("id") or "")[:100]
    if not key:
        key = slugify(f"{item.get('organism', '')}-{item.get('procedure', '')}")[:100] or f"item-{position}"
    candidate, n = key, 2
    while candidate in seen:
        candidate, n = f"{key}-{n}", n + 1
    seen.add(candidate)
    return candidate


def save_versioned(instance, fields, expected_version: int, *, version_field: str = "version", **extra) -> bool:
    """Write ``instance``'s ``fields`` (and ``extra`` values) only if its ``version_field`` still equals
    ``expected_version``; bump it. False means another agent saved first: nothing was written."""
    values = {name: getattr(instance, name) for name in fields}
    values.update(extra)
    values[version_field] = models.F(version_field) + 1
    updated = type(instance).objects.filter(pk=instance.pk, **{version_field: expected_version}).update(**values)
    if updated:
        instance.refresh_from_db()
    return bool(updated)


class DocumentState(models.TextChoices):
    TO_GATHER = "to_gather", "À réunir"
    ASKED = "asked", "Demandée"
    RECEIVED = "received", "Reçue"
    SENT = "sent", "Envoyée"
    NOT_APPLICABLE = "not_applicable", "Sans objet"


class ChecklistItemState(models.Model):
    """Where one document of the results' checklist stands (keyed by item key and document index)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="checklist_states")
    item_key = models.CharField(max_length=120)
    document_index = models.PositiveIntegerField()
    document_text = models.TextField(max_length=2000)
    state = models.CharField("état", max_length=20, choices=DocumentState.choices, default=DocumentState.TO_GATHER)
    asked_on = models.DateField("demandée le", null=True, blank=True)
    received_on = models.DateField("reçue le", null=True, blank=True)
    sent_on = models.DateField("envoyée le", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )

    class Meta:
        verbose_name = "pièce du dossier"
        constraints = [
            models.UniqueConstraint(fields=["dossier", "item_key", "document_index"], name="unique_checklist_document")
        ]

    def __str__(self) -> str:
        return f"{self.item_key} #{self.document_index} : {self.get_state_display()}"


class Note(models.Model):
    """A free note on a dossier, with its author and dates; edits use optimistic locking (``version``)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    text = models.TextField("note", max_length=5000)
    created_at = models.DateTimeField("écrite le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "note"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Note {self.pk}"


# --- Caseload: tasks and reminders --------------------------------------------------------------------
class Task(models.Model):
    """Something to do on a dossier by a date (relaunch the CPAM, call the person back)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField("tâche", max_length=200)
    due_on = models.DateField("à faire pour le")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="dossier_tasks",
        verbose_name="confiée à",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    done_at = models.DateTimeField("faite le", null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="faite par",
    )

    class Meta:
        verbose_name = "tâche"
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return f"Tâche {self.pk}"


class ReminderKind(models.TextChoices):
    RENEWAL = "renewal", "Renouvellement de la CSS à demander"
    DECISION_OVERDUE = "decision_overdue", "Décision de la CPAM en retard"
    MISSING_DOCUMENTS = "missing_documents", "Pièces toujours manquantes"
    TASK_DUE = "task_due", "Tâche à faire"


class ReminderSent(models.Model):
    """One reminder e-mailed once: the daily command never sends the same (dossier, kind, key) twice."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="reminders_sent")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    key = models.CharField(max_length=40, help_text="Ce qui rend le rappel unique (date de fin des droits, tâche…).")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    sent_on = models.DateField()

    class Meta:
        verbose_name = "rappel envoyé"
        constraints = [models.UniqueConstraint(fields=["dossier", "kind", "key"], name="unique_reminder")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.sent_on}"


# --- Audit ---------------------------------------------------------------------------------------------
class AuditAction(models.TextChoices):
    CREATED = "created", "Création"
    VIEWED = "viewed", "Consultation"
    CHANGED = "changed", "Modification"
    CONSENT = "consent", "Consentement enregistré"
    IMPORTED = "imported", "Import d'un questionnaire"
    PRINTED = "printed", "Impression (PDF)"
    EXPORTED = "exported", "Export (copie des données)"
    ERASED = "erased", "Effacement à la demande de la personne"
    PURGED = "purged", "Effacement automatique (durée de conservation)"


class AuditEntry(models.Model):
    """Who did what to which dossier, and when. Never any applicant data: the dossier's random UUID only."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="audit_entries")
    dossier_public_id = models.UUIDField("dossier", db_index=True)
    action = models.CharField("action", max_length=20, choices=AuditAction.choices)
    detail = models.CharField("précision", max_length=60, blank=True, help_text="Partie du dossier concernée.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="auteur",
    )
    actor_username = models.CharField("identifiant de l'auteur", max_length=150, blank=True)
    at = models.DateTimeField("date", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "entrée du journal"
        verbose_name_plural = "journal des dossiers"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} — {self.dossier_public_id}"
