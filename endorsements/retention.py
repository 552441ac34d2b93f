"""How long endorsement requests are kept: run daily by `apply_retention`, registered in endorsements/apps.py.

A declined request is kept DECLINED_REQUEST_RETENTION_DAYS after the decision (for a question about it), then
deleted with the logo it sent. An approved one stays while its organisation is listed: it says who asked.
"""

from datetime import timedelta

from website.personal_data import Retention

from .models import EndorsementRequest, RequestStatus


def delete_declined(now, days):
    declined = EndorsementRequest.objects.filter(
        status=RequestStatus.DECLINED, reviewed_at__lt=now - timedelta(days=days)
    )
    count = 0
    for request in declined:
        if request.logo:
            request.logo.delete(save=False)
        request.delete()
        count += 1
    return f"deleted {count} declined endorsement request{'' if count == 1 else 's'} decided over {days} days ago"


RULES = [
    Retention(
        "DECLINED_REQUEST_RETENTION_DAYS",
        "Declined endorsement requests are deleted, with the logo they sent, {days} days after the decision; "
        "approved ones stay while the organisation is listed.",
        delete_declined,
    )
]
