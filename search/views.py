from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

# Long enough for any real question; longer input is cut rather than refused.
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# modelsearch's SQLite backend wraps each term in double quotes without escaping the ones inside, so a stray
# quote is a syntax error there; PostgreSQL refuses NUL characters. Neither carries meaning in a search.
UNSEARCHABLE = str.maketrans({'"': " ", "\x00": " "})


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    terms = query.translate(UNSEARCHABLE).strip()
    results = Page.objects.none()
    if terms:
        results = Page.objects.live().public().specific().search(terms)
    page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page_of_results},
    )
