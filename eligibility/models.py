"""Database-side settings of the rules: each CPAM's own ceiling for its discretionary aid."""

import uuid
from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eligibility.rules.situation import DEPARTMENT_RE

DEPARTMENT_VALIDATOR = RegexValidator(DEPARTMENT_RE.pattern, "Code de département INSEE : par exemple 75, 2A, 971.")


class CpamAidCeiling(models.Model):
    """A CPAM's resource ceiling for its action sanitaire et sociale (individual financial aid).

    Each CPAM's commission sets its own ceiling in its règlement intérieur (arrêté of 26 October 1995);
    there is no national figure. Either an annual amount for one person, or a ratio to the household's
    CSS with-participation ceiling. A row without department is the national default, an indicative
    assumption that the results label as such.
    """

    department = models.CharField(
        "département", max_length=3, unique=True, null=True, blank=True, validators=[DEPARTMENT_VALIDATOR],
        help_text="Vide pour la valeur par défaut nationale (indicative).",
    )
    label = models.CharField("nom affiché", max_length=200, help_text="Par exemple « CPAM de Seine-Saint-Denis ».")
    annual_ceiling_one_person = models.DecimalField(
        "plafond annuel pour une personne (€)", max_digits=10, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    ratio_to_css_participation_ceiling = models.DecimalField(
        "rapport au plafond de la CSS avec participation", max_digits=5, decimal_places=3, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))], help_text="Par exemple 1,2 pour 120 % du plafond.",
    )
    notes = models.TextField("notes", max_length=2000, blank=True, help_text="Conditions locales, pièces demandées, adresse du service.")
    source = models.CharField("source", max_length=300, blank=True, help_text="Règlement intérieur, délibération…")
    verified_on = models.DateField("vérifié le", null=True, blank=True)

    class Meta:
        verbose_name = "plafond d'aide de la CPAM"
        verbose_name_plural = "plafonds d'aide des CPAM"
        ordering = ["department"]
        constraints = [
            models.CheckConstraint(
                name="cpam_aid_ceiling_exactly_one_basis",
                condition=(
                    models.Q(annual_ceiling_one_person__isnull=False, ratio_to_css_participation_ceiling__isnull=True)
                    | models.Q(annual_ceiling_one_person__isnull=True, ratio_to_css_participation_ceiling__isnull=False)
                ),
                violation_error_message="Renseignez soit un plafond annuel, soit un rapport au plafond de la CSS, pas les deux.",
            ),
            models.CheckConstraint(
                name="cpam_aid_ceiling_positive",
                condition=models.Q(annual_ceiling_one_person__gt=0) | models.Q(ratio_to_css_participation_ceiling__gt=0),
            ),
            # One national default at most (NULLs are distinct in a plain unique index).
            models.UniqueConstraint(
                Coalesce("department", models.Value("")), name="cpam_aid_ceiling_one_row_per_department",
                violation_error_message="Il existe déjà un plafond pour ce département (ou une valeur par défaut).",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def save(self, *args, **kwargs):
        self.department = self.department or None
        super().save(*args, **kwargs)

    def clean(self):
        # The admin form posts "" for an empty department: the national default is stored as NULL.
        self.department = self.department or None


class Case(models.Model):
    """One questionnaire case: the answers of one household, stored server side.

    ``public_id`` identifies the case in URLs (it is not personal data, and it is not enough to open a
    case: an anonymous visitor's session must hold it, which starting the case or entering its resume
    code grants). A social worker's dossier (``dossiers.Dossier``) owns its case through a one-to-one
    link; a case without dossier is anonymous and expires after ``CASE_EXPIRY_DAYS`` of inactivity.
    ``answers`` holds the wizard's storage (step data per step) with the ``schema_version`` of the
    questions they answer, so that saved cases survive changes to the questionnaire.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resume_code = models.CharField(max_length=16, unique=True, null=True, blank=True, editable=False)
    answers = models.JSONField(default=dict, blank=True)
    schema_version = models.PositiveIntegerField(default=1)
    version = models.PositiveIntegerField(default=0, help_text="Incremented at each save (optimistic locking).")
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(
        null=True, blank=True, help_text="Closed to anonymous edits (for example once imported into a dossier)."
    )
    language = models.CharField(
        max_length=8, blank=True, default="",
        help_text="Language the person chose on the public pages (a code of settings.LANGUAGES); empty: none chosen.",
    )

    class Meta:
        verbose_name = "questionnaire"

    def __str__(self) -> str:
        return f"Questionnaire {self.public_id}"


class FeedbackReaction(models.TextChoices):
    EXPECTED = "expected", _("Non, c'est ce que j'attendais")
    EXPECTED_MORE = "expected_more", _("Oui, je pensais avoir droit à plus")
    EXPECTED_LESS = "expected_less", _("Oui, je pensais avoir droit à moins")
    UNCLEAR = "unclear", _("Je ne comprends pas le résultat")
    OTHER = "other", _("Autre chose")


class ResultFeedback(models.Model):
    """A reaction to a result (« Ce résultat vous surprend ? »), kept with the case's id and nothing personal.

    ``case_id`` is the case's public id, not a foreign key: the reaction outlives the anonymous case's
    purge, names nobody, and lets a manager find the case while it exists. The CSS status and the rules'
    version are copied so that the feedback can be read once the case is gone.
    """

    case_id = models.UUIDField("questionnaire", db_index=True)
    created_at = models.DateTimeField("date", default=timezone.now, db_index=True)
    reaction = models.CharField(_("Ce résultat vous surprend ?"), max_length=20, choices=FeedbackReaction.choices)
    comment = models.TextField(_("Dites-nous pourquoi (facultatif)"), max_length=500, blank=True)
    css_status = models.CharField("statut CSS estimé", max_length=20, blank=True)
    ruleset_version = models.CharField("version des règles", max_length=20, blank=True)

    class Meta:
        verbose_name = "avis sur un résultat"
        verbose_name_plural = "avis sur les résultats"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_reaction_display()} ({self.created_at:%Y-%m-%d})"
