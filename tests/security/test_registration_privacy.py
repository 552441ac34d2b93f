"""The event registration form never tells a stranger who is registered: an address already registered gets the
same answer as a new one, and its owner is e-mailed instead."""

import pytest
from django.core import mail

from campaigns.models import Registration
from tests.campaigns.utils import PERSON


def answer(response, client):
    follow = client.get(response["Location"])
    return response.status_code, response["Location"], follow.status_code, follow.content.decode()


@pytest.mark.django_db
def test_an_address_already_registered_gets_the_same_answer_and_its_owner_an_email(client, rally):
    new = client.post(rally.url, PERSON)
    first_answer = answer(new, client)
    mail.outbox.clear()

    again = client.post(rally.url, {**PERSON, "name": "A stranger", "email": PERSON["email"].upper()})
    assert answer(again, client) == first_answer
    assert "already registered" not in first_answer[3]
    registration = Registration.objects.get()
    assert registration.name == PERSON["name"]  # nothing the stranger typed is kept

    [notice] = mail.outbox
    assert notice.to == [PERSON["email"]]
    assert "already registered" in notice.body and "A stranger" not in notice.body
    assert f"{rally.url}registered/{registration.token}/" in notice.body
