"""Organisations (CCAS, CIAS, France Services, hospital social services) and their social workers."""

from django.conf import settings
from django.db import models


class OrganisationKind(models.TextChoices):
    CCAS = "ccas", "Centre communal d'action sociale (CCAS)"
    CIAS = "cias", "Centre intercommunal d'action sociale (CIAS)"
    FRANCE_SERVICES = "france_services", "France Services"
    HOSPITAL_SOCIAL_SERVICE = "hospital_social_service", "Service social hospitalier"
    OTHER = "other", "Autre service d'accompagnement"


class Organisation(models.Model):
    """A service whose social workers keep dossiers; its contact details print on its dossiers."""

    kind = models.CharField("type", max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.CCAS)
    name = models.CharField("nom", max_length=200)
    address = models.TextField("adresse")
    phone = models.CharField("téléphone", max_length=40)
    email = models.EmailField("adresse électronique", blank=True)
    opening_hours = models.TextField("horaires d'ouverture", blank=True)
    department = models.CharField("département", max_length=3, blank=True, help_text="Code INSEE, par exemple 93.")
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "organisation"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    AGENT = "agent", "Agent"
    MANAGER = "manager", "Responsable"


class Membership(models.Model):
    """A social-worker account's place in one organisation, with its role."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("rôle", max_length=16, choices=MembershipRole.choices, default=MembershipRole.AGENT)
    is_active = models.BooleanField("actif", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "membre"

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.get_role_display()}, {self.organisation})"

    @property
    def is_manager(self) -> bool:
        return self.role == MembershipRole.MANAGER
