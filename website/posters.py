"""Bold typographic posters drawn with Pillow: the demo's pictures, made on the spot, nothing downloaded.

A poster is a slogan in heavy capitals on a block of colour, with a short line above it and the network's name on
a stripe below. The words stay inside the middle band that every crop the templates ask for keeps (a wide hero
cuts the top and bottom sixth, a share card a little less), so no crop cuts a word.
"""

import io
import textwrap
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1600, 900
MARGIN = 110
# The band a 1920×720 hero crop keeps of a 1600×900 poster (its focal point left at the centre).
SAFE_TOP, SAFE_BOTTOM = 160, 740
# A heavy, narrow face where the system has one (Debian's fonts-liberation, fonts-dejavu), else Pillow's own font,
# drawn thicker: the posters never depend on a font being installed.
BOLD_FONTS = (
    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
)
# (background, slogan, accent): each passes WCAG AA contrast between slogan and background.
PALETTES = {
    "red": ("#b0001e", "#ffffff", "#ffd400"),
    "ink": ("#1a1a1a", "#ffffff", "#ffd400"),
    "yellow": ("#ffd400", "#1a1a1a", "#b0001e"),
    "green": ("#0b5d3b", "#ffffff", "#ffd400"),
    "purple": ("#4b1e6d", "#ffffff", "#ffd400"),
}


def _font_path():
    return next((path for path in BOLD_FONTS if Path(path).is_file()), None)


def font(size):
    """A bold font at `size` pixels, and how much stroke thickens it (Pillow's own font is not bold)."""
    path = _font_path()
    if path:
        return ImageFont.truetype(path, size), 0
    return ImageFont.load_default(size=size), max(1, size // 24)


def _wrapped(draw, text, size, width):
    """`text` in lines no wider than `width` at `size`, or None if one word alone is wider."""
    face, stroke = font(size)
    lines = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=face) + 2 * stroke <= width:
            lines[-1] = candidate
        elif draw.textlength(word, font=face) + 2 * stroke <= width:
            lines.append(word)
        else:
            return None
    return lines


def fit(draw, text, width, height, largest=190, smallest=48):
    """The largest size (and its lines) at which `text` fits the box, at most four lines."""
    for size in range(largest, smallest - 1, -6):
        lines = _wrapped(draw, text, size, width)
        if lines and len(lines) <= 4 and len(lines) * size * 1.02 <= height:
            return size, lines
    return smallest, textwrap.wrap(text, 24)[:4]


def poster_png(slogan, kicker="", footer="", palette="red"):
    """The poster as PNG bytes: `slogan` in capitals, `kicker` (a hashtag, a date) above, `footer` on a stripe."""
    background, ink, accent = PALETTES[palette]
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    # A slanted accent band behind the bottom corner: movement without a photograph.
    draw.polygon([(WIDTH * 0.62, HEIGHT), (WIDTH, HEIGHT * 0.48), (WIDTH, HEIGHT)], fill=accent)
    top = SAFE_TOP
    if kicker:
        face, stroke = font(54)
        draw.rectangle((MARGIN, top, MARGIN + 14, top + 58), fill=accent)
        draw.text((MARGIN + 34, top), kicker, font=face, fill=ink, stroke_width=stroke, stroke_fill=ink)
        top += 96
    footer_height = 70 if footer else 0
    box_height = SAFE_BOTTOM - top - footer_height - 20
    size, lines = fit(draw, slogan.upper(), WIDTH - 2 * MARGIN, box_height)
    face, stroke = font(size)
    for number, line in enumerate(lines):
        y = top + number * size * 1.02
        draw.text((MARGIN, y), line, font=face, fill=ink, stroke_width=stroke, stroke_fill=ink)
    if footer:
        face, stroke = font(40)
        y = SAFE_BOTTOM - 56
        draw.rectangle((MARGIN, y - 10, MARGIN + draw.textlength(footer, font=face) + 30, y + 52), fill=ink)
        draw.text((MARGIN + 15, y), footer, font=face, fill=background, stroke_width=stroke, stroke_fill=background)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def poster_file(slogan, kicker="", footer="", palette="red"):
    slug = "".join(character if character.isalnum() else "-" for character in slogan.lower()).strip("-")[:50]
    return ContentFile(poster_png(slogan, kicker, footer, palette), name=f"poster-{slug or 'network'}.png")
