"""The views that answer a routable page's sub-addresses, looked up by name so that models never import views.

Imports flow one way: views → models → website/. A routable page (an event's registration, the sign-up page's
thank-you) must still hand the request to a view, so the view registers itself here under a name and the page's
route asks for it by that name:

    # signup/views.py
    @answers_route("signup.thanks")
    def thanks(request, page): ...

    # signup/models.py
    @path("thanks/")
    def thanks(self, request):
        return route_view("signup.thanks")(request, self)

The app's AppConfig.ready imports its views module, so every name is registered before the first request.
"""

from django.core.exceptions import ImproperlyConfigured

_views = {}


def answers_route(name):
    """Registers the decorated view as the one that answers the route `name` ("app_label.what")."""

    def register(view):
        registered = _views.setdefault(name, view)
        if registered is not view and registered.__qualname__ != view.__qualname__:
            raise ImproperlyConfigured(f"Two views answer the route {name!r}: {registered!r} and {view!r}.")
        _views[name] = view
        return view

    return register


def route_view(name):
    """The view registered for `name`; a loud error names the missing import rather than a 404."""
    try:
        return _views[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No view answers the route {name!r}: does its app's AppConfig.ready import its views module?"
        ) from None
