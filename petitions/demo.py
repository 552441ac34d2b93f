"""The demo's petition: the recall campaign's demand to Labour's NEC, with a goal, a plausible count of confirmed
signatures (made in bulk) and its section on the home page."""

import datetime

from django.utils import timezone

from campaigns.models import CampaignPage
from petitions.models import NameReview, PetitionPage, Signature, SignatureCount
from website.demo import add_home_section, child_page

SLUG = "petition-to-the-nec"
TITLE = "Recall conference now: a petition to Labour's NEC"
ASK = (
    "We call on the National Executive Committee to immediately organise a special Recall of Conference, and let "
    "the members decide the fate and future of our party."
)
WHY = (
    "<p>The Labour Party is in a crisis. Members, CLPs, trade unionists and left groups are demanding that the "
    "National Executive Committee immediately organise a special Recall of Conference to resolve it.</p>"
    "<p>The call already has the support of the Socialist Campaign Group of Labour MPs, Labour NEC members, Unite, "
    "the FBU and the BFAWU, and of Momentum, Don't Leave, Organise and Labour4Clause4. Add your name: we hand the "
    "signatures to the NEC before it meets.</p>"
)
GOAL = 5000
DEMO_SIGNATURES = 3847
FIRST_NAMES = ["Aisha", "Ben", "Cara", "Dev", "Eilidh", "Femi", "Gwen", "Hamza", "Iona", "Jack", "Kiran", "Lola"]
SURNAMES = ["Ahmed", "Byrne", "Clarke", "Davies", "Evans", "Fraser", "Griffiths", "Hughes", "Iqbal", "Jones"]


def load(log):
    recall = CampaignPage.objects.filter(slug="recall-conference").first()
    if recall is None:
        log("  petition: no recall campaign to put it under")
        return
    petition = child_page(
        recall,
        PetitionPage,
        SLUG,
        log,
        title=TITLE,
        listing_summary="Sign the petition for a special Recall of Conference: let the members decide.",
        ask=ASK,
        why=WHY,
        goal=GOAL,
        hand_in_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    add_signatures(petition, DEMO_SIGNATURES, log)
    add_home_section("petition", {"heading": "Sign the petition", "petition": petition}, log, after="call_to_action")


def add_signatures(petition, number, log):
    """`number` confirmed signatures, made in bulk, and the counter that says so (once: a second load adds none)."""
    if Signature.objects.filter(petition=petition).exists():
        log("  petition signatures: already there")
        return
    now = timezone.now()
    signatures = [
        Signature(
            petition=petition,
            name=f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {SURNAMES[n // len(FIRST_NAMES) % len(SURNAMES)]}",
            email=f"demo-signer-{n}@example.org",
            show_name=n % 3 == 0,
            # A moderator let some of them show, and has still to look at the newest few.
            name_review=NameReview.SHOWN if n % 3 == 0 and n >= 6 else NameReview.PENDING,
            consent_text=f"[x] {petition.data_consent_text}\n[ ] {petition.updates_consent_text}",
            consent_version=petition.consent_version,
            confirmed_at=now - datetime.timedelta(minutes=n),
        )
        for n in range(number)
    ]
    Signature.objects.bulk_create(signatures, batch_size=1000)
    SignatureCount.objects.update_or_create(petition=petition, defaults={"confirmed": number})
    log(f"  petition signatures: {number} added")
