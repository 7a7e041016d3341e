"""Admin: organisations and memberships in full; dossiers and the audit log without any applicant data.

The dossier admin lists and shows only the random UUID, organisation, status and dates — never the
applicant's name, contact details, answers, results or notes (those are read in the workspace, where
every reading is logged). The audit log is read-only.
"""

from django.contrib import admin

from .models import AuditEntry, Dossier, Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["user", "role", "is_active"]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "department", "phone", "email"]
    list_filter = ["kind"]
    search_fields = ["name", "department"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "is_active", "created_at"]
    list_filter = ["organisation", "role", "is_active"]
    search_fields = ["user__username", "organisation__name"]
    raw_id_fields = ["user"]


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["public_id", "organisation", "status", "created_at", "last_activity_at"]
    list_filter = ["organisation", "status"]
    search_fields = ["public_id"]
    fields = ["public_id", "organisation", "status", "consent_text_version", "created_at", "last_activity_at"]
    readonly_fields = fields
    ordering = ["-last_activity_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "organisation", "action", "detail", "actor_username", "dossier_public_id"]
    list_filter = ["organisation", "action"]
    search_fields = ["dossier_public_id", "actor_username"]
    fields = ["at", "organisation", "dossier_public_id", "action", "detail", "actor", "actor_username"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
