"""The demo's open letter: the recall conference's, co-signed by the seed's organisations, with a few people."""

from django.utils import timezone

from campaigns.models import CampaignPage
from letters.choices import SignatoryStatus
from letters.models import LetterOrganisation, OpenLetterPage, Signatory
from website.demo import child_page

LETTER_SLUG = "let-the-members-decide"
LETTER_TITLE = "Recall conference: let the members decide"
LETTER_TEXT = (
    "<p>To the members of Labour's National Executive Committee,</p>"
    "<p>We write as members, constituency parties, trade unionists and left groups. Decisions that shape the "
    "party's future, and the lives of the working people it exists to represent, are being taken over the heads of "
    "its members and affiliated unions.</p>"
    "<p>We ask the NEC to recall conference now, so that members and affiliates can debate and decide the party's "
    "direction: on the budget cuts that fall on working people, on public ownership, and on the rights of members "
    "to choose their own candidates.</p>"
    "<p>A party that belongs to its members lets its members decide. Recall conference.</p>"
    "<p>Signed,</p>"
)
# The seed's organisations, as the recall campaign's backers name them (campaigns/demo.py).
SIGNATORIES = [
    ("Ruth Abbott", "Secretary", "Leeds Central CLP"),
    ("Daniel Okafor", "Branch chair", "Unite Leeds Community Branch"),
    ("Siobhan Murphy", "Firefighter", "FBU London Region"),
    ("Arjun Patel", "Member", "Momentum Sheffield"),
]


def load(log):
    campaign = CampaignPage.objects.filter(slug="recall-conference").first()
    if campaign is None:
        log("No recall campaign: the open letter is left out.")
        return
    existing = campaign.get_children().filter(slug=LETTER_SLUG).first()
    letter = child_page(
        campaign,
        OpenLetterPage,
        LETTER_SLUG,
        log,
        title=LETTER_TITLE,
        listing_summary="Members, unions and left groups ask Labour's NEC to recall conference. Add your name.",
        addressee="Labour's National Executive Committee",
        text=LETTER_TEXT,
        organisation_signatories=[
            LetterOrganisation(organisation=backer.organisation, sort_order=position)
            for position, backer in enumerate(campaign.backers.all())
        ],
    )
    if existing is not None:
        return
    now = timezone.now()
    for name, role, organisation in SIGNATORIES:
        Signatory.objects.create(
            letter=letter,
            name=name,
            role=role,
            organisation=organisation,
            email=f"{name.split()[0].lower()}@example.org",
            status=SignatoryStatus.APPROVED,
            consent_text="[ ] (demo content)",
            confirmed_at=now,
            reviewed_at=now,
        )
    log(f"Open letter “{LETTER_TITLE}”: {len(SIGNATORIES)} approved signatories.")
