"""Production: everything secret or machine-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if not os.environ.get("DJANGO_ALLOWED_HOSTS"):
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production (comma-separated host names).")

# One connection per worker, kept between requests and checked before reuse: a new connection
# per request capped even cached pages at about 85 req/s (BENCHMARKS.md, "Load").
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Every absolute link (mails, QR codes, calendar files, certificates, API) starts with this.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").strip().rstrip("/")
if not PUBLIC_BASE_URL:
    raise ImproperlyConfigured(
        "PUBLIC_BASE_URL must be set in production: the public address of the site, e.g. "
        "https://samenpreventief.nl (links in mails, QR codes and the API start with it)."
    )
if not PUBLIC_BASE_URL.startswith(("https://", "http://")) or "/" in PUBLIC_BASE_URL.split("://", 1)[1]:
    raise ImproperlyConfigured(
        f"PUBLIC_BASE_URL must be a scheme and host (and port) only, e.g. https://samenpreventief.nl; "
        f"got {PUBLIC_BASE_URL!r}."
    )
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL

# Half an object-storage configuration would put uploads on this server's disk, invisible to
# the other app servers (core.object_storage; `manage.py check` reports the same errors).
if OBJECT_STORAGE_PROBLEMS:  # noqa: F405
    raise ImproperlyConfigured(
        "Media object storage is half configured: " + " ".join(OBJECT_STORAGE_PROBLEMS)  # noqa: F405
    )

# HTML (and JSON, feeds, calendar files) leaves the server gzip-compressed when the browser asks
# for it: a page of 30-60 KB becomes 8-12 KB. Static files are not compressed here: WhiteNoise
# (above it, so its responses never reach this middleware) serves the gzip and brotli copies
# that CompressedManifestStaticFilesStorage writes at collectstatic. Below WhiteNoise and above
# the page cache, so the cache keeps one uncompressed copy and each response is compressed on
# its way out, for the encoding that client asked for.
# BREACH (guessing a secret in a compressed page from its length, by making the page reflect
# guesses): the CSRF token in our forms is masked anew for every response, GZipMiddleware adds
# 0-100 random bytes to every response ("Heal the BREACH", Django 4.2+), and session and login
# cookies never appear in a body. Other secrets on a page (a TOTP set-up key, an invitation
# link) are shown only to their owner, and an attack would need thousands of that owner's own
# requests, each reflecting the attacker's guess next to the secret, with the padding above.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,  # noqa: F405
    "django.middleware.gzip.GZipMiddleware",
)

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
