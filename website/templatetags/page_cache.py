from django import template

from website.fragment_cache import cached_fragment, render_stream

register = template.Library()


@register.tag
def cachedfragment(parser, token):
    """{% cachedfragment "name" var … %}…{% endcachedfragment %}: the HTML inside, kept per site and per value of
    each var until content changes (website/fragment_cache.py). Rendered afresh when the page cache is off."""
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not parts:
        raise template.TemplateSyntaxError("cachedfragment needs a name")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parts)


class FragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        return cached_fragment(context.get("request"), parts, lambda: self.nodelist.render(context))


@register.simple_tag(takes_context=True)
def include_stream(context, stream_value):
    """{% include_stream page.body %}: every block of a StreamField, as `{% for block in page.body %}{% include_block
    block %}{% endfor %}` would render them, with the cacheable ones from the fragment cache
    (website/fragment_cache.py)."""
    return render_stream(context, stream_value)
