import re

from django import forms

from website.forms import ProtectedForm

# The shape of a UK postcode, loosely: outward code, optional space, inward code.
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


class SignUpForm(ProtectedForm):
    """What a person gives to sign up. The wording of the questions and consent comes from the page."""

    name = forms.CharField(max_length=100, label="Your name")
    email = forms.EmailField(max_length=254, label="E-mail address")
    postcode = forms.CharField(
        max_length=10, required=False, label="Postcode", help_text="Optional: so we can tell you what's near you."
    )
    membership = forms.CharField(max_length=200, required=False, widget=forms.TextInput)
    interests = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="What would you like to do?"
    )
    email_updates = forms.BooleanField(required=False)
    data_consent = forms.BooleanField(
        error_messages={"required": "Please tick this box: without it we cannot keep your sign-up."}
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["membership"].label = page.membership_question
        self.fields["membership"].help_text = "Optional."
        self.fields["interests"].choices = [(choice, choice) for choice in page.interest_choices()]
        self.fields["email_updates"].label = page.email_consent_text
        self.fields["data_consent"].label = page.data_consent_text
        self.fields["consent_version"].initial = page.consent_version
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
            raise forms.ValidationError(
                f"Ensure this value has at most {self.fields['email'].max_length} characters (it has {len(email)})."
            )
        return email

    def clean_postcode(self):
        postcode = " ".join(self.cleaned_data["postcode"].upper().split())
        if postcode and not POSTCODE.match(postcode):
            raise forms.ValidationError("That doesn't look like a UK postcode, such as SW1A 1AA. You may leave it out.")
        return postcode

    def clean_consent_version(self):
        if self.cleaned_data["consent_version"] != self.page.consent_version:
            # The wording changed while the form was open: the person must consent to what it says now.
            raise forms.ValidationError(
                "The wording of the consent boxes has just changed. Please read them again and tick what you agree to."
            )
        return self.cleaned_data["consent_version"]

    def consent_record(self):
        """The consent as the person gave it: each box's wording and whether they ticked it."""
        data = self.cleaned_data
        return "\n".join(
            [
                f"[{'x' if data['email_updates'] else ' '}] {self.page.email_consent_text}",
                f"[{'x' if data['data_consent'] else ' '}] {self.page.data_consent_text}",
            ]
        )
