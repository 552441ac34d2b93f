"""Production: everything comes from the environment; missing essentials stop start-up with one line."""

import os
from urllib.parse import urlsplit

from website import config

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, DATABASES, STORAGES

DEBUG = False
SECRET_KEY = config.required(
    "SECRET_KEY", "set it to a long random string (python -c 'import secrets; print(secrets.token_urlsafe(50))')."
)

DATABASES["default"] = config.database(
    config.required("DATABASE_URL", "set it to postgres://USER:PASSWORD@HOST:5432/NAME."),
    conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
)

WAGTAILADMIN_BASE_URL = config.required(
    "WAGTAILADMIN_BASE_URL", "set it to the site's public address, such as https://example.org."
).rstrip("/")
ALLOWED_HOSTS = config.listing("ALLOWED_HOSTS", default=[urlsplit(WAGTAILADMIN_BASE_URL).hostname])
CSRF_TRUSTED_ORIGINS = [WAGTAILADMIN_BASE_URL]

# HTTPS everywhere. Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=true.
SECURE_SSL_REDIRECT = config.flag("SECURE_SSL_REDIRECT", True)
if config.flag("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = config.flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = config.flag("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True
# X_FRAME_OPTIONS stays SAMEORIGIN for Wagtail's preview; frame-ancestors 'self' says the same.
SILENCED_SYSTEM_CHECKS = ["security.W019", "django_ratelimit.E003", "django_ratelimit.W001"]

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

# CACHES is Redis when REDIS_URL is set (base.py).
if os.environ.get("REDIS_URL"):
    SILENCED_SYSTEM_CHECKS = ["security.W019"]  # rate limits are shared through Redis

# Uploaded images and documents in an S3-compatible bucket, when one is named; else on the local disk (MEDIA_ROOT).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": S3_CUSTOM_DOMAIN,
            # Plain, lasting addresses: signed ones expire inside cached pages. The bucket lets anyone read.
            "querystring_auth": False,
            # Wagtail names files itself and expects a name in use to get a new one, never to be overwritten.
            "file_overwrite": False,
        },
    }
    # Unreviewed uploads in a bucket of their own that nobody may read (no public ACL, no policy granting it), when
    # one is named; else on this server's disk at PRIVATE_MEDIA_ROOT (base.py). Never a prefix of the public bucket.
    if os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME"):
        STORAGES["private"] = {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **STORAGES["default"]["OPTIONS"],
                "bucket_name": os.environ["AWS_PRIVATE_STORAGE_BUCKET_NAME"],
                "custom_domain": None,
                "default_acl": "private",
                # Only the admin's view reads these, through the API; a signed address, if one is ever made, expires.
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        }
    media_origin = f"https://{S3_CUSTOM_DOMAIN}" if S3_CUSTOM_DOMAIN else os.environ.get("AWS_S3_ENDPOINT_URL")
    media_origin = media_origin or f"https://{os.environ['AWS_STORAGE_BUCKET_NAME']}.s3.amazonaws.com"
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(media_origin.rstrip("/"))

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = config.flag("EMAIL_USE_TLS", True)
