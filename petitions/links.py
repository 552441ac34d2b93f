"""The signed link in a signature's confirmation e-mail: it names the signature and its newest nonce, and expires."""

from datetime import timedelta

from django.core import signing

CONFIRMATION_SALT = "petitions.signature.confirm"
CONFIRMATION_LIFETIME = timedelta(days=14)


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def confirmation_token(signature):
    return signing.dumps({"id": signature.pk, "nonce": signature.confirmation_nonce}, salt=CONFIRMATION_SALT)


def read_confirmation_token(token):
    try:
        return signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_LIFETIME)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
