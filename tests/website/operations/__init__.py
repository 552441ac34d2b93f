"""Running the site: settings, commands, the worker and its mail, backups, retention, faults."""
