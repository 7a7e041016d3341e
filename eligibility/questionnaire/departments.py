"""Find a department from what people type: its number (93, 2A, 971), a postal code (93200) or its name.

The list (``data/departements.csv``: INSEE code and name, overseas included) ships with the project: no
network look-up. Names are compared without accents, case, hyphens or apostrophes, and "St" means "Saint".
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eligibility.rules.enums import OVERSEAS_DEPARTMENT_BY_TERRITORY, Territory

DATA = Path(__file__).with_name("data") / "departements.csv"
TERRITORY_BY_DEPARTMENT = {code: territory for territory, code in OVERSEAS_DEPARTMENT_BY_TERRITORY.items()}


@dataclass(frozen=True)
class Department:
    code: str
    name: str

    @property
    def territory(self) -> Territory:
        return TERRITORY_BY_DEPARTMENT.get(self.code, Territory.METROPOLE)

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


def _key(text: str) -> str:
    """``Seine-St-Denis`` → ``seine saint denis``."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in words]
    if words and words[0] in ("la", "le", "les", "l"):
        words = words[1:]
    return " ".join(words)


@cache
def departments() -> dict[str, Department]:
    with DATA.open(encoding="utf-8") as handle:
        return {row["code"]: Department(row["code"], row["nom"]) for row in csv.DictReader(handle)}


@cache
def _by_name() -> dict[str, Department]:
    return {_key(d.name): d for d in departments().values()}


def _corsica(postal_code: str) -> str:
    """Corsican postal codes: 200xx and 201xx are Corse-du-Sud, 202xx to 206xx Haute-Corse."""
    return "2A" if postal_code[:3] in ("200", "201") else "2B"


def find_department(text: str) -> Department | None:
    """The department meant by ``text``, or ``None`` when nothing matches."""
    value = "".join(text.split()).upper()
    known = departments()
    if re.fullmatch(r"\d{5}", value):  # a postal code
        if value.startswith("97"):
            return known.get(value[:3])
        if value.startswith("20"):
            return known.get(_corsica(value))
        return known.get(value[:2])
    if re.fullmatch(r"\d{1,3}|2[AB]", value):
        return known.get(value.zfill(2) if len(value) == 1 else value)
    return _by_name().get(_key(text))
