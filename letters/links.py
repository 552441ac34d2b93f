"""The signed link in a signatory's confirmation e-mail: it expires, and only the newest e-mail's link confirms."""

from datetime import timedelta

from django.core import signing

CONFIRMATION_SALT = "letters.signatory.confirm"
CONFIRMATION_LIFETIME = timedelta(days=7)


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def confirmation_token(signatory):
    return signing.dumps({"id": signatory.pk, "nonce": signatory.confirmation_nonce}, salt=CONFIRMATION_SALT)


def read_confirmation_token(token):
    try:
        return signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_LIFETIME)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
