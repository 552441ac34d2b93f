"""The petition's share image (Open Graph), drawn with Pillow: its title and its current count, 1200×630.

Its address names the count (/petitions/<id>/share-<count>.png), so each count is a different image that any cache
may keep for good; the page's og:image names the current one, and a stale address sends on to the newest.
Drawn with website/posters.py's fonts and palette, as the demo's posters are: nothing is downloaded.
"""

import io

from django.core.cache import caches
from PIL import Image, ImageDraw

from website.posters import PALETTES, fit, font

WIDTH, HEIGHT = 1200, 630
MARGIN = 70


def count_text(count):
    return f"{count:,} {'person has' if count == 1 else 'people have'} signed"


def draw_share_image(title, count, goal):
    """PNG bytes: the title in heavy capitals, the count beneath it, and a bar towards the goal."""
    background, ink, accent = PALETTES["red"]
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    face, stroke = font(40)
    draw.text((MARGIN, MARGIN - 10), "PETITION", font=face, fill=accent, stroke_width=stroke, stroke_fill=accent)
    size, lines = fit(draw, title.upper(), WIDTH - 2 * MARGIN, 300, largest=96, smallest=36)
    face, stroke = font(size)
    for number, line in enumerate(lines):
        y = MARGIN + 50 + number * size * 1.02
        draw.text((MARGIN, y), line, font=face, fill=ink, stroke_width=stroke, stroke_fill=ink)
    face, stroke = font(64)
    draw.text((MARGIN, 430), count_text(count), font=face, fill=accent, stroke_width=stroke, stroke_fill=accent)
    # The bar towards the goal.
    top, bottom, right = 530, 560, WIDTH - MARGIN
    draw.rectangle((MARGIN, top, right, bottom), outline=ink, width=3)
    filled = MARGIN + round((right - MARGIN) * min(count, goal) / max(goal, 1))
    if filled > MARGIN:
        draw.rectangle((MARGIN, top, filled, bottom), fill=ink)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def share_image_png(petition, count):
    """The image for `count`, drawn once per title, count and goal in each process's fragment cache."""
    key = f"petition-share:{petition.pk}:{count}:{petition.goal}:{hash(petition.title)}"
    png = caches["fragments"].get(key)
    if png is None:
        png = draw_share_image(petition.title, count, petition.goal)
        caches["fragments"].set(key, png, 60 * 60)
    return png
