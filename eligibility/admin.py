from django.contrib import admin

from .models import CpamAidCeiling


@admin.register(CpamAidCeiling)
class CpamAidCeilingAdmin(admin.ModelAdmin):
    list_display = ["label", "department", "annual_ceiling_one_person", "ratio_to_css_participation_ceiling", "verified_on"]
    search_fields = ["label", "department"]
