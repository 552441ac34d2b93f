"""Signed links in sign-up e-mails: confirmation (expires) and unsubscribe (never expires, one click)."""

from datetime import timedelta

from django.core import signing

CONFIRMATION_SALT = "campaigns.signup.confirm"
UNSUBSCRIBE_SALT = "campaigns.signup.unsubscribe"
CONFIRMATION_LIFETIME = timedelta(days=7)


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def confirmation_token(supporter):
    # The nonce changes with each sign-up, so only the latest e-mail's link applies the latest details.
    return signing.dumps({"id": supporter.pk, "nonce": supporter.confirmation_nonce}, salt=CONFIRMATION_SALT)


def unsubscribe_token(supporter):
    return signing.dumps({"id": supporter.pk}, salt=UNSUBSCRIBE_SALT)


def read_confirmation_token(token):
    try:
        return signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_LIFETIME)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error


def read_unsubscribe_token(token):
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise LinkInvalid from error
