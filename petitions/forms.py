"""What a person gives to sign a petition; the consent wording comes from the petition."""

from django import forms

from signup.forms import POSTCODE
from website.forms import ProtectedForm


class SignatureForm(ProtectedForm):
    name = forms.CharField(max_length=100, label="Your name")
    email = forms.EmailField(
        max_length=254,
        label="E-mail address",
        help_text="We e-mail you a link: your signature counts once you confirm.",
    )
    postcode = forms.CharField(
        max_length=10, required=False, label="Postcode", help_text="Optional: a UK postcode, to show where support is."
    )
    show_name = forms.BooleanField(
        required=False,
        label="Show my name on the public list of signatures",
        help_text="A moderator checks each name before it shows.",
    )
    keep_updated = forms.BooleanField(required=False)
    data_consent = forms.BooleanField(
        error_messages={"required": "Please tick this box: without it we cannot keep your signature."}
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, petition, **kwargs):
        super().__init__(*args, **kwargs)
        self.petition = petition
        self.fields["keep_updated"].label = petition.updates_consent_text
        self.fields["data_consent"].label = petition.data_consent_text
        self.fields["consent_version"].initial = petition.consent_version
        # The honeypot comes last, after everything a person fills in.
        self.order_fields([name for name in self.fields if name != "nickname"] + ["nickname"])

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Please tell us your name.")
        return name

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        # Lower-casing lengthens some letters (İ becomes i and a dot): measure what is stored.
        if len(email) > self.fields["email"].max_length:
            raise forms.ValidationError(f"Ensure this value has at most 254 characters (it has {len(email)}).")
        return email

    def clean_postcode(self):
        postcode = " ".join(self.cleaned_data["postcode"].upper().split())
        if postcode and not POSTCODE.match(postcode):
            raise forms.ValidationError("That doesn't look like a UK postcode, such as SW1A 1AA. You may leave it out.")
        return postcode

    def clean_consent_version(self):
        if self.cleaned_data["consent_version"] != self.petition.consent_version:
            raise forms.ValidationError(
                "The wording of the consent boxes has just changed. Please read them again and tick what you agree to."
            )
        return self.cleaned_data["consent_version"]

    def consent_record(self):
        """The consent as the person gave it: each box's wording and whether they ticked it."""
        data = self.cleaned_data
        return "\n".join(
            [
                f"[{'x' if data['data_consent'] else ' '}] {self.petition.data_consent_text}",
                f"[{'x' if data['keep_updated'] else ' '}] {self.petition.updates_consent_text}",
            ]
        )
