"""Form fields for the way people type in France: amounts ("1 234,56 €") and dates ("22/11/2026")."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from eligibility.rules.reasons import MONTHS_FR

#: Every kind of space people (and word processors) put inside numbers.
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
_MONTHS = {name: i for i, name in enumerate(MONTHS_FR, start=1)}
_MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12, "1er": 1})


def parse_amount(text: str) -> Decimal:
    """Read a French or English amount: ``1 234,56``, ``1234.56``, ``1 234 €``, ``1.234,56``, ``1 234,56 €``.

    Raises ``ValueError`` with a plain-French message.
    """
    value = _SPACES.sub("", text.replace("€", "").replace("EUR", "").replace("euros", "").replace("euro", ""))
    if not value:
        raise ValueError(gettext("Indiquez un montant en euros, par exemple 1 234,56."))
    if value.startswith("-"):
        raise ValueError(gettext("Le montant ne peut pas être négatif : indiquez 0 si vous ne recevez rien."))
    if not re.fullmatch(r"[0-9.,]+", value):
        raise ValueError(gettext("Indiquez seulement des chiffres, par exemple 1 234,56 (sans lettres)."))
    if "," in value and "." in value:
        decimal_sep = "," if value.rfind(",") > value.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        value = value.replace(thousands, "")
        if value.count(decimal_sep) > 1:
            raise ValueError(gettext("Montant illisible : utilisez une seule virgule pour les centimes, par exemple 1 234,56."))
        value = value.replace(decimal_sep, ".")
    elif "," in value:
        if value.count(",") > 1:
            raise ValueError(gettext("Montant illisible : utilisez une seule virgule pour les centimes, par exemple 1 234,56."))
        value = value.replace(",", ".")
    elif value.count(".") > 1:
        # "1.234.567": dots used to group thousands.
        value = value.replace(".", "")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError(gettext("Montant illisible : écrivez par exemple 1 234,56.")) from None
    if amount.as_tuple().exponent < -2:
        raise ValueError(gettext("Indiquez au plus deux chiffres après la virgule (les centimes)."))
    return amount


class AmountField(forms.Field):
    """An amount in euros typed freely; cleans to ``Decimal``. Empty means ``None`` (or 0 with ``empty_zero``)."""

    widget = forms.TextInput

    def __init__(self, *, max_value: Decimal = Decimal("100000000"), empty_zero: bool = False, **kwargs):
        self.max_value = max_value
        self.empty_zero = empty_zero
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "decimal", "autocomplete": "off", "class": "input--short", "spellcheck": "false"})
        return attrs

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return Decimal("0") if self.empty_zero else None
        if isinstance(value, Decimal):
            return value
        try:
            amount = parse_amount(str(value))
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None
        if amount > self.max_value:
            raise ValidationError(gettext("Ce montant semble trop élevé : vérifiez le nombre de chiffres."), code="max_value")
        return amount


def parse_french_date(text: str) -> date:
    """Read ``22/11/2026``, ``22-11-2026``, ``22.11.2026``, ``2026-11-22`` or ``22 novembre 2026``."""
    value = " ".join(text.strip().lower().split())
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value):
        year, month, day = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})", value):
        day, month, year = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2}|1er) ([a-zéû]+) (\d{4})", value):
        day = 1 if m.group(1) == "1er" else int(m.group(1))
        month = _MONTHS.get(m.group(2), 0)
        year = int(m.group(3))
    else:
        raise ValueError(gettext("Écrivez la date sous la forme JJ/MM/AAAA, par exemple 02/06/1984."))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(gettext("Cette date n'existe pas : vérifiez le jour et le mois (JJ/MM/AAAA).")) from None


class _TypedDateField(forms.Field):
    """A date typed in a short text box, read by the subclass's ``parse`` (its error message says how to write
    it) and shown back with ``shown_as`` (``strftime``)."""

    widget = forms.TextInput
    shown_as = "%d/%m/%Y"

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"class": "input--short", "autocomplete": "off", "spellcheck": "false"})
        return attrs

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, date):
            return value
        try:
            return self.parse(str(value))
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, date):
            return value.strftime(self.shown_as)
        return value


class FrenchDateField(_TypedDateField):
    """A date typed as ``JJ/MM/AAAA`` (other common spellings accepted); cleans to ``date``."""

    shown_as = "%d/%m/%Y"
    parse = staticmethod(parse_french_date)

    def __init__(self, *, min_value: date | None = None, max_value: date | None = None, **kwargs):
        self.min_value, self.max_value = min_value, max_value
        super().__init__(**kwargs)


def parse_month(text: str) -> date:
    """Read a month: ``03/2026``, ``3-2026``, ``2026-03``, ``mars 2026`` → the first day of that month."""
    value = " ".join(text.strip().lower().split())
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
        year, month = int(m.group(1)), int(m.group(2))
    elif m := re.fullmatch(r"(\d{1,2})\s*[/.\- ]\s*(\d{4})", value):
        month, year = int(m.group(1)), int(m.group(2))
    elif m := re.fullmatch(r"([a-zéû]+) (\d{4})", value):
        month, year = _MONTHS.get(m.group(1), 0), int(m.group(2))
    else:
        raise ValueError(gettext("Écrivez le mois sous la forme MM/AAAA, par exemple 03/2026 pour mars 2026."))
    if not 1 <= month <= 12:
        raise ValueError(gettext("Ce mois n'existe pas : écrivez un mois de 01 à 12, par exemple 03/2026."))
    return date(year, month, 1)


class MonthField(_TypedDateField):
    """A month typed as ``MM/AAAA`` (or ``mars 2026``); cleans to the first day of the month."""

    shown_as = "%m/%Y"
    parse = staticmethod(parse_month)
