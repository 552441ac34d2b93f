"""What visitors do on an event page: read it, register, see their confirmation, add it to their calendar."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from campaigns.calendar import event_calendar as calendar_file
from campaigns.forms import RegistrationForm
from campaigns.models import Registration
from campaigns.places import AlreadyRegistered, register
from campaigns.tasks import send_already_registered, send_registration_confirmation
from website.addresses import page_site_url, site_host
from website.forms import is_rate_limited, too_many_requests
from website.never_cache import never_cached
from website.page_views import answers_route
from website.shared_forms import resending
from website.tasks import enqueue_or_retry_later


@answers_route("campaigns.event_page")
def event_page(request, event):
    """The event and its form, the same for every visitor (the caches keep it); each post's answer is their own."""
    form = None
    if request.method == "POST" and resending(request):
        # Refused for want of a token (no JavaScript): shown again as typed, to send once more.
        form = RegistrationForm(request.POST, event=event) if event.takes_registrations else None
    elif request.method == "POST":
        limits = {"email_field": "email", "email_rate": settings.REGISTRATION_EMAIL_RATE_LIMIT}
        if is_rate_limited(request, "event-registration", settings.REGISTRATION_RATE_LIMIT, **limits):
            return never_cached(too_many_requests(request))
        if event.takes_registrations:
            form = RegistrationForm(request.POST, event=event)
            if form.is_valid():
                try:
                    registration = register(event, form.save(commit=False))
                except AlreadyRegistered as already:
                    # The same answer as a new registration: the address's owner hears of it, the visitor does not.
                    tell_owner_already_registered(already.registration)
                else:
                    confirm_registration(registration)
                return never_cached(redirect(event.url + event.reverse_subpage("received")))
    elif event.takes_registrations:
        form = RegistrationForm(event=event)
    context = event.get_context(request)
    context.update(form=form, **availability(event))
    status = 400 if form is not None and not resending(request) and form.errors else 200
    response = TemplateResponse(request, event.get_template(request), context, status=status)
    return never_cached(response) if request.method == "POST" else response


def availability(event):
    """Whether places are limited and whether they are all taken; never how many are left: a count that a new
    registration moves and a repeat one does not would tell a stranger whether an address was registered."""
    if event.capacity is None:
        return {"limited": False, "is_full": False}
    taken = Registration.objects.filter(event=event, place__isnull=False).count()
    return {"limited": True, "is_full": taken >= event.capacity}


def confirm_registration(registration):
    """Queues the confirmation e-mail (its links built from the site's address). The record is already saved."""
    what = f"the confirmation for registration {registration.pk}"
    enqueue_or_retry_later(send_registration_confirmation, registration.pk, what=what)


def tell_owner_already_registered(registration):
    what = f"the already-registered notice for registration {registration.pk}"
    enqueue_or_retry_later(send_already_registered, registration.pk, what=what)


@answers_route("campaigns.registration_received")
def registration_received(request, event):
    """After the form, whoever the address belongs to: the confirmation is on its way to it."""
    context = event.get_context(request)
    return never_cached(TemplateResponse(request, "campaigns/registration_received.html", context))


@answers_route("campaigns.registration_confirmation")
def registration_confirmation(request, event, token):
    registration = Registration.objects.filter(event=event, token=token).first()
    if registration is None:
        raise Http404("No such registration")
    context = event.get_context(request)
    context["registration"] = registration
    response = TemplateResponse(request, "campaigns/registration_confirmation.html", context)
    return never_cached(response)


@answers_route("campaigns.event_calendar")
def event_calendar(request, event):
    response = HttpResponse(
        calendar_file(event, page_site_url(event), site_host()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
