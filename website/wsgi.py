import os
import sys

from django.core.wsgi import get_wsgi_application

from website.cache import KeptPageFront
from website.config import ConfigurationError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

try:
    application = KeptPageFront(get_wsgi_application())
except ConfigurationError as error:
    sys.exit(f"Configuration error: {error}")
