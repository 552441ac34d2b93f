"""Forms on pages every visitor shares, which the page cache and the proxy in front keep like any other page.

A page a shared cache may keep can hold no CSRF token (it would hand one visitor's token to all), so such a form is
served without one, marked `data-csrf-url`. With JavaScript, csrf.js fetches a token from `token/` (a tiny answer
no cache keeps) the moment the visitor starts on the form, and adds it before sending. Without JavaScript the post
arrives without a token: Django's CSRF check refuses it and `csrf_failure` hands it to the page, which shows the form
again, filled in and now with a token, to be sent once more. Nothing is saved from a post that failed the check, and
nothing the visitor typed is lost. A page opts in with `shares_its_form = True` and must check `resending(request)`
before acting on a post.
"""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.http import require_GET
from wagtail.models import Site

from website.never_cache import never_cached

RESEND_ATTRIBUTE = "_csrf_failed_resend_form"


def resending(request):
    """True when this post failed the CSRF check and is only to be shown again, filled in, to be sent again."""
    return getattr(request, RESEND_ATTRIBUTE, False)


def must_hold_token(request):
    """Whether a form page's answer may carry a token: any answer to a post (never cached), never a shared GET."""
    return request.method == "POST"


@require_GET
def token(request):
    return never_cached(JsonResponse({"token": get_token(request)}))


def _page_route(request):
    """The page (and its route's arguments) a public post went to, if that page shows its form again."""
    if request.method != "POST" or request.path.startswith(f"/{settings.ADMIN_URL_PATH}/"):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        page, args, kwargs = site.root_page.localized.specific.route(
            request, [part for part in request.path.split("/") if part]
        )
    except Http404:
        return None
    return (page, args, kwargs) if getattr(page, "shares_its_form", False) else None


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a shared form page's post without a token gets its form back to send again; any other
    refused post gets Django's 403."""
    route = _page_route(request)
    if route is None:
        return django_csrf_failure(request, reason)
    page, args, kwargs = route
    setattr(request, RESEND_ATTRIBUTE, True)
    return never_cached(page.serve(request, *args, **kwargs))


app_name = "forms"
urlpatterns = [path("token/", token, name="token")]
