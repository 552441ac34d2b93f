"""Sending each e-mail a record owes exactly once, however many workers, hosts or retry runs try at the same moment.

A record that owes someone an e-mail has two fields: when it went (`sent_field`) and when a sender took it on
(`claimed_field`). A sender first claims the record with one conditional UPDATE, which only one sender can win; it
then builds the message from the record as it is now, sends it, and marks it sent only while its claim still stands
(a newer sign-up that asks for a fresh e-mail clears the claim, so the fresh one still goes). A send that fails lets
the claim go at once, so the next retry takes it; a sender that died mid-send leaves a claim that goes stale after
EMAIL_CLAIM_TIMEOUT seconds and is then taken again. Mail servers that are down, stalled (EMAIL_TIMEOUT) or refusing
therefore lose nothing and, short of one accepting a message and then dropping the line before saying so, send
nothing twice.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outbox:
    """One kind of e-mail a model owes. `build(record)` returns the EmailMessage, or None when none is due any more."""

    model: type
    sent_field: str
    claimed_field: str
    build: Callable
    what: str

    def unsent(self):
        """Records owing this e-mail that nobody is sending now (never claimed, or claimed by a sender that died)."""
        stale = timezone.now() - timedelta(seconds=settings.EMAIL_CLAIM_TIMEOUT)
        return self.model._default_manager.filter(**{f"{self.sent_field}__isnull": True}).filter(
            Q(**{f"{self.claimed_field}__isnull": True}) | Q(**{f"{self.claimed_field}__lt": stale})
        )

    def claim(self, pk):
        """The claim's moment if this sender won record `pk`, else None (sent already, or someone is sending it)."""
        now = timezone.now()
        won = self.unsent().filter(pk=pk).update(**{self.claimed_field: now})
        return now if won else None

    def _still_ours(self, pk, claim):
        return self.model._default_manager.filter(pk=pk, **{self.claimed_field: claim})

    def send(self, pk, connection=None):
        """Claims record `pk`, sends its e-mail and marks it sent. True if it went; False if it was not this sender's
        to send or nothing is due; raises (having let the claim go) if the mail server failed."""
        claim = self.claim(pk)
        if claim is None:
            return False
        try:
            record = self.model._default_manager.filter(pk=pk).first()
            message = self.build(record) if record is not None else None
            # No message due, or none the backend took (no recipient): nothing went, so nothing is marked.
            if message is None or not (connection or get_connection()).send_messages([message]):
                self._still_ours(pk, claim).update(**{self.claimed_field: None})
                return False
        except Exception:
            self._still_ours(pk, claim).update(**{self.claimed_field: None})
            raise
        self._still_ours(pk, claim).update(**{self.sent_field: timezone.now()})
        return True

    def send_logged(self, pk):
        """send() for a task: a mail failure is logged, and the record stays for the retry command."""
        try:
            return self.send(pk)
        except Exception:
            logger.exception("Could not send %s for %s %s; it will be retried", self.what, self.model.__name__, pk)
            return False


def send_batch(outbox, pks):
    """Sends `outbox`'s e-mail for each record in `pks` over one SMTP connection. Stops at the first failure (the
    server is down, stalled or refusing: the next run tries again) and returns (how many went, the failure or None)."""
    if not pks:
        return 0, None
    connection = get_connection()
    sent = 0
    try:
        connection.open()
        for pk in pks:
            sent += outbox.send(pk, connection)
    except Exception as error:
        logger.warning("Sending %s stopped after %s: %s", outbox.what, sent, error)
        return sent, error
    finally:
        try:
            connection.close()
        except Exception:  # a connection that already broke has nothing left to close
            logger.debug("Closing the mail connection failed", exc_info=True)
    return sent, None


# How many e-mails one retry run sends over its one connection; the next run (a minute later) sends the rest.
RETRY_BATCH = 500


def send_unsent(what, outbox, unsent):
    """A retry command's work: sends the oldest of the `unsent` records' e-mails in one batch; says how it went."""
    sent, error = send_batch(outbox, list(unsent.order_by("pk").values_list("pk", flat=True)[:RETRY_BATCH]))
    problem = f" The mail server failed: {error}." if error else ""
    return f"{what}: {sent} sent, {unsent.count()} still unsent.{problem}"
