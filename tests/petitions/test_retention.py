"""Signatures are kept only as long as needed; the count outlives them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from petitions.models import PetitionPage, Signature
from tests.petitions.factories import add_confirmed_signatures


@pytest.mark.django_db
def test_unconfirmed_signatures_go_after_the_pending_days_and_finished_petitions_are_anonymised(petition, settings):
    add_confirmed_signatures(petition, 2)
    old = Signature.objects.create(petition=petition, name="Old", email="old@example.org")
    Signature.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=settings.SIGNUP_PENDING_DAYS + 1)
    )
    Signature.objects.create(petition=petition, name="New", email="new@example.org")
    call_command("prune_signatures", stdout=StringIO())
    assert not Signature.objects.filter(name="Old").exists() and Signature.objects.filter(name="New").exists()
    assert Signature.objects.filter(confirmed_at__isnull=False, email__isnull=False).count() == 2

    petition.closed = True
    petition.hand_in_on = timezone.localdate() - timedelta(days=200)
    petition.save()
    assert petition.closed_on == timezone.localdate()
    # Switched off today: its signatures are kept a while yet, whatever its other dates.
    call_command("prune_signatures", stdout=StringIO())
    assert Signature.objects.filter(confirmed_at__isnull=False, email__isnull=False).count() == 2
    PetitionPage.objects.filter(pk=petition.pk).update(closed_on=timezone.localdate() - timedelta(days=200))
    call_command("prune_signatures", stdout=StringIO())
    confirmed = Signature.objects.filter(confirmed_at__isnull=False)
    assert confirmed.count() == 2 and not confirmed.filter(email__isnull=False).exists()
    assert set(confirmed.values_list("name", flat=True)) == {""}
    petition.refresh_from_db()
    assert petition.signature_count == 2


@pytest.mark.django_db
def test_a_petition_switched_off_without_any_date_is_anonymised_from_the_day_it_was_switched_off(petition, settings):
    add_confirmed_signatures(petition, 2)
    petition.closes_on = petition.hand_in_on = None
    petition.closed = True
    petition.save_revision().publish()
    petition.refresh_from_db()
    assert petition.closed_on == timezone.localdate()
    call_command("prune_signatures", stdout=StringIO())
    assert Signature.objects.filter(email__isnull=False).count() == 2

    switched_off = timezone.localdate() - timedelta(days=settings.PETITION_KEEP_DAYS + 1)
    PetitionPage.objects.filter(pk=petition.pk).update(closed_on=switched_off)
    call_command("prune_signatures", stdout=StringIO())
    assert not Signature.objects.filter(email__isnull=False).exists()
    assert PetitionPage.objects.get(pk=petition.pk).signature_count == 2

    # Opened again, it forgets the day; closed again, it counts from then.
    petition.refresh_from_db()
    petition.closed = False
    petition.save_revision().publish()
    petition.refresh_from_db()
    assert petition.closed_on is None
