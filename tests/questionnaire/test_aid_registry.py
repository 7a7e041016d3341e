"""The registry of aids and the pages: every aid names a partial that exists, and the new aid is shown."""

from django.template.loader import get_template

from eligibility.rules.aids import AIDS


def test_every_aid_names_an_existing_partial():
    for aid in AIDS:
        assert get_template(aid.partial)
