"""The page of older posts behind the feed's "Load more", and the fragment social.js fetches for it."""

from django.shortcuts import render
from django.views.decorators.cache import cache_control

from social.models import MAX_POSTS_PER_PAGE, POSTS_PER_PAGE, SocialPost, page_href, social_posts


def whole_number(value, default, lowest, highest):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(number, lowest), highest)


@cache_control(public=True, max_age=300)
def social_page(request):
    """A page of older posts: "Load more" without JavaScript, or (with ?fragment=1) the posts social.js adds."""
    per_page = whole_number(request.GET.get("per"), POSTS_PER_PAGE, 1, MAX_POSTS_PER_PAGE)
    number = whole_number(request.GET.get("page"), 1, 1, 10**6)
    # One post more than the page shows tells us whether there is a next page, without counting them all.
    posts = social_posts((number - 1) * per_page, per_page + 1)
    if not posts and number > 1:
        last = max(1, -(-SocialPost.objects.filter(shown=True).count() // per_page))
        number = min(number, last)
        posts = social_posts((number - 1) * per_page, per_page + 1)
    context = {
        "posts": posts[:per_page],
        "page_number": number,
        "next_href": page_href(number + 1, per_page) if len(posts) > per_page else None,
        "previous_href": page_href(number - 1, per_page) if number > 1 else None,
    }
    template = "social/fragment.html" if request.GET.get("fragment") else "social/page.html"
    return render(request, template, context)
