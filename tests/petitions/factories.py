import factory
import wagtail_factories
from django.db import connection
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
    """`number` confirmed signatures, and the counter raised as confirming them would have. The first is saved as
    any signature is; the database copies the rest from it in one statement, each with a name and address of its
    own (100,000 made as objects and inserted in batches took a quarter of a minute)."""
    if number:
        first = Signature.objects.create(
            petition=petition,
            name=f"Signer {start}",
            email=f"signer-{start}@example.org",
            show_name=start % 2 == 0,
            confirmed_at=timezone.now(),
        )
        copy_signature(first, range(start + 1, start + number))
    counter, _ = SignatureCount.objects.get_or_create(petition=petition)
    counter.confirmed += number
    counter.save()


def copy_signature(signature, numbers):
    """Copies of `signature` numbered by `numbers` (consecutive), in one INSERT fed by a counting query that SQLite
    and PostgreSQL both run."""
    if not numbers:
        return
    quote = connection.ops.quote_name
    table = quote(Signature._meta.db_table)
    # The same names and addresses as before; %% is the driver's way of writing %.
    numbered = {"name": "'Signer ' || n", "email": "'signer-' || n || '@example.org'", "show_name": "n %% 2 = 0"}
    columns = [field.column for field in Signature._meta.concrete_fields if not field.primary_key]
    values = [numbered.get(column, f"original.{quote(column)}") for column in columns]
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE series(n) AS (SELECT CAST(%s AS integer) UNION ALL SELECT n + 1 FROM series WHERE n < %s) "  # noqa: S608 - our own names
            f"INSERT INTO {table} ({', '.join(map(quote, columns))}) "
            f"SELECT {', '.join(values)} FROM series, {table} AS original WHERE original.id = %s",
            [numbers.start, numbers.stop - 1, signature.pk],
        )


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
