"""What visitors do on an event page: read it, register, see their confirmation, add it to their calendar."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from campaigns.calendar import event_calendar as calendar_file
from campaigns.forms import DUPLICATE_MESSAGE, RegistrationForm
from campaigns.models import Registration
from campaigns.places import AlreadyRegistered, register
from campaigns.tasks import send_registration_confirmation
from website.forms import is_rate_limited, too_many_requests
from website.tasks import enqueue_or_retry_later


def private(response):
    """Never kept by a shared cache: the page carries a CSRF token or someone's own details."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def event_page(request, event):
    form = None
    if request.method == "POST":
        limits = {"email_field": "email", "email_rate": settings.REGISTRATION_EMAIL_RATE_LIMIT}
        if is_rate_limited(request, "event-registration", settings.REGISTRATION_RATE_LIMIT, **limits):
            return private(too_many_requests(request))
        if event.takes_registrations:
            form = RegistrationForm(request.POST, event=event)
            if form.is_valid():
                try:
                    registration = register(event, form.save(commit=False))
                except AlreadyRegistered:
                    form.add_error("email", DUPLICATE_MESSAGE)
                else:
                    return private(redirect(confirm_registration(request, event, registration)))
    elif event.takes_registrations:
        form = RegistrationForm(event=event)
    context = event.get_context(request)
    context.update(form=form, **availability(event))
    status = 400 if form is not None and form.errors else 200
    return private(TemplateResponse(request, event.get_template(request), context, status=status))


def availability(event):
    if event.capacity is None:
        return {"places_left": None, "is_full": False}
    taken = Registration.objects.filter(event=event, place__isnull=False).count()
    places_left = max(event.capacity - taken, 0)
    return {"places_left": places_left, "is_full": places_left == 0}


def confirm_registration(request, event, registration):
    """Queues the confirmation e-mail and returns the confirmation page's address. The record is already saved."""
    what = f"the confirmation for registration {registration.pk}"
    enqueue_or_retry_later(send_registration_confirmation, registration.pk, what=what)
    return event.get_url(request) + event.reverse_subpage("registered", args=[registration.token])


def registration_confirmation(request, event, token):
    registration = Registration.objects.filter(event=event, token=token).first()
    if registration is None:
        raise Http404("No such registration")
    context = event.get_context(request)
    context["registration"] = registration
    response = TemplateResponse(request, "campaigns/registration_confirmation.html", context)
    return private(response)


def event_calendar(request, event):
    page_url = request.build_absolute_uri(event.get_url(request))
    response = HttpResponse(
        calendar_file(event, page_url, request.get_host()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
