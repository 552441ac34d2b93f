"""Signatures are kept only as long as needed; the count outlives them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from petitions.models import Signature
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
    call_command("prune_signatures", stdout=StringIO())
    confirmed = Signature.objects.filter(confirmed_at__isnull=False)
    assert confirmed.count() == 2 and not confirmed.filter(email__isnull=False).exists()
    assert set(confirmed.values_list("name", flat=True)) == {""}
    petition.refresh_from_db()
    assert petition.signature_count == 2
