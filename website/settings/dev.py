"""Development: needs nothing set. SQLite file, e-mail printed to the console, DEBUG on."""

from website import config

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "development-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Templates change under a developer's hands: no page or fragment is kept, by the site or the browser
# (FRAGMENT_CACHE=true to try it).
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_ENABLED = config.flag("FRAGMENT_CACHE", False)
# A developer makes every rendition afresh: AVIF at its fastest (a sixth of the time), the same format.
AVIF_ENCODER_SPEED = 10
