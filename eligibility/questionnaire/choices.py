"""Django ``TextChoices`` built from the rules' closed lists (the rules themselves never import Django)."""

from __future__ import annotations

from django.db import models

from eligibility.rules.enums import (
    Activity,
    Basket,
    Complementary,
    HousingStatus,
    LabelledEnum,
    Sector,
)


def text_choices(enum: type[LabelledEnum]) -> type[models.TextChoices]:
    """A ``TextChoices`` class with the same values and French labels as ``enum``."""
    return models.TextChoices(enum.__name__, [(m.name, (m.value, m.label)) for m in enum])


HousingStatusChoices = text_choices(HousingStatus)
ActivityChoices = text_choices(Activity)
ComplementaryChoices = text_choices(Complementary)
BasketChoices = text_choices(Basket)
SectorChoices = text_choices(Sector)
