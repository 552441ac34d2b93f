"""The data-rights tool: a Supporter data manager finds a person by e-mail address across every record that holds
personal data (the registry, website/personal_data.py), sees all of it, downloads it as one file (subject access),
corrects it and erases it. Each search, download, correction and erasure is logged (website/data_rights_log.py):
who, when and how many records, never what.

Only users with `website.manage_data_rights` (the Supporter data managers, and superusers) reach any of it. The
address being worked on is kept in the manager's session, not in the URL, so it never reaches a server's access log
or the browser's history.
"""

import json
from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.forms import modelform_factory
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from website import personal_data
from website.data_rights_log import DataRightsLog
from website.never_cache import never_cached

PERMISSION = "website.manage_data_rights"
SESSION_KEY = "data_rights_email"


def may_manage_data_rights(user):
    return user.is_active and user.has_perm(PERMISSION)


def data_rights_view(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not may_manage_data_rights(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


class FindForm(forms.Form):
    email = forms.EmailField(
        label="E-mail address", help_text="The address the person wrote from, or gave us. Any case matches."
    )


def held_for(email):
    """[(registry entry, [(record, {field: value})])] for every kind of record, in the registry's order."""
    return [
        (entry, [(record, entry.values(record)) for record in entry.matching(email)])
        for entry in personal_data.registered()
    ]


def count(held):
    return sum(len(records) for _, records in held)


@data_rights_view
def find(request):
    if request.method == "POST":
        form = FindForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"].strip()
            request.session[SESSION_KEY] = email
            DataRightsLog.record(request, DataRightsLog.Action.SEARCH, email, count(held_for(email)))
            return redirect("data_rights")
    else:
        form = FindForm(initial={"email": request.session.get(SESSION_KEY, "")})
    email = request.session.get(SESSION_KEY)
    context = {"form": form, "email": email, "held": held_for(email) if email else None}
    if email:
        context["total"] = count(context["held"])
    return TemplateResponse(request, "website/data_rights/find.html", context)


@data_rights_view
@require_POST
def forget(request):
    """Ends the work on a person: their address leaves the session."""
    request.session.pop(SESSION_KEY, None)
    return redirect("data_rights")


def current_email(request):
    email = request.session.get(SESSION_KEY)
    if not email:
        messages.warning(request, "Find the person by their e-mail address first.")
    return email


def subject_access(email):
    """Everything held about `email`, with what each record is, why it is kept and for how long."""
    return {
        "email": email,
        "site": settings.WAGTAIL_SITE_NAME,
        "generated_at": timezone.now().isoformat(),
        "records": [
            {
                "kind": entry.name,
                "what": entry.description,
                "why": entry.purpose,
                "how_long": [rule.describe() for rule in entry.retention],
                "items": [values for _, values in records],
            }
            for entry, records in held_for(email)
        ],
    }


@data_rights_view
def export(request):
    email = current_email(request)
    if not email:
        return redirect("data_rights")
    data = subject_access(email)
    found = sum(len(kind["items"]) for kind in data["records"])
    DataRightsLog.record(request, DataRightsLog.Action.EXPORT, email, found)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="personal-data-{timezone.localdate():%Y-%m-%d}.json"'
    return never_cached(response)


TAKEN = "Another record of this kind already has that e-mail address: correct or erase that one first."


def plain_words_for_constraints(form):
    """A database constraint's refusal ("Constraint “unique_supporter_email” is violated.") in the manager's words:
    the only constraints a correction can break are one-address-per-record ones."""
    errors = form.errors.get(NON_FIELD_ERRORS)
    if errors and any("is violated" in str(message) for message in errors):
        form.errors[NON_FIELD_ERRORS] = form.error_class(
            [TAKEN if "is violated" in str(message) else message for message in errors], renderer=form.renderer
        )


@data_rights_view
def correct(request, label, pk):
    email = current_email(request)
    entry = personal_data.entry_by_label(label)
    if not email:
        return redirect("data_rights")
    if entry is None or not entry.correctable:
        raise Http404
    # Only a record of the person being worked on.
    record = entry.matching(email).filter(pk=pk).first()
    if record is None:
        raise Http404
    form_class = modelform_factory(entry.model, fields=entry.correctable)
    form = form_class(request.POST or None, instance=record)
    if request.method == "POST" and not form.is_valid():
        plain_words_for_constraints(form)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:
            form.add_error(None, TAKEN)
        else:
            DataRightsLog.record(request, DataRightsLog.Action.CORRECT, email, 1)
            new_email = getattr(record, entry.email_field)
            if new_email and new_email.strip().lower() != email.lower():
                # Follow the person to their corrected address; their other records keep the old one until
                # corrected too, and the search shows both.
                messages.success(request, f"Saved. The record now has the address {new_email}.")
            else:
                messages.success(request, "Saved.")
            return redirect("data_rights")
    return TemplateResponse(
        request, "website/data_rights/correct.html", {"form": form, "entry": entry, "record": record, "email": email}
    )


@data_rights_view
def erase(request):
    email = current_email(request)
    if not email:
        return redirect("data_rights")
    held = held_for(email)
    if request.method == "POST":
        erased = 0
        with transaction.atomic():
            for entry, records in held:
                erased += entry.erase(record for record, _ in records)
            DataRightsLog.record(request, DataRightsLog.Action.ERASE, email, erased)
        request.session.pop(SESSION_KEY, None)
        plural = "" if erased == 1 else "s"
        messages.success(request, f"Erased {erased} record{plural}. The log says only that you did.")
        return redirect("data_rights")
    return TemplateResponse(
        request, "website/data_rights/erase.html", {"email": email, "held": held, "total": count(held)}
    )


@data_rights_view
def log(request):
    entries = DataRightsLog.objects.all()[:200]
    return TemplateResponse(request, "website/data_rights/log.html", {"entries": entries})


urlpatterns = [
    path("data-rights/", find, name="data_rights"),
    path("data-rights/forget/", forget, name="data_rights_forget"),
    path("data-rights/export/", export, name="data_rights_export"),
    path("data-rights/erase/", erase, name="data_rights_erase"),
    path("data-rights/log/", log, name="data_rights_log"),
    path("data-rights/correct/<str:label>/<int:pk>/", correct, name="data_rights_correct"),
]
