"""The optional TOTP second factor (django-otp): required by an organisation setting, or by the account
once set up; codes from a real TOTP computation on the device's key."""

from __future__ import annotations

import time
from base64 import b32encode
from urllib.parse import quote

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import PASSWORD

pytestmark = pytest.mark.django_db


def code(device, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def log_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_without_the_setting_nothing_more_is_asked(client, agent, dossier):
    log_in(client, agent)
    assert client.get(reverse("dossiers:detail", args=[dossier.public_id])).status_code == 200


def test_a_required_second_factor_is_set_up_then_asked_at_each_login(client, org, agent, dossier):
    org.require_second_factor = True
    org.save()
    log_in(client, agent)
    detail = reverse("dossiers:detail", args=[dossier.public_id])
    response = client.get(detail)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('dossiers:second_factor')}?next={quote(detail, safe='')}"
    # no device yet: the set-up page, with the key and the otpauth link
    setup = client.get(response["Location"], follow=True)
    assert setup.redirect_chain[-1][0].startswith(reverse("dossiers:second_factor_setup"))
    html = setup.content.decode()
    device = TOTPDevice.objects.get(user=agent, confirmed=False)
    key = b32encode(device.bin_key).decode()
    assert f"otpauth://totp/aidsante%3Acamille.agent?secret={key}&amp;" in html and "Dupont" not in html
    assert " ".join(key[i:i + 4] for i in range(0, len(key), 4)) in html
    # a wrong code is refused next to the field, nothing is confirmed
    wrong = client.post(reverse("dossiers:second_factor_setup"), {"token": "000000", "next": detail})
    assert "Ce code n&#x27;est pas le bon" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    response = client.post(reverse("dossiers:second_factor_setup"), {"token": code(device), "next": detail})
    assert response.status_code == 302 and response["Location"] == detail
    assert client.get(detail).status_code == 200
    device.refresh_from_db()
    assert device.confirmed

    # next login: the code is asked, the set-up cannot be replayed to replace the device
    client.logout()
    log_in(client, agent)
    assert client.get(detail).status_code == 302
    assert client.get(reverse("dossiers:second_factor_setup"))["Location"].startswith(reverse("dossiers:second_factor"))
    assert TOTPDevice.objects.filter(user=agent).count() == 1
    response = client.post(reverse("dossiers:second_factor"), {"token": code(device, offset=30), "next": detail})
    assert response.status_code == 302 and response["Location"] == detail
    assert client.get(detail).status_code == 200


def test_every_workspace_page_waits_for_the_code(client, org, agent, dossier):
    from .test_dossiers_isolation import dossier_urls, snapshot, workspace_urls

    dossier.tasks.create(title="Relancer la CPAM", due_on="2026-12-01")
    org.require_second_factor = True
    org.save()
    before = snapshot(dossier)
    log_in(client, agent)
    exempt = {reverse("dossiers:second_factor"), reverse("dossiers:second_factor_setup")}
    for method, url, data in dossier_urls(dossier) + workspace_urls():
        if url in exempt:
            continue
        response = client.post(url, data) if method == "post" else client.get(url)
        assert response.status_code == 302, (method, url, response.status_code)
        assert response["Location"].startswith(reverse("dossiers:second_factor")), url
    assert snapshot(dossier) == before


def test_an_account_that_set_it_up_is_asked_even_if_not_required(client, agent, dossier):
    TOTPDevice.objects.create(user=agent, name="x", confirmed=True)
    log_in(client, agent)
    assert client.get(reverse("dossiers:list")).status_code == 302


def test_a_second_organisation_requiring_it_is_enough(client, org, other_org, agent):
    from dossiers.models import Membership

    Membership.objects.create(user=agent, organisation=other_org)
    other_org.require_second_factor = True
    other_org.save()
    log_in(client, agent)
    assert client.get(reverse("dossiers:list")).status_code == 302


def test_the_next_address_stays_on_the_site(client, org, agent):
    org.require_second_factor = True
    org.save()
    device = TOTPDevice.objects.create(user=agent, name="x", confirmed=True)
    log_in(client, agent)
    response = client.post(reverse("dossiers:second_factor"), {"token": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/dossiers/"


def test_repeated_wrong_codes_are_throttled(client, org, agent):
    org.require_second_factor = True
    org.save()
    device = TOTPDevice.objects.create(user=agent, name="x", confirmed=True)
    log_in(client, agent)
    client.post(reverse("dossiers:second_factor"), {"token": "000000"})
    response = client.post(reverse("dossiers:second_factor"), {"token": code(device)})
    assert response.status_code == 200 and "Trop d" in response.content.decode()
    assert client.get(reverse("dossiers:list")).status_code == 302
