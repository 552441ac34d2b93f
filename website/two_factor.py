"""Optional two-factor sign-in for the admin: a time-based code (TOTP) from an authenticator app.

django-otp keeps the devices and checks the codes; this module adds what Wagtail's admin lacks: a page to
set up an app, a page to enter the code after the password, and a middleware that sends anyone who has set
one up (or everyone, when the operator sets TWO_FACTOR_REQUIRED) through it before any other admin page. Outside the
admin, such a session counts for nothing until the code is given: a page for signed-in users, or a document in a
private collection, answers it as it answers a stranger. A password alone opens nothing the second step guards.
"""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, path, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

# The admin pages an unverified user may still reach: the code pages themselves and signing out.
OPEN_URL_NAMES = ("two_factor_verify", "two_factor_setup", "wagtailadmin_logout")


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Six-digit code from your authenticator app",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"].strip().replace(" ", "")
        if not any(device.verify_is_allowed()[0] for device in self.devices):
            # django-otp slows guessing: each wrong code doubles the wait before the next is checked.
            raise forms.ValidationError("Too many wrong codes in a row: wait a few seconds, then try again.")
        for device in self.devices:
            if device.verify_token(code):
                self.device = device
                return code
        raise forms.ValidationError("That code is not right, or has expired. Try the code your app shows now.")


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def verify(request):
    """The second step of signing in, for users who have set up an authenticator app."""
    if request.user.is_verified():
        return redirect(safe_next(request, reverse("wagtailadmin_home")))
    devices = list(devices_for_user(request.user, confirmed=True))
    if not devices:
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None, devices=devices)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(safe_next(request, reverse("wagtailadmin_home")))
    return TemplateResponse(request, "website/two_factor/verify.html", {"form": form, "next": safe_next(request, "")})


def setup(request):
    """Links an authenticator app to the account: scan the code, then type what the app shows to confirm."""
    if user_has_device(request.user, confirmed=True):
        if not request.user.is_verified():
            return redirect("two_factor_verify")
        return TemplateResponse(request, "website/two_factor/setup.html", {"already_on": True})
    device, _ = TOTPDevice.objects.get_or_create(user=request.user, confirmed=False, defaults={"name": "App"})
    form = CodeForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, "Two-step sign-in is on. From now on you will be asked for a code from your app.")
        return redirect("wagtailadmin_account")
    # The QR code is drawn here, as SVG, so the secret never leaves the server.
    qr_code = segno.make(device.config_url).svg_inline(scale=5)
    return TemplateResponse(
        request,
        "website/two_factor/setup.html",
        {"form": form, "qr_code": qr_code, "secret": b32encode(device.bin_key).decode()},
    )


@require_POST
def turn_off(request):
    """Removes the user's authenticator apps; only from a session that has already passed the code."""
    if request.user.is_verified():
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, "Two-step sign-in is off for your account.")
    return redirect("wagtailadmin_account")


urlpatterns = [
    path("two-factor/verify/", verify, name="two_factor_verify"),
    path("two-factor/setup/", setup, name="two_factor_setup"),
    path("two-factor/turn-off/", turn_off, name="two_factor_turn_off"),
]


class TwoFactorMiddleware:
    """Holds an admin session at the code page until the code is given; elsewhere, treats that session as a
    stranger's, so that what a sign-in opens (pages for signed-in users, private collections' documents) stays shut.
    Sessions that need no second step, and visitors, are never affected."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL_PATH}/"

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            if request.path.startswith(self.admin_prefix):
                held_at = self.held_at(request, user)
                if held_at:
                    return redirect(f"{reverse(held_at)}?{urlencode({'next': request.get_full_path()})}")
            elif self.needs_second_step(user):
                request.user = AnonymousUser()
        return self.get_response(request)

    def needs_second_step(self, user):
        return getattr(settings, "TWO_FACTOR_REQUIRED", False) or user_has_device(user, confirmed=True)

    def held_at(self, request, user):
        try:
            if resolve(request.path_info).url_name in OPEN_URL_NAMES:
                return None
        except Resolver404:
            return None
        if user_has_device(user, confirmed=True):
            return "two_factor_verify"
        if self.needs_second_step(user):
            return "two_factor_setup"
        return None
