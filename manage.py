#!/usr/bin/env python
import os
import sys

from website.config import ConfigurationError

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ConfigurationError as error:
        sys.exit(f"Configuration error: {error}")
