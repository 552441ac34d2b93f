from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from search.queries import (
    KINDS,
    ORGANISATIONS,
    clean_query,
    promoted_pages,
    record_query,
    search_organisations,
    search_pages,
)
from website.forms import is_rate_limited, too_many_requests

RESULTS_PER_PAGE = 10
# Beside the pages, the first few organisations that match; the "Organisations" filter lists them all.
ORGANISATIONS_BESIDE_PAGES = 5


def search(request):
    query, terms = clean_query(request.GET.get("q", ""))
    kind = KINDS.get(request.GET.get("kind", ""))
    context = {
        "search_query": query,
        "kinds": KINDS.values(),
        "current_kind": kind,
        "promoted": [],
        "organisations": [],
        "fuzzy": False,
    }
    if terms:
        if is_rate_limited(request, "search", settings.SEARCH_RATE_LIMIT, method="GET"):
            return too_many_requests(request, template_name="search/too_many_searches.html", retry_after=60)
        search_query = record_query(query)
        if kind is ORGANISATIONS:
            results = search_organisations(terms)
        else:
            results, context["fuzzy"] = search_pages(terms, kind)
        page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        if page_of_results.number == 1 and kind is None:
            context["promoted"] = promoted_pages(search_query)
            if ORGANISATIONS.slug in KINDS:
                context["organisations"] = search_organisations(terms)[:ORGANISATIONS_BESIDE_PAGES]
        promoted_ids = {page.pk for page in context["promoted"]}
        context["search_results"] = page_of_results
        # A promoted page is shown once, on top, not again among the ranked results.
        context["ranked_results"] = [result for result in page_of_results if result.pk not in promoted_ids]
    response = TemplateResponse(request, "search/search.html", context)
    # Results depend on the query string and change as editors publish: never kept by a shared cache.
    response["Cache-Control"] = "private, max-age=0"
    return response
