"""What every public form shares: a honeypot against bots and a per-address limit on posts."""

import ipaddress
import re

from django import forms
from django.conf import settings
from django.template.response import TemplateResponse
from django_ratelimit.core import is_ratelimited

from website.never_cache import never_cached

HONEYPOT_FIELD = "nickname"
# What a one-line answer may not hold: line breaks of every kind (CR, LF, vertical tab, form feed, NEL, the Unicode
# line and paragraph separators), every other control character, and the invisible marks that reorder text (bidi
# embeddings, overrides and isolates). Names and the like reach e-mail bodies and exports: one line stays one line.
NOT_ON_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def refuse_hidden_characters(value):
    if NOT_ON_ONE_LINE.search(value):
        raise forms.ValidationError(
            "Please keep this on one line, without hidden characters: type it again if you pasted it.",
            code="not_one_line",
        )


def is_single_line(field):
    """A text field typed on one line: every CharField (e-mail and web addresses included) but a multi-line box."""
    return isinstance(field, forms.CharField) and not isinstance(field.widget, forms.Textarea)


class ProtectedForm(forms.Form):
    """A public form with a honeypot: a field people never see and bots fill in."""

    nickname = forms.CharField(
        required=False,
        max_length=100,
        label="Leave this field empty",
        template_name="includes/honeypot_field.html",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if is_single_line(field):
                field.validators = [*field.validators, refuse_hidden_characters]

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


def is_rate_limited(request, group, rate, method="POST", email_field=None, email_rate=None):
    """True once this address has sent more than `rate` (e.g. "5/m", "20/h") `method` requests to `group`, or, with
    `email_field`, once more than `email_rate` of them gave the same e-mail address in that field.

    Each call counts one request, so call it once per submission, before validating. Both counts are kept either way.
    """
    by_address = is_ratelimited(request, group=group, key="ip", rate=rate, method=method, increment=True)
    if email_field is None:
        return by_address
    by_email = is_ratelimited(
        request, group=f"{group}-email", key=email_key(email_field), rate=email_rate, method=method, increment=True
    )
    return by_address or by_email


def email_key(field):
    """The rate limit's key for the e-mail address a post gives in `field`, as the records compare it."""

    def key(group, request):
        return request.POST.get(field, "").strip().lower()

    return key


def too_many_requests(request, exception=None, template_name="429.html", retry_after=600):
    """The "try again later" page, with the status and header that tell clients when (in seconds)."""
    response = TemplateResponse(request, template_name, status=429)
    response["Retry-After"] = str(retry_after)
    # One address's refusal: no cache may hand it to anyone else, or keep it past the wait.
    return never_cached(response)
