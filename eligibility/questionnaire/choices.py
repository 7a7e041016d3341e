"""Django ``TextChoices`` built from the rules' closed lists (the rules themselves never import Django)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from eligibility.rules.enums import (
    Activity,
    Basket,
    Complementary,
    HousingStatus,
    LabelledEnum,
    Sector,
)


def text_choices(enum: type[LabelledEnum]) -> type[models.TextChoices]:
    """A ``TextChoices`` class with the same values and labels as ``enum``, translated on the public pages.

    The labels' msgids are listed in ``rule_labels.py`` (``scripts/rule_labels.py`` writes it from the rules).
    """
    return models.TextChoices(enum.__name__, [(m.name, (m.value, gettext_lazy(m.label))) for m in enum])


HousingStatusChoices = text_choices(HousingStatus)
ActivityChoices = text_choices(Activity)
ComplementaryChoices = text_choices(Complementary)
BasketChoices = text_choices(Basket)
SectorChoices = text_choices(Sector)
