import factory
import wagtail_factories
from django.utils import timezone

from petitions.models import PetitionPage, Signature, SignatureCount
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory


class PetitionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Petition {n}")
    ask = "Organise a special Recall of Conference now."
    why = "<p>Let the members decide.</p>"
    goal = 100

    class Meta:
        model = PetitionPage


def recall_campaign(home_page):
    """The campaign the petition tests hang their petition on, in a campaign index of its own."""
    index = CampaignIndexPageFactory(parent=home_page)
    return CampaignPageFactory(parent=index, title="Recall conference", slug="recall-conference")


def recall_petition(campaign):
    return PetitionPageFactory(parent=campaign, title="Recall conference now", slug="petition", goal=5)


def show_on_home_page(home_page, petition):
    """The home page with a petition section showing `petition` (and its live count), published."""
    home_page.body = [("petition", {"heading": "Sign the petition", "petition": petition})]
    home_page.save_revision().publish()
    return home_page


def add_confirmed_signatures(petition, number, start=0):
    """`number` confirmed signatures in bulk, and the counter raised as confirming them would have."""
    now = timezone.now()
    Signature.objects.bulk_create(
        [
            Signature(
                petition=petition,
                name=f"Signer {n}",
                email=f"signer-{n}@example.org",
                show_name=n % 2 == 0,
                confirmed_at=now,
            )
            for n in range(start, start + number)
        ],
        batch_size=2000,
    )
    counter, _ = SignatureCount.objects.get_or_create(petition=petition)
    counter.confirmed += number
    counter.save()


def signature_data(petition, **overrides):
    """What a visitor sends to sign `petition`, valid as it stands."""
    data = {
        "name": "Rosa Parks",
        "email": "Rosa@Example.org",
        "postcode": "l1 8jq",
        "show_name": "on",
        "data_consent": "on",
        "consent_version": petition.consent_version,
        "nickname": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
