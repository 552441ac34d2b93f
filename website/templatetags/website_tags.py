from django import template
from django.middleware.csrf import get_token
from django.utils.html import format_html

from website.shared_forms import must_hold_token, resending

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


@register.simple_tag(takes_context=True)
def shared_form_token(context):
    """Inside a form on a page the caches share (website/shared_forms.py): on a GET nothing (csrf.js fetches a
    token); in the answer to a post, which no cache keeps, the token itself, and after a post that arrived without
    one, a word on why the form is back."""
    request = context["request"]
    if not must_hold_token(request):
        return ""
    hidden = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request))
    if resending(request):
        notice = format_html(
            '<p class="notice" role="alert">{}</p>',
            "Nothing is sent yet. To keep your details safe, please check them and press the button again.",
        )
        return notice + hidden
    return hidden
