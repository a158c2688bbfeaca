"""Whole-page cache for anonymous visitors, invalidated on every content change.

Most traffic is anonymous professionals reading stories and listings; their pages are the
same for everybody, so they are served from the shared cache. Correctness beats hit rate:

- only GET/HEAD without a session or messages cookie (so never a logged-in editor);
- only 200 responses that set no cookie and rendered no CSRF token (pages with forms);
- the key carries a *generation* number that is bumped whenever a page is published,
  unpublished, moved or deleted, or any of the project's own models is saved or deleted
  (a registration changes the seats left on an atelier page). Old entries simply expire.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "page-cache:generation"
TIMEOUT = 300
PROJECT_APPS = {"home", "organisations", "taxonomy", "practices", "ateliers", "tips", "editorial"}
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/account/", "/en/account/", "/documents/", "/i18n/")


def current_generation():
    return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)


def invalidate(**kwargs):
    # A fresh timestamp, never an increment: cache.incr() on the database cache re-stores the
    # key with the default timeout, after which an old generation could come back.
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def _invalidate_for_project_models(sender, **kwargs):
    if sender._meta.app_label in PROJECT_APPS:
        invalidate()


def connect_signals():
    page_published.connect(invalidate, dispatch_uid="page_cache_published")
    page_unpublished.connect(invalidate, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page_cache_moved")
    post_save.connect(_invalidate_for_project_models, dispatch_uid="page_cache_saved")
    post_delete.connect(_invalidate_for_project_models, dispatch_uid="page_cache_deleted")


def _cacheable_request(request):
    if not settings.PAGE_CACHE_ENABLED:
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return not request.path.startswith(EXCLUDED_PREFIXES)


def _key(request):
    return f"page-cache:{current_generation()}:{get_language()}:{request.get_full_path()}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(key, response, TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_response(request, response):
        if response.status_code != 200 or response.cookies or getattr(response, "streaming", False):
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page rendered a CSRF token: it belongs to one visitor
        return "private" not in response.get("Cache-Control", "")
