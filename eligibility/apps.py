from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


def create_cache_table(sender, using="default", **kwargs) -> None:
    """The database cache's table (throttle counters shared by every worker), made by every ``migrate``.

    ``createcachetable`` does nothing when the table exists or the cache is not the database's (Redis).
    """
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


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
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="eligibility.create_cache_table")
        # The CPAM ceilings are kept in memory between simulations: a change in the admin reloads them.
        post_save.connect(_cpam_ceiling_changed, sender=CpamAidCeiling, dispatch_uid="cpam-ceiling-saved")
        post_delete.connect(_cpam_ceiling_changed, sender=CpamAidCeiling, dispatch_uid="cpam-ceiling-deleted")


def _cpam_ceiling_changed(**kwargs) -> None:
    from eligibility.services import cpam_ceilings

    cpam_ceilings.changed()
