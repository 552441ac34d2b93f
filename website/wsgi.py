import os
import sys

from django.core.wsgi import get_wsgi_application

from website.config import ConfigurationError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

try:
    django_application = get_wsgi_application()
except ConfigurationError as error:
    sys.exit(f"Configuration error: {error}")

# Once Django is set up: the page cache reads Wagtail's models.
from website.page_cache import KeptPageFront  # noqa: E402

application = KeptPageFront(django_application)
