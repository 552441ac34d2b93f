"""Where an address leads in the page tree, kept under the content generation, so that a request finds its page in
one query instead of one or two for each level of the tree (Wagtail's walk down from the site's root page).

It matters most where the page cache cannot help: a visitor's POST (a sign-up or a signature on a launch day), a
page for someone signed in, a kept page's first request after an edit. Wagtail's serve view asks
`Page.route_for_request`, which looks first at `request._wagtail_route_for_request`: this middleware fills that in
from what an earlier request to the same address found (the page's class, its id, how much of the address is the
page's own, and which pages on its way hold view restrictions), and keeps what a new one finds.

Nothing is trusted blindly. Any change to where an address leads (a page published, unpublished, moved or deleted,
a slug changed, a site edited) starts a new generation (website/purge.py), which retires everything kept. The page
itself is loaded afresh each time, its address checked against the request's, and routed as Wagtail routes it from
there (whether it is live, a routable page's own sub-addresses); Wagtail's view restrictions are checked after, as
always, from the restricted pages kept with the route (BasePage.get_view_restrictions): none, for almost every page,
costs no query. On when FRAGMENT_CACHE_ENABLED, like the other fragments.
"""

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.http import Http404

from website.fragment_cache import FRAGMENT_SECONDS, find_site
from website.generation import cache_key, request_generation

KEPT = "_route_was_kept"


def components(path):
    return [component for component in path.split("/") if component]


class PageRouteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL_PATH}/"

    def __call__(self, request):
        key = self.key(request)
        if key is not None:
            self.use_kept_route(request, key)
        response = self.get_response(request)
        if key is not None and not getattr(request, KEPT, False):
            self.keep_route(request, key)
        return response

    def key(self, request):
        if (
            not settings.FRAGMENT_CACHE_ENABLED
            or getattr(settings, "WAGTAIL_I18N_ENABLED", False)
            or request.path_info.startswith(self.admin_prefix)
        ):
            return None
        generation = request_generation(request)
        site = find_site(request) if generation is not None else None
        if site is None:
            return None
        return cache_key("route", generation, site.pk, request.path_info)

    def use_kept_route(self, request, key):
        kept = caches["fragments"].get(key)
        if kept is None:
            return
        label, pk, own_path, restricted = kept
        page = apps.get_model(label)._default_manager.filter(pk=pk).first()
        if page is None or self.own_path(request, page) != own_path:
            return  # gone or moved since: Wagtail's own walk finds the way
        page._restricted_pages = restricted
        try:
            request._wagtail_route_for_request = page.route(request, components(request.path_info)[len(own_path) :])
        except Http404:
            request._wagtail_route_for_request = None
        setattr(request, KEPT, True)

    def keep_route(self, request, key):
        route = getattr(request, "_wagtail_route_for_request", None)
        if not route or getattr(request, "is_preview", False):
            return
        page = route[0]
        own_path = self.own_path(request, page)
        if own_path is not None and components(request.path_info)[: len(own_path)] == own_path:
            restricted = sorted(set(page.get_view_restrictions().values_list("page_id", flat=True)))
            caches["fragments"].set(key, (page._meta.label, page.pk, own_path, restricted), FRAGMENT_SECONDS)

    @staticmethod
    def own_path(request, page):
        """The address components that are the page's own under its site's root, or None if it has none here."""
        parts = page.get_url_parts(request)
        return None if parts is None else components(parts[2])
