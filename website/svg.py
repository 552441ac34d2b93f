"""Logos may be SVG, which browsers can run script from: keep only what draws a picture.

An allowlist, not a blocklist: any element or attribute not known to be passive is dropped, links may only point
inside the file (`#id`), and nothing may load from elsewhere (no `<image>`, no `<style>`, no `url()` to another
file). Parsing goes through defusedxml, so entity expansion bombs and external entities are refused outright.
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
# url(...) is allowed only to point inside the file; anything else in a value could fetch or run something.
URL_REFERENCE = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I)
DANGEROUS_VALUE = re.compile(r"javascript:|expression\s*\(|@import|\\|behavior\s*:|-moz-binding", re.I)


class InvalidSvgError(ValueError):
    """The file is not well-formed SVG, or uses XML features (entities, DTDs) we refuse."""


def local_name(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(tag):
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def is_passive_value(value):
    if DANGEROUS_VALUE.search(value):
        return False
    return all(LOCAL_REFERENCE.match(target.strip()) for _quote, target in URL_REFERENCE.findall(value))


REFERRING_ELEMENTS = {"use", "linearGradient", "radialGradient", "pattern", "textPath"}


def is_kept_attribute(element, attribute_namespace, attribute, value):
    if attribute == "href" and attribute_namespace in ("", XLINK_NS):
        # Only <use>, gradients and patterns refer to other parts of the drawing, and only inside the file.
        return local_name(element.tag) in REFERRING_ELEMENTS and bool(LOCAL_REFERENCE.match(value.strip()))
    if attribute_namespace == XML_NS:
        return attribute in ("space", "lang")
    return attribute_namespace == "" and attribute in PASSIVE_ATTRIBUTES and is_passive_value(value)


def clean_attributes(element):
    kept = {
        name: value.strip() if local_name(name) == "href" else value
        for name, value in element.attrib.items()
        if is_kept_attribute(element, namespace(name), local_name(name), value)
    }
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
