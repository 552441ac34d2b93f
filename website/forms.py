"""What every public form shares: a honeypot against bots and a per-address limit on posts."""

from django import forms
from django.template.response import TemplateResponse
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


def is_rate_limited(request, group, rate):
    """True once this address has sent more than `rate` (e.g. "5/m", "20/h") posts to `group`.

    Each call counts one post, so call it once per submission, before validating.
    """
    return is_ratelimited(request, group=group, key="ip", rate=rate, method="POST", increment=True)


def too_many_requests(request, exception=None):
    """The "try again later" page, with the status and header that tell clients when."""
    response = TemplateResponse(request, "429.html", status=429)
    response["Retry-After"] = "600"
    return response
