"""Faults the site answers itself rather than with a bare error."""

import errno
import logging
import sqlite3

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse

from website.never_cache import never_cached

logger = logging.getLogger(__name__)

DISK_FULL_ERRORS = {errno.ENOSPC, errno.EDQUOT}
DISK_FULL_MESSAGE = (
    "The server's storage for uploaded files is full, so this file was not saved. Nothing else was changed. "
    "Please tell the site's administrator, then try again once they have made room."
)


def database_unavailable(exception):
    """Whether the database could not be reached, rather than refused one query (a bug, which stays a 500)."""
    if isinstance(exception, InterfaceError):
        return True
    if not isinstance(exception, OperationalError):
        return False
    # SQLite reports a bad query as an OperationalError too; only a busy or missing file is an outage.
    if isinstance(exception.__cause__, sqlite3.OperationalError):
        return any(sign in str(exception) for sign in ("is locked", "unable to open database"))
    return True


class NullCharacterMiddleware:
    """An address with a NUL character in it gets a 400, before any view can pass it to the database.

    No link of ours ever has one, and PostgreSQL refuses NUL in text, so a filter (`?topic=%00`) or a page address
    (`/news/%00/`) that reached a query would be a server error. Forms need no such guard: Django's form fields
    refuse NUL with a message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = ("".join([key, *values]) for key, values in request.GET.lists())
        if "\x00" in request.path or any("\x00" in part for part in query):
            response = HttpResponseBadRequest(render_to_string("400.html"))
            return never_cached(response)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """While the database restarts or is unreachable, visitors get a short "try again" page with a 503.

    A 503 with Retry-After tells browsers, caches and load balancers the outage is brief; the page needs no
    database, and Django's CONN_HEALTH_CHECKS reconnect by themselves on the next request once it is back.
    A form posted in that moment was not saved, and the page says so: the visitor is told to send it again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_unavailable(exception):
            return None
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "10"
        return never_cached(response)


class DiskFullMiddleware:
    """An upload that meets a full disk tells the editor so, in words, instead of a server error.

    Wagtail's multiple-image uploader expects JSON and shows `error_message` beside the file; every other
    form gets a page that says what happened (507 Insufficient Storage).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (isinstance(exception, OSError) and exception.errno in DISK_FULL_ERRORS):
            return None
        logger.error("Media storage is full: an upload to %s was refused", request.path)
        if request.headers.get("x-requested-with") == "XMLHttpRequest" or "json" in request.headers.get("accept", ""):
            return JsonResponse({"success": False, "error_message": DISK_FULL_MESSAGE})
        response = HttpResponse(
            render_to_string("507.html", {"message": DISK_FULL_MESSAGE, "admin_home": reverse("wagtailadmin_home")}),
            status=507,
        )
        return never_cached(response)
