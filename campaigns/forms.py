import re

from django import forms

from campaigns.models import Registration
from website.forms import ProtectedModelForm

# Loose on purpose: any UK-shaped postcode, with or without its space.
UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


class RegistrationForm(ProtectedModelForm):
    class Meta:
        model = Registration
        fields = ["name", "email", "postcode", "organisation", "accessibility_needs"]
        labels = {
            "name": "Your name",
            "email": "Your e-mail address",
            "postcode": "Postcode (optional)",
            "organisation": "Your union, group or organisation (optional)",
            "accessibility_needs": "Anything you need to take part? (optional)",
        }
        help_texts = {
            "name": "",
            "organisation": "",
            "email": "We send your confirmation here.",
            "postcode": "Helps us organise travel and local meet-ups.",
            "accessibility_needs": (
                "Step-free access, BSL, a seat near the front, a quiet space: tell us and we plan for it."
            ),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, event, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.event = event

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Please tell us your name.")
        return name

    def clean_email(self):
        # An address already registered is not refused here: that would tell anyone who is coming. The view answers
        # as for a new registration and e-mails the address's owner instead (campaigns/views.py).
        return self.cleaned_data["email"].strip()

    def clean_postcode(self):
        postcode = " ".join(self.cleaned_data["postcode"].upper().split())
        if postcode and not UK_POSTCODE.match(postcode):
            raise forms.ValidationError(
                "That doesn't look like a UK postcode, such as SW1A 0AA. You may leave it blank."
            )
        return postcode
