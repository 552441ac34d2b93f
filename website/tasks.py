"""Handing work to the task queue (django-tasks) from a request, once the record the work needs is saved."""

import logging

logger = logging.getLogger(__name__)


def enqueue_or_retry_later(task, *args, what):
    """Queues `task`. If the queue itself is down, the failure is logged and the visitor's request goes on: the saved
    record stays unmarked, and its app's retry command (send_signup_emails, send_endorsement_emails) picks it up."""
    try:
        task.enqueue(*args)
    except Exception:
        logger.exception("Could not queue %s; it will be retried", what)
