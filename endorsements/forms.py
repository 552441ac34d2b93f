"""The public form an organisation fills in to ask to endorse the network."""

import os
import re

from django import forms
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat

from endorsements.backing import backs, campaigns_to_back
from endorsements.models import EndorsementRequest, Organisation
from website.forms import ProtectedModelForm
from website.images import DecodableImageField
from website.svg import InvalidSvgError, sanitise_svg

LOGO_EXTENSIONS = ("png", "jpg", "jpeg", "webp", "avif", "svg")
LOGO_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")
# A statement may run over several lines, but nothing hidden; one-line fields are kept so by ProtectedForm.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def refuse_markup(value):
    if MARKUP.search(value):
        raise forms.ValidationError("Please write this as plain text, without HTML tags (< and >).")
    if CONTROL_CHARACTERS.search(value):
        raise forms.ValidationError("This contains hidden control characters; please type it again.")


class LogoField(DecodableImageField):
    """An image upload limited to the logo formats, a smaller size, and SVGs made passive."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_upload_size = LOGO_MAX_UPLOAD_SIZE
        self.max_upload_size_text = filesizeformat(LOGO_MAX_UPLOAD_SIZE)
        self.help_text = f"PNG, JPEG, WebP, AVIF or SVG, up to {self.max_upload_size_text}. Optional."
        self.widget.attrs["accept"] = ".png,.jpg,.jpeg,.webp,.avif,.svg,image/png,image/jpeg,image/webp,image/avif"

    def to_python(self, data):
        if data and os.path.splitext(getattr(data, "name", ""))[1].lower()[1:] not in LOGO_EXTENSIONS:
            raise forms.ValidationError(
                "Please send the logo as a PNG, JPEG, WebP, AVIF or SVG file.", code="invalid_image_extension"
            )
        return super().to_python(data)


class EndorsementRequestForm(ProtectedModelForm):
    website = forms.URLField(
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        label="Its website (optional)",
        help_text="Starting with https://; your logo will link there.",
    )
    logo = LogoField(required=False, label="Logo")
    campaign = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="The network as a whole",
        label="What your organisation backs",
        help_text="The network as a whole, or one of its campaigns.",
    )
    consent_contact = forms.BooleanField(
        required=True,
        label="We may write to the contact above about this request",
        error_messages={"required": "We need to be able to write to you about your request."},
    )

    class Meta:
        model = EndorsementRequest
        fields = [
            "campaign",
            "name",
            "kind",
            "region",
            "website",
            "contact_name",
            "contact_email",
            "logo",
            "statement",
            "consent_logo",
            "consent_contact",
        ]
        labels = {
            "name": "Organisation's name",
            "kind": "What sort of organisation it is",
            "region": "Where it organises",
            "contact_name": "Your name",
            "contact_email": "Your e-mail address",
            "statement": "Statement of support (optional)",
            "consent_logo": "We agree that the network shows our logo on its website",
        }
        help_texts = {
            "name": "As your organisation writes it, e.g. 'Unite Leeds Community Branch'.",
            "contact_email": "We write only about this request.",
            "statement": "A few sentences on why your organisation backs the network (up to 2,000 characters).",
            "kind": "",
            "region": "UK-wide for national bodies.",
            "contact_name": "",
            "consent_logo": "Without it we list your organisation by name only.",
        }
        widgets = {"statement": forms.Textarea(attrs={"rows": 5, "maxlength": 2000})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns_to_back()
        for name in ("name", "contact_name", "statement"):
            self.fields[name].validators.append(refuse_markup)
        # The honeypot goes last, where bots find it and people never do.
        self.order_fields([name for name in self.fields if name != "nickname"] + ["nickname"])

    def clean(self):
        cleaned = super().clean()
        name, campaign = cleaned.get("name"), cleaned.get("campaign")
        if not name:
            return cleaned
        # A request like one already waiting is saved like any other (editors see both): telling the visitor would
        # tell anyone which organisations are asking. Listed organisations are public, so saying so tells nothing.
        listed = Organisation.objects.filter(name__iexact=name, listed=True).first()
        if listed and campaign is None:
            self.add_error(
                "name",
                "This organisation already backs the network: thank you! Write to us to change how it is listed.",
            )
        elif listed and backs(campaign, listed):
            self.add_error("name", f"This organisation already backs “{campaign.title}”: thank you!")
        elif listed:
            # Already on the wall: backing one more campaign needs no second logo.
            cleaned["logo"] = None
        return cleaned

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or not logo.name.lower().endswith(".svg"):
            return logo
        logo.seek(0)
        try:
            clean = sanitise_svg(logo.read())
        except InvalidSvgError as error:
            raise forms.ValidationError(f"{error} Please send the logo as a PNG or a plain SVG.") from error
        return ContentFile(clean, name=os.path.basename(logo.name))
