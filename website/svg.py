"""Logos may be SVG, which browsers can run script from: keep only what draws a picture.

An allowlist, not a blocklist: any element or attribute not known to be passive is dropped, links may only point
inside the file (`#id`), and nothing may load from elsewhere (no `<image>`, no `<style>`, no `url()` to another
file). Values are allow-listed too: an attribute's value, or each declaration of a `style`, is kept only if it is
made of plain characters and harmless functions, with url(#id) its only reference; so a CSS function that fetches
(image-set, a url left unclosed, an escape) cannot be spelt. Parsing goes through defusedxml, so entity expansion
bombs and external entities are refused outright.
"""

import re
import xml.etree.ElementTree as ET  # noqa: S405 - only to build and serialise; parsing goes through defusedxml

from defusedxml import ElementTree as SafeET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

PASSIVE_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern",
    "marker", "filter", "feBlend", "feColorMatrix", "feComposite", "feFlood", "feGaussianBlur", "feMerge",
    "feMergeNode", "feOffset",
}  # fmt: skip
# Containers whose children are kept when the container itself is not (a link becomes a plain group).
UNWRAPPED_ELEMENTS = {"a", "switch"}
PASSIVE_ATTRIBUTES = {
    "id", "class", "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
    "width", "height", "viewBox", "preserveAspectRatio", "points", "pathLength", "version", "lang",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "color", "display",
    "visibility", "overflow", "vector-effect", "paint-order", "shape-rendering", "text-rendering", "style",
    "font-family", "font-size", "font-weight", "font-style", "font-variant", "text-anchor", "dominant-baseline",
    "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "dx", "dy", "rotate",
    "textLength", "lengthAdjust", "startOffset", "offset", "stop-color", "stop-opacity", "gradientUnits",
    "gradientTransform", "spreadMethod", "clip-path", "clipPathUnits", "clip-rule", "mask", "maskUnits",
    "maskContentUnits", "patternUnits", "patternContentUnits", "patternTransform", "markerWidth", "markerHeight",
    "markerUnits", "refX", "refY", "orient", "marker-start", "marker-mid", "marker-end", "filter", "filterUnits",
    "primitiveUnits", "stdDeviation", "in", "in2", "result", "mode", "type", "values", "operator", "k1", "k2", "k3",
    "k4", "flood-color", "flood-opacity", "mix-blend-mode", "isolation",
}  # fmt: skip
LOCAL_REFERENCE = re.compile(r"^#[\w.:-]+$")
# Presentation properties a `style` attribute may set: the attributes above that are CSS properties too. Anything
# else (mask-image, background, cursor, content, list-style...) may name an image to fetch, so is dropped.
STYLE_PROPERTIES = PASSIVE_ATTRIBUTES - {
    "id", "class", "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
    "viewBox", "preserveAspectRatio", "points", "pathLength", "version", "lang", "style", "dx", "dy", "rotate",
    "textLength", "lengthAdjust", "startOffset", "offset", "gradientUnits", "gradientTransform", "spreadMethod",
    "clipPathUnits", "maskUnits", "maskContentUnits", "patternUnits", "patternContentUnits", "patternTransform",
    "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient", "filterUnits", "primitiveUnits",
    "stdDeviation", "in", "in2", "result", "mode", "type", "values", "operator", "k1", "k2", "k3", "k4",
}  # fmt: skip
# The one reference a value may hold: url(#id), to something inside the file, written out whole.
LOCAL_URL = re.compile(r"""url\(\s*(['"]?)#[\w.:-]+\1\s*\)""", re.I)
# What a value may be made of, once its local url()s are taken out: numbers, words, colours, lists, and the
# parentheses of the functions below. No colon (a scheme), slash (an address or a comment), backslash (an escape),
# semicolon, braces or at-sign, so no address, import or escaped `url` can be spelt.
VALUE_CHARACTERS = re.compile(r"""^[\w\s.,%#+\-'"()!]*$""")
FUNCTION = re.compile(r"([\w-]*)\s*\(")
# Functions that compute a colour or a transform; none fetches anything (url, image-set, image, cross-fade, element,
# src and every other function are refused by not being here).
VALUE_FUNCTIONS = {"rgb", "rgba", "hsl", "hsla", "matrix", "translate", "scale", "rotate", "skewx", "skewy"}


