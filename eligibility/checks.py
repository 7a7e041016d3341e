"""System checks on the legal parameters (run by ``manage.py check`` and at server start)."""

from django.core import checks
from django.utils import timezone

from eligibility.rules.parameters import default_parameters, stale_parameters


@checks.register("aidsante")
def check_parameters_freshness(app_configs=None, **kwargs):
    """Warn when a legal figure may be out of date (last checked over 13 months ago, or a yearly
    revaluation date such as 1 April has passed with no new value and no confirmation)."""
    today = timezone.localdate()
    return [
        checks.Warning(
            staleness.message,
            hint="Vérifiez la valeur en vigueur, puis ajoutez-la ou mettez à jour last_value_still_valid_on.",
            obj=staleness.name,
            id="aidsante.W001",
        )
        for staleness in stale_parameters(default_parameters(), today)
    ]
