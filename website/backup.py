"""What a backup holds: the database as portable JSON and the media files, in one .tar.gz."""

# Derived or transient data, rebuilt after a restore instead of being carried over.
EXCLUDED_FROM_BACKUP = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
    "wagtailimages.rendition",
    "website.siterendition",
]
DATABASE_FILE = "database.json"
MEDIA_FOLDER = "media"
