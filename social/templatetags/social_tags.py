from django import template

from social.links import linked_text

register = template.Library()


@register.filter
def social_links(text, post):
    """A social post's `text` (or part of it), escaped, with its hashtags and @handles linked on its platform."""
    return linked_text(text, post.platform, post.url)
