"""Database-side settings of the rules: each CPAM's own ceiling for its discretionary aid."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models

DEPARTMENT_VALIDATOR = RegexValidator(
    r"^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$", "Code de département INSEE : par exemple 75, 2A, 971."
)


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
    notes = models.TextField("notes", blank=True, help_text="Conditions locales, pièces demandées, adresse du service.")
    source = models.CharField("source", max_length=300, blank=True, help_text="Règlement intérieur, délibération…")
    verified_on = models.DateField("vérifié le", null=True, blank=True)

    class Meta:
        verbose_name = "plafond d'aide de la CPAM"
        verbose_name_plural = "plafonds d'aide des CPAM"
        ordering = ["department"]

    def __str__(self) -> str:
        return self.label

    def clean(self):
        if (self.annual_ceiling_one_person is None) == (self.ratio_to_css_participation_ceiling is None):
            raise ValidationError("Renseignez soit un plafond annuel, soit un rapport au plafond de la CSS, pas les deux.")
