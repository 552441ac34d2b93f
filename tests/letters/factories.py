import factory
import wagtail_factories
from django.utils import timezone

from letters.choices import SignatoryStatus
from letters.models import OpenLetterPage, Signatory


class OpenLetterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Open letter {n}")
    addressee = "Labour's National Executive Committee"
    text = "<p>We ask you to recall conference.</p>"

    class Meta:
        model = OpenLetterPage


class SignatoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Signatory {n}")
    role = "Member"
    organisation = "Unite"
    email = factory.Sequence(lambda n: f"signatory{n}@example.org")
    status = SignatoryStatus.APPROVED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Signatory


def bulk_signatories(letter, count, status=SignatoryStatus.APPROVED, start=0):
    """`count` signatories made in one query: for the query budgets."""
    now = timezone.now()
    Signatory.objects.bulk_create(
        Signatory(
            letter=letter,
            name=f"Bulk signatory {start + number}",
            role="Member",
            organisation="A branch",
            email=f"bulk{start + number}@example.org",
            status=status,
            confirmed_at=now,
        )
        for number in range(count)
    )


def form_data(**overrides):
    data = {
        "name": "Rosa Parks",
        "role": "Branch secretary",
        "organisation": "Unite Liverpool",
        "email": "Rosa@Example.org",
        "nickname": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
