"""Simple logos drawn in code for the demo site and tests: nothing is downloaded."""

import io
import re
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

# Small words a name's initials leave out: the Fire Brigades Union is FBU, the Bakers, Food and Allied Workers'
# Union BFAWU.
MINOR_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "&"}
ACRONYM = re.compile(r"\(([A-Z0-9][A-Za-z0-9&]{1,5})\)")


def initials(name):
    """The letters a placeholder logo shows: the acronym a name gives in brackets, else its words' first letters."""
    given = ACRONYM.search(name)
    if given:
        return given.group(1).upper()[:5]
    words = [word for word in re.split(r"[\s,/()]+", name) if word[:1].isalnum() and word.lower() not in MINOR_WORDS]
    return ("".join(word[0] for word in words) or name[:2]).upper()[:4]


def png_logo(name, colour, width=480, height=240):
    """A PNG badge: the organisation's initials on a coloured rounded block, its name underneath."""
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, width - 8, height - 8), radius=28, fill=colour)
    big, small = ImageFont.load_default(size=height // 3), ImageFont.load_default(size=height // 11)
    draw.text((width / 2, height * 0.42), initials(name), font=big, fill="white", anchor="mm")
    draw.text((width / 2, height * 0.8), name[:40], font=small, fill="white", anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def svg_logo(name, colour):
    """An SVG badge in the same style, to show that vector logos stay sharp at every size."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240">'
        f'<rect x="8" y="8" width="464" height="224" rx="28" fill="{colour}"/>'
        '<text x="240" y="120" font-family="system-ui, sans-serif" font-size="84" font-weight="700" fill="#fff" '
        f'text-anchor="middle">{escape(initials(name))}</text>'
        '<text x="240" y="195" font-family="system-ui, sans-serif" font-size="24" fill="#fff" text-anchor="middle">'
        f"{escape(name[:40])}</text></svg>"
    ).encode()


def logo_file(name, colour, vector=False):
    slug = "".join(character if character.isalnum() else "-" for character in name.lower()).strip("-")[:60]
    if vector:
        return ContentFile(svg_logo(name, colour), name=f"{slug}.svg")
    return ContentFile(png_logo(name, colour), name=f"{slug}.png")
