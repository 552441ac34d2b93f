import gc
import os
import sys

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

from website.config import ConfigurationError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

try:
    django_application = get_wsgi_application()
except ConfigurationError as error:
    sys.exit(f"Configuration error: {error}")

# Once Django is set up: the page cache reads Wagtail's models.
from website.page_cache import KeptPageFront  # noqa: E402

application = KeptPageFront(django_application)

# What lives as long as the process (every module, class and view, the URL configuration, imported here rather than
# by the first request) is put out of the garbage collector's sight. Otherwise a full collection walks all of it,
# some 200,000 objects and 90 ms on the 2-core bench machine, inside whichever request happens to tip it over: the
# slowest sign-ups of a launch, and the page views queued behind them (docs/performance.md).
get_resolver().url_patterns  # noqa: B018 (imports every URL configuration and view)
gc.freeze()
