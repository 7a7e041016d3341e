"""The optional TOTP second factor (django-otp): set up once with an authenticator application, then a
six-digit code after each login. Asked of every member of an organisation that requires it, and of any
account that set it up. Codes are throttled by django-otp (each failure doubles the wait)."""

from __future__ import annotations

from base64 import b32encode

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from eligibility.safe_input import SafeForm

from ..permissions import member_required, read_only_allowed, second_factor_exempt, second_factor_required

DEVICE_NAME = "Application d'authentification"


class TokenForm(SafeForm):
    token = forms.CharField(
        label="Code à six chiffres affiché par l'application", max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError("Saisissez les six chiffres du code.")
        return token


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/dossiers/"


def _with_next(name: str, request) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next(request)})}"


def _check(device, form) -> bool:
    """Verify the form's code on the device; a wrong or throttled code is said next to the field."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        form.add_error("token", "Trop d'essais : attendez une minute avant de saisir un nouveau code.")
        return False
    if not device.verify_token(form.cleaned_data["token"]):
        form.add_error("token", "Ce code n'est pas le bon, ou il a expiré : saisissez le code affiché maintenant.")
        return False
    return True


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
@read_only_allowed
@second_factor_exempt
def second_factor(request):
    """After the password: the code of the device set up earlier (or its set-up if there is none)."""
    device = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).first()
    if device is None:
        return redirect(_with_next("dossiers:second_factor_setup", request))
    if request.user.is_verified():
        return redirect(_next(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _check(device, form):
        otp_login(request, device)
        return redirect(_next(request))
    return render(request, "dossiers/second_factor.html", {"form": form, "next": _next(request)})


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
@read_only_allowed
@second_factor_exempt
def second_factor_setup(request):
    """Set up the authenticator application: its key (typed or opened as an otpauth link), then a first
    code to confirm. An account that already has one must first pass it (a stolen session cannot replace it)."""
    confirmed = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).first()
    if confirmed is not None:
        if not request.user.is_verified():
            return redirect(_with_next("dossiers:second_factor", request))
        return render(request, "dossiers/second_factor_setup.html", {
            "active": True, "required": second_factor_required(request.user, request.memberships),
        })
    device = TOTPDevice.objects.devices_for_user(request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _check(device, form):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, "Second facteur activé : un code vous sera demandé à chaque connexion.")
        return redirect(_next(request))
    key = b32encode(device.bin_key).decode()
    return render(request, "dossiers/second_factor_setup.html", {
        "form": form, "next": _next(request), "config_url": device.config_url,
        "key_groups": " ".join(key[i:i + 4] for i in range(0, len(key), 4)),
        "required": second_factor_required(request.user, request.memberships),
    })
