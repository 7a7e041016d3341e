"""Django ``TextChoices`` built from the rules' closed lists (the rules themselves never import Django)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from eligibility.rules.enums import (
    Activity,
    Basket,
    Benefit,
    Complementary,
    Difficulty,
    HousingStatus,
    LabelledEnum,
    ResourceType,
    Role,
    Sector,
    Territory,
)


def text_choices(enum: type[LabelledEnum]) -> type[models.TextChoices]:
    """A ``TextChoices`` class with the same values and labels as ``enum``, translated on the public pages.

    The labels' msgids are listed in ``rule_labels.py`` (``scripts/rule_labels.py`` writes it from the rules).
    """
    return models.TextChoices(enum.__name__, [(m.name, (m.value, gettext_lazy(m.label))) for m in enum])


TerritoryChoices = text_choices(Territory)
HousingStatusChoices = text_choices(HousingStatus)
RoleChoices = text_choices(Role)
ActivityChoices = text_choices(Activity)
ResourceTypeChoices = text_choices(ResourceType)
BenefitChoices = text_choices(Benefit)
ComplementaryChoices = text_choices(Complementary)
BasketChoices = text_choices(Basket)
SectorChoices = text_choices(Sector)
DifficultyChoices = text_choices(Difficulty)
