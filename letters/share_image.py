"""The open letter's share image (og:image): a poster drawn with Pillow from its title (website/posters.py)."""

from django.conf import settings

from website.posters import HEIGHT, WIDTH, poster_png

SHARE_IMAGE_SIZE = (WIDTH, HEIGHT)


def letter_poster_png(letter):
    return poster_png(letter.title, kicker="Open letter", footer=settings.WAGTAIL_SITE_NAME)
