"""What the endorsements page does: the request form and its thank-you page (the gallery: endorsements/gallery.py)."""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from endorsements.backing import campaigns_to_back
from endorsements.forms import EndorsementRequestForm
from endorsements.tasks import notify_editors_of_request
from website.forms import is_rate_limited, too_many_requests
from website.never_cache import never_cached
from website.page_views import answers_route
from website.shared_forms import resending
from website.tasks import enqueue_or_retry_later


@answers_route("endorsements.ask_to_endorse")
def ask_to_endorse(page, request):
    """The request form, the same for every visitor (the caches keep it); each post's answer is their own."""
    if request.method == "POST" and not resending(request):
        limits = {"email_field": "contact_email", "email_rate": settings.ENDORSEMENT_EMAIL_RATE_LIMIT}
        if is_rate_limited(request, "endorsement-request", settings.ENDORSEMENT_RATE_LIMIT, **limits):
            return never_cached(too_many_requests(request))
        form = EndorsementRequestForm(request.POST, request.FILES)
        if form.is_valid():
            # Saved (and committed: requests are not atomic) before the e-mail, so a mail failure loses nothing.
            endorsement_request = form.save()
            enqueue_or_retry_later(
                notify_editors_of_request,
                endorsement_request.pk,
                what=f"the editors' e-mail about endorsement request {endorsement_request.pk}",
            )
            return redirect(page.url + page.reverse_subpage("thanks"))
    elif request.method == "POST":
        # Refused for want of a token (no JavaScript): shown again as typed (a chosen logo must be chosen again).
        form = EndorsementRequestForm(request.POST)
    else:
        form = EndorsementRequestForm(initial={"campaign": chosen_campaign(request)})
    context = {"page": page, "self": page, "request": request, "form": form}
    response = TemplateResponse(request, "endorsements/ask_to_endorse.html", context)
    return never_cached(response) if request.method == "POST" else response


def chosen_campaign(request):
    """The campaign a campaign page's link (`?campaign=<id>`) chose, if it is one that may be backed."""
    campaign_id = request.GET.get("campaign", "")
    return campaigns_to_back().filter(pk=campaign_id).first() if campaign_id.isdigit() else None


@answers_route("endorsements.thank_you")
def thank_you(page, request):
    return TemplateResponse(request, "endorsements/thank_you.html", {"page": page, "self": page, "request": request})
