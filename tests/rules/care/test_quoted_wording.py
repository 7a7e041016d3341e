"""A quoted-care figure found in one hop (README, « D'où vient une phrase ») : the price limit of a class I
hearing aid goes from its parameter file (``soins/audition_tarifs.yaml``) through ``care/tariffs.py`` to the
wording key ``care.quoted.hearing.class_1``, whose template reads it as a value and never repeats it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from eligibility.rules.care.tariffs import price_quoted
from eligibility.rules.enums import Basket, CareKind
from eligibility.rules.parameters import default_parameters
from eligibility.rules.reasons import format_eur
from eligibility.rules.wording import TEMPLATES, Eur, placeholders
from eligibility.rules.wording.quoted import TEMPLATES as QUOTED

P = default_parameters().at(date(2026, 11, 22))


@pytest.mark.parametrize(("age", "group"), [(40, "adult"), (12, "child")])
def test_the_class_1_price_limit_is_read_from_its_parameter_and_said_by_its_key(age, group):
    tariffs = P["soins.audition_tarifs"]
    assert (age < tariffs["age_limit"]) == (group == "child")
    limit = tariffs[group]["class_1_price_limit"]
    pricing = price_quoted(P, CareKind.HEARING_AIDS, quote=None, basket=Basket.CENT_POUR_CENT_SANTE, age=age,
                           member="p1", ears=2)
    reason = next(r for r in pricing.reasons if r.code == "care.quoted.hearing.class_1")
    assert reason.wording.key == "care.quoted.hearing.class_1"
    assert reason.params["limit"] == Eur(limit)
    assert reason.article == P.reference("soins.audition_tarifs").title
    assert pricing.price_limit == 2 * limit
    words = f"{limit:,}".replace(",", "\u202f")
    assert str(reason.text) == (f"Classe I (« 100 % Santé ») : prix limite {words}\u00a0€ par oreille ; rien à payer "
                                "avec la CSS ou une complémentaire responsable.")


def test_the_template_holds_the_value_not_the_figure():
    template = TEMPLATES["care.quoted.hearing.class_1"]
    assert QUOTED["care.quoted.hearing.class_1"] == template
    assert placeholders(template) == {"limit"}
    for group in ("adult", "child"):
        assert str(P["soins.audition_tarifs"][group]["class_1_price_limit"]) not in template


def test_no_quoted_template_repeats_a_price_of_the_tariffs():
    """No template of quoted care writes an amount of the tariff files: amounts are values (``{limit}``…)."""
    amounts = set()

    def collect(value):
        if isinstance(value, dict):
            for v in value.values():
                collect(v)
        elif isinstance(value, Decimal) and value >= 2:
            amounts.add(value)

    for name in ("soins.audition_tarifs", "soins.optique_tarifs", "soins.contrat_responsable_plafonds",
                 "soins.dentaire_100_sante_prix_limites", "soins.dentaire_css_montants_maximaux",
                 "soins.dentaire_base_remboursement", "soins.prix_usuels", "soins.audition_css_montants_maximaux"):
        collect(P[name])
    assert len(amounts) > 10
    for key, template in QUOTED.items():
        for amount in amounts:
            for written in (format_eur(amount), f"{amount.normalize():f} €", f"{amount.normalize():f}\u00a0€"):
                assert written not in template, (key, written)
