"""`make run`: SQLite, mail on the console, tasks run straight away.

Links point at PUBLIC_BASE_URL, which the Makefile sets to http://127.0.0.1:$(PORT).
A missing page shows the site's own 404 page; DJANGO_DEBUG_404=1 shows Django's debug page.
"""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if not env_bool("DJANGO_DEBUG_404", False):  # noqa: F405
    MIDDLEWARE = [*MIDDLEWARE, "core.errors.FriendlyNotFoundMiddleware"]  # noqa: F405
