from django import forms

from website.forms import ProtectedForm


class SignatoryForm(ProtectedForm):
    """What a person gives to sign an open letter. The updates box's wording comes from the letter."""

    name = forms.CharField(max_length=100, label="Your name")
    role = forms.CharField(
        max_length=100, required=False, label="Your role", help_text="Optional, e.g. “CLP secretary”."
    )
    organisation = forms.CharField(
        max_length=150, required=False, label="Your organisation", help_text="Optional: your union, branch or group."
    )
    email = forms.EmailField(
        max_length=254, label="E-mail address", help_text="To confirm your signature. It is never shown."
    )
    keep_updated = forms.BooleanField(required=False)

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.letter = letter
        self.fields["keep_updated"].label = letter.updates_consent_text
        # The honeypot comes last, after everything a person fills in.
        self.order_fields([name for name in self.fields if name != "nickname"] + ["nickname"])

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Please tell us your name.")
        return name

    def clean_role(self):
        return " ".join(self.cleaned_data["role"].split())

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if len(email) > self.fields["email"].max_length:
            raise forms.ValidationError(f"Ensure this value has at most {self.fields['email'].max_length} characters.")
        return email

    def consent_record(self):
        """The updates box as the person saw it, and whether they ticked it."""
        return f"[{'x' if self.cleaned_data['keep_updated'] else ' '}] {self.letter.updates_consent_text}"
