from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class EligibilityConfig(AppConfig):
    name = "eligibility"
    verbose_name = "Droits et simulations"

    def ready(self) -> None:
        # Load and validate every legal parameter file once at start-up: a malformed file stops the
        # process here, never in the middle of a request.
        from eligibility.rules.parameters import default_parameters

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import CpamAidCeiling

        default_parameters()
        # The CPAM ceilings are kept in memory between simulations: a change in the admin reloads them.
        post_save.connect(_cpam_ceiling_changed, sender=CpamAidCeiling, dispatch_uid="cpam-ceiling-saved")
        post_delete.connect(_cpam_ceiling_changed, sender=CpamAidCeiling, dispatch_uid="cpam-ceiling-deleted")


def _cpam_ceiling_changed(**kwargs) -> None:
    from eligibility.services import cpam_ceilings

    cpam_ceilings.changed()
