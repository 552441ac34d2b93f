from django import template

register = template.Library()


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """Page links that stay short on long archives and keep the listing's filters."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    return {
        "page_obj": page_obj,
        "page_range": page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
        "ellipsis": page_obj.paginator.ELLIPSIS,
        "query_prefix": f"{query.urlencode()}&" if query else "",
    }
