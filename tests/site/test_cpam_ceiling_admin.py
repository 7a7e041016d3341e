"""Each CPAM's aid ceiling is edited in the Django admin; bad rows are refused with a clear message."""

import pytest
from django.contrib.auth import get_user_model

from eligibility.models import CpamAidCeiling

ADD_URL = "/admin/eligibility/cpamaidceiling/add/"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "admin-password-123")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def form(**overrides):
    data = {"department": "93", "label": "CPAM de Seine-Saint-Denis", "annual_ceiling_one_person": "",
            "ratio_to_css_participation_ceiling": "", "notes": "", "source": "", "verified_on": ""}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_admin_creates_a_local_ceiling(admin_client):
    response = admin_client.post(ADD_URL, form(annual_ceiling_one_person="15000"))
    assert response.status_code == 302
    assert CpamAidCeiling.objects.get(department="93").annual_ceiling_one_person == 15000


@pytest.mark.django_db
@pytest.mark.parametrize("amounts", [{}, {"annual_ceiling_one_person": "15000", "ratio_to_css_participation_ceiling": "1.2"}])
def test_admin_refuses_neither_or_both_bases(admin_client, amounts):
    response = admin_client.post(ADD_URL, form(**amounts))
    assert response.status_code == 200
    assert "soit un plafond annuel, soit un rapport" in response.content.decode()
    assert not CpamAidCeiling.objects.exists()


@pytest.mark.django_db
def test_only_one_national_default(admin_client):
    CpamAidCeiling.objects.create(department=None, label="Défaut", ratio_to_css_participation_ceiling=1)
    response = admin_client.post(ADD_URL, form(department="", label="Autre défaut", ratio_to_css_participation_ceiling="1.1"))
    assert response.status_code == 200
    assert CpamAidCeiling.objects.count() == 1


@pytest.mark.django_db
def test_admin_default_row_is_stored_without_department(admin_client):
    response = admin_client.post(ADD_URL, form(department="", label="Défaut", ratio_to_css_participation_ceiling="1.1"))
    assert response.status_code == 302
    assert CpamAidCeiling.objects.get().department is None