class InvalidSvgError(ValueError):
    """The file is not well-formed SVG, or uses XML features (entities, DTDs) we refuse."""


def local_name(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(tag):
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def is_passive_value(value):
    """Whether an attribute's or a style property's value refers to nothing outside the file (the allow-list above)."""
    rest = LOCAL_URL.sub(" ", value)
    if not VALUE_CHARACTERS.match(rest):
        return False
    return all(name.lower() in VALUE_FUNCTIONS for name in FUNCTION.findall(rest))


def passive_style(value):
    """The declarations of a `style` attribute that set an allowed property to a passive value; the rest dropped."""
    kept = []
    for declaration in value.split(";"):
        name, colon, setting = declaration.partition(":")
        name, setting = name.strip(), setting.strip()
        if colon and name in STYLE_PROPERTIES and setting and is_passive_value(setting):
            kept.append(f"{name}:{setting}")
    return ";".join(kept)


REFERRING_ELEMENTS = {"use", "linearGradient", "radialGradient", "pattern", "textPath"}


def is_kept_attribute(element, attribute_namespace, attribute, value):
    if attribute == "href" and attribute_namespace in ("", XLINK_NS):
        # Only <use>, gradients and patterns refer to other parts of the drawing, and only inside the file.
        return local_name(element.tag) in REFERRING_ELEMENTS and bool(LOCAL_REFERENCE.match(value.strip()))
    if attribute_namespace == XML_NS:
        return attribute in ("space", "lang")
    if attribute_namespace != "" or attribute not in PASSIVE_ATTRIBUTES:
        return False
    # A style is a list of declarations, each checked on its own (clean_attributes).
    return attribute == "style" or is_passive_value(value)


def clean_attributes(element):
    kept = {
        name: value.strip() if local_name(name) == "href" else value
        for name, value in element.attrib.items()
        if is_kept_attribute(element, namespace(name), local_name(name), value)
    }
    if "style" in kept:
        kept["style"] = passive_style(kept["style"])
        if not kept["style"]:
            del kept["style"]
    element.attrib.clear()
    element.attrib.update(kept)


def clean_children(parent):
    children = list(parent)
    for child in children:
        parent.remove(child)
    position = 0
    for child in children:
        tag = local_name(child.tag)
        if namespace(child.tag) == SVG_NS and tag in PASSIVE_ELEMENTS:
            clean_attributes(child)
            clean_children(child)
            parent.insert(position, child)
            position += 1
        elif namespace(child.tag) == SVG_NS and tag in UNWRAPPED_ELEMENTS:
            group = ET.Element(f"{{{SVG_NS}}}g")
            group.extend(list(child))
            clean_children(group)
            parent.insert(position, group)
            position += 1
        else:
            # Dropped with everything inside it; its tail text belongs to the parent's flow.
            if child.tail and child.tail.strip():
                previous = parent[position - 1] if position else None
                if previous is not None:
                    previous.tail = (previous.tail or "") + child.tail
                else:
                    parent.text = (parent.text or "") + child.tail


def sanitise_svg(data):
    """The SVG in `data` (bytes) with everything that could run or fetch removed, as UTF-8 bytes."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except Exception as error:  # defusedxml raises several kinds for hostile or broken XML
        raise InvalidSvgError("This is not a valid SVG file.") from error
    if root.tag != f"{{{SVG_NS}}}svg":
        raise InvalidSvgError("This is not an SVG image: its outermost element must be <svg>.")
    clean_attributes(root)
    clean_children(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
