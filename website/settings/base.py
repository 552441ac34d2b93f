"""Settings shared by every environment. dev.py, test.py and production.py build on these."""

import os
from datetime import timedelta
from pathlib import Path

from website import config

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "website",
    "home",
    "campaigns",
    "signup",
    "news",
    "social",
    "endorsements",
    "petitions",
    "letters",
    "search",
    "wagtail.contrib.settings",
    # Purges a published page's addresses (its get_cached_paths) from a caching proxy in front (website/purge.py).
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app, whose user admin lets nobody give more rights than they hold (website/user_admin.py).
    "website.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_ratelimit",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.forms",
]

MIDDLEWARE = [
    # First: a page kept for anonymous visitors is answered at once, with the headers the middleware below gave it
    # when it was made (the policies are the same for every visitor: no nonces). In production website/wsgi.py
    # answers it even before Django when the cache is shared (website.page_cache.KeptPageFront).
    "website.page_cache.PageCacheMiddleware",
    # Pages showing a petition's live count are kept for less than a minute (petitions/freshness.py).
    "petitions.freshness.LiveCountMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "website.middleware.NullCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "website.two_factor.TwoFactorMiddleware",
    # Every admin view of a record holding personal data needs that record's "view" permission.
    "website.personal_data.PersonalDataAdminMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "website.middleware.DatabaseUnavailableMiddleware",
    "website.middleware.DiskFullMiddleware",
    # Where an address leads in the page tree, kept under the content generation (website/page_routes.py).
    "website.page_routes.PageRouteMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
# A form on a page the caches share comes back filled in, to send again, when its post had no token.
CSRF_FAILURE_VIEW = "website.shared_forms.csrf_failure"
WSGI_APPLICATION = "website.wsgi.application"
# Form widgets and field templates may be overridden from templates/ like any other template.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite next to the code unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": config.database(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Credential stuffing: five wrong passwords for one account from one address lock that pair out for a while.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_VERBOSE = False

# Two-step sign-in (website/two_factor.py) is each editor's choice, unless the operator makes it everyone's.
TWO_FACTOR_REQUIRED = config.flag("TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Broad Left Network")

# Admin sessions end after a working day, and when the browser closes.
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# Editors and visitors are in the UK: times are entered and shown in UK time, stored in UTC.
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads nobody has reviewed yet (an organisation's logo sent with its request to endorse): outside MEDIA_ROOT, with
# no address; editors who review them open them through the admin (website/storage.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "website.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# With REDIS_URL, one cache shared by every app process (pages, the content generation, rate limits); else each
# process's own.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis outage degrades to uncached pages rather than errors, and quickly: no long waits per request.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                # Says once when Redis goes away and once when it is back (website/cache_outage.py) ...
                "REDIS_CLIENT_CLASS": "website.cache_outage.OutageReportingRedis",
            },
        }
    }
    # ... instead of django-redis's traceback for every failed cache call: megabytes of log an hour of outage.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
else:
    # Each process's own: rate limits, and kept pages (gzipped, some 10 to 40 KiB each).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}}
# Fragments are filed under the shared content generation, so each process may keep its own copies without going
# stale, and a page's dozen fragments cost no trip to Redis.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# The fragments every page repeats (FRAGMENT_CACHE, website/fragment_cache.py), and whole pages for anonymous
# visitors (PAGE_CACHE, website/page_cache.py), both filed under the content generation (website/generation.py): in
# Redis when there is one, else in a one-row database table every process reads once per request, so that one edit
# reaches every process either way. PAGE_CACHE_SECONDS is also what shared caches in front may keep a page
# (s-maxage), and how late a time-dependent part (a livestream starting, an event ending) may show. 0: off.
CONTENT_GENERATION_STORE = os.environ.get("CONTENT_GENERATION_STORE", "cache" if REDIS_URL else "database")
FRAGMENT_CACHE_ENABLED = config.flag("FRAGMENT_CACHE", True)
PAGE_CACHE_ENABLED = config.flag("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "120"))
# Browsers cannot be purged after an edit, so they keep a page for less.
PAGE_CACHE_BROWSER_SECONDS = 60

# Wagtail purges the pages an edit touches from a caching proxy in front (such as Varnish), when there is one.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            # Wagtail's HTTPBackend, which can also BAN a whole host (website/purge.py).
            "BACKEND": "website.purge.PurgingProxy",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }

# Public forms count posts per address in the default cache. Without Redis each process counts on its
# own: weaker than a shared count, but it still bounds a flood, so django-ratelimit's objection is silenced.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "website.forms.too_many_requests"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# While Redis is down no post can be counted: forms stay open (the honeypot still stands) rather than refuse everyone.
RATELIMIT_FAIL_OPEN = True

