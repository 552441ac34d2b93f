"""What every public form shares: a honeypot against bots and a per-address limit on posts."""

import ipaddress

from django import forms
from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django_ratelimit.core import is_ratelimited

HONEYPOT_FIELD = "nickname"


class ProtectedForm(forms.Form):
    """A public form with a honeypot: a field people never see and bots fill in."""

    nickname = forms.CharField(
        required=False,
        max_length=100,
        label="Leave this field empty",
        template_name="includes/honeypot_field.html",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_nickname(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                "This form could not be sent. If you are a person, please leave the last field empty."
            )
        return ""


class ProtectedModelForm(forms.ModelForm, ProtectedForm):
    """ProtectedForm for forms that save a model."""


def client_ip(request):
    """The visitor's address, as the rate limits and the sign-in lock-out count it.

    Each of the TRUSTED_PROXY_COUNT proxies in front appends the address it was reached from to X-Forwarded-For,
    so the visitor's is that many entries from the right; anything further left came from the visitor, who could
    write anything there. Without trusted proxies, or without a usable entry, it is the connection's own address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies:
        try:
            return str(ipaddress.ip_address(forwarded[-proxies]))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR", "")


def is_rate_limited(request, group, rate, method="POST"):
    """True once this address has sent more than `rate` (e.g. "5/m", "20/h") `method` requests to `group`.

    Each call counts one request, so call it once per submission, before validating.
    """
    return is_ratelimited(request, group=group, key="ip", rate=rate, method=method, increment=True)


def never_cached(response):
    """A page that holds someone's own details or a CSRF token: no cache, shared or the browser's, keeps it."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def too_many_requests(request, exception=None, template_name="429.html", retry_after=600):
    """The "try again later" page, with the status and header that tell clients when (in seconds)."""
    response = TemplateResponse(request, template_name, status=429)
    response["Retry-After"] = str(retry_after)
    # One address's refusal: no cache may hand it to anyone else, or keep it past the wait.
    response["Cache-Control"] = "private, no-store"
    return response
