from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "eligibility"
    verbose_name = "Droits et simulations"

    def ready(self) -> None:
        # Load and validate every legal parameter file once at start-up: a malformed file stops the
        # process here, never in the middle of a request.
        from eligibility.rules.parameters import default_parameters

        from . import checks  # noqa: F401  (registers the system checks)

        default_parameters()