# Every public form (sign-up, event registration, endorsement request) counts posts twice: per client address, and
# per e-mail address given. A union conference, a campus or a mobile network may put hundreds of people behind one
# address, so that limit only bounds a flood; the per-e-mail one stops the same address being signed up over and over
# (each post e-mails that person). "N/s", "N/m", "N/h" or "N/d".
SIGNUP_RATE_LIMIT = os.environ.get("SIGNUP_RATE_LIMIT", "600/h")
SIGNUP_EMAIL_RATE_LIMIT = os.environ.get("SIGNUP_EMAIL_RATE_LIMIT", "5/h")
# A petition is signed at a launch as a sign-up is: the same limits unless set apart.
PETITION_RATE_LIMIT = os.environ.get("PETITION_RATE_LIMIT", SIGNUP_RATE_LIMIT)
PETITION_EMAIL_RATE_LIMIT = os.environ.get("PETITION_EMAIL_RATE_LIMIT", SIGNUP_EMAIL_RATE_LIMIT)
# Pages showing a petition's live count are kept at most this long (petitions/freshness.py).
PETITION_COUNT_CACHE_SECONDS = int(os.environ.get("PETITION_COUNT_CACHE_SECONDS", "30"))
REGISTRATION_RATE_LIMIT = os.environ.get("REGISTRATION_RATE_LIMIT", "600/h")
REGISTRATION_EMAIL_RATE_LIMIT = os.environ.get("REGISTRATION_EMAIL_RATE_LIMIT", "5/h")
ENDORSEMENT_RATE_LIMIT = os.environ.get("ENDORSEMENT_RATE_LIMIT", "200/h")
ENDORSEMENT_EMAIL_RATE_LIMIT = os.environ.get("ENDORSEMENT_EMAIL_RATE_LIMIT", "5/h")
LETTER_RATE_LIMIT = os.environ.get("LETTER_RATE_LIMIT", "600/h")
LETTER_EMAIL_RATE_LIMIT = os.environ.get("LETTER_EMAIL_RATE_LIMIT", "5/h")
# Searches from one address: each is a full-text query, so a flood is bounded, but an office sharing one is not.
SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "60/m")
# Behind reverse proxies every request comes from them, and one visitor's flood would stop everyone's sign-ups (and
# lock editors out of the admin). With TRUSTED_PROXY_COUNT proxies, the rate limits and the sign-in lock-out read
# the visitor's own address from the entries those proxies added to X-Forwarded-For (website/forms.py client_ip).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "website.forms.client_ip"
AXES_CLIENT_IP_CALLABLE = "website.forms.client_ip"
# How long personal data is kept (`apply_retention`, run daily; docs/privacy.md). Sign-ups never confirmed are
# deleted after this many days; registrations are anonymised this many days after their event ends; declined
# endorsement requests are deleted this many days after the decision.
SIGNUP_PENDING_DAYS = int(os.environ.get("SIGNUP_PENDING_DAYS", "30"))
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "30"))
PETITION_KEEP_DAYS = int(os.environ.get("PETITION_KEEP_DAYS", "180"))
DECLINED_REQUEST_RETENTION_DAYS = int(os.environ.get("DECLINED_REQUEST_RETENTION_DAYS", "30"))

# Slow work (e-mail, Wagtail's search and reference index updates, purges) runs as tasks, queued in the site's own
# database (django-tasks-db) and run by `manage.py run_worker` beside the web server, so no request waits on it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# How many tasks the worker runs at once: threads of one process. Tasks mostly wait on the mail server, so threads
# are cheap; at 1 s per message, N threads send N e-mails a second.
TASK_WORKER_THREADS = int(os.environ.get("TASK_WORKER_THREADS", "4"))
# An e-mail is claimed before it is sent, so it goes once however many workers or hosts run. A claim older than this
# was left by a worker that died mid-send, and may be taken again: longer than a send can take (EMAIL_TIMEOUT).
EMAIL_CLAIM_TIMEOUT = int(os.environ.get("EMAIL_CLAIM_TIMEOUT", "300"))

# Wagtail
WAGTAIL_SITE_NAME = "Broad Left Network"
# The page type at the root of the site, which website/demo.py makes when a database has none.
HOME_PAGE_MODEL = "home.HomePage"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "website.SiteImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "website.images.SiteImageForm"
# PostgreSQL: English stemming, so "campaigning" finds "campaign". SQLite's FTS5 index matches words as typed.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}}
# Documents' files live in the private storage (website/documents.py): always handed out by Wagtail's view, which
# checks private collections, never by a link to the file.
WAGTAILDOCS_DOCUMENT_MODEL = "website.SiteDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Organisations' logos are often SVG; website/images.py strips every uploaded SVG of anything that could run.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
# Image bombs: a small file that decodes to a huge bitmap is refused.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# How hard libavif works on each AVIF rendition (0-10; None is Pillow's 6): higher is faster and a few per cent
# larger. A rendition is made once and served for ever, so production keeps the smaller files.
AVIF_ENCODER_SPEED = None
# No avatar look-ups at gravatar.com: nothing may call out.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Public pages: a strict policy, no inline script or style. The admin is excluded because
# Wagtail's editor relies on inline styles; it is protected by login and frame-ancestors.
ADMIN_URL_PATH = os.environ.get("ADMIN_URL_PATH", "admin").strip("/") or "admin"
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [f"/{ADMIN_URL_PATH}/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The video players a visitor asks for by pressing play (website/video_urls.py PLAYER_ORIGINS).
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://www.facebook.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# No page of ours needs these browser features; embedded players ask for their own in their frames.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}
# Wagtail's preview shows pages in a same-origin frame.
X_FRAME_OPTIONS = "SAMEORIGIN"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A mail server that accepts the connection and then stalls must not hold a worker for ever (seconds).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Broad Left Network <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Each task run and page save is logged at INFO; that is noise outside debugging.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
