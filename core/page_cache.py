"""Whole-page cache for anonymous visitors, invalidated on every content change.

Most traffic is anonymous professionals reading stories and listings; their pages are the
same for everybody, so they are served from the shared cache. Correctness beats hit rate:

- only GET/HEAD without a session or messages cookie (so never a logged-in editor);
- only 200 responses that set no cookie and rendered no CSRF token (pages with forms);
- the key carries a *generation* number that is bumped whenever a page is published,
  unpublished, moved or deleted, or any of the project's own models is saved or deleted
  (a registration changes the seats left on an atelier page). Old entries simply expire.

Entries live in the bounded "pages" cache, never beside allauth's login counters in "default":
a flood of distinct URLs culls old pages, not lockouts. The generation number itself stays in
"default" (one key), so culling pages never resurrects an old generation. The key ignores the
order of query parameters and the tracking parameters that campaign links add.

Invalidation is as narrow as what a change shows. Changes that no anonymous page shows (votes,
priorities, evaluation scores) invalidate nothing: apps name those models with
`ignore_changes_to`. Figures that change with every visitor's action, such as the seats left on
an atelier, are *fresh fragments*: the page marks them with `{% fresh_fragment %}` and they are
rendered anew each time the page is served from the cache, so a burst of registrations never
empties the cache.

Logged-in members read the same stories, listings and search results. For the page types and
views that show every visitor the same content (apps name them with `share_with_members`), a
member is served the anonymous copy with only the personal part of the header (`Mijn profiel`,
the logout form with the member's own CSRF token) rendered for them: `MemberPageCacheMiddleware`.
Editors (who get Wagtail's user bar), members with a message waiting and every other page type
(an atelier page shows the member's own registration) are rendered as before.
"""

import functools
import re
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "page-cache:generation"
TIMEOUT = 300
PROJECT_APPS = {"home", "organisations", "taxonomy", "practices", "ateliers", "tips", "editorial"}
TRACKING_PARAMETER_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "_ga")
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/account/", "/en/account/", "/documents/", "/i18n/")


IGNORED_MODELS = set()
SHARED_PAGE_TYPES = set()
PERSONAL_HEADER_TEMPLATE = "includes/account_links.html"
PERSONAL_RE = re.compile(r"<!--personal-->.*?<!--/personal-->", re.DOTALL)
FRESH_FRAGMENTS = {}
FRESH_FRAGMENT_RE = re.compile(r"<!--fresh ([\w-]+) ([\w-]+)-->.*?<!--/fresh-->", re.DOTALL)


def ignore_changes_to(*models):
    """Saving or deleting these models never changes what an anonymous page shows."""
    IGNORED_MODELS.update(model._meta.label for model in models)


def share_with_members(*page_models):
    """These page types show a member exactly what they show an anonymous visitor (header aside)."""
    SHARED_PAGE_TYPES.update(page_models)


def shared_with_members(view):
    """For a view (not a page type) whose page is the same for every member, header aside."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.shared_with_members = True
        return view(request, *args, **kwargs)

    return wrapped


def mark_shared_page(page, request, serve_args, serve_kwargs):
    """Wagtail's `before_serve_page` hook (core/wagtail_hooks.py): the page's type is shared with members."""
    if isinstance(page, tuple(SHARED_PAGE_TYPES)):
        request.shared_with_members = True


def register_fresh_fragment(name, render):
    """`render(key)` returns the fragment's current HTML; it runs on every cache hit of a page that has it."""
    FRESH_FRAGMENTS[name] = render


def fresh_fragment(name, key):
    """The fragment's HTML between the markers the middleware looks for."""
    return f"<!--fresh {name} {key}-->{FRESH_FRAGMENTS[name](key)}<!--/fresh-->"


def _refresh_fragments(response):
    content = response.content.decode(response.charset)
    if "<!--fresh " not in content:
        return response
    response.content = FRESH_FRAGMENT_RE.sub(lambda match: fresh_fragment(match[1], match[2]), content)
    return response


def pages_cache():
    """The bounded cache for pages and other data that anonymous traffic can multiply."""
    return caches["pages"]


def current_generation(request=None):
    """The generation number; read from the shared cache once per request when `request` is given."""
    if request is None:
        return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)
    if not hasattr(request, "_page_cache_generation"):
        request._page_cache_generation = cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)
    return request._page_cache_generation


_local_generation = None
_local_entries = {}


def cached_for_generation(request, key, compute):
    """`compute()`, kept until content changes: for data every page shows (menu, footer).

    Members and editors get no page cache, so each of their pages used to fetch such data from
    the shared cache, which is a database round trip each without Redis. The generation number
    (read once per request) already says whether anything changed, so each process keeps its
    own copy for the current generation and only asks the shared cache, and then the database,
    when the generation moved on. Entries of older generations are dropped at once, so the
    process-local copy holds at most one generation's worth of small values.
    """
    global _local_generation
    generation = current_generation(request)
    if generation != _local_generation:
        _local_entries.clear()
        _local_generation = generation
    if key in _local_entries:
        return _local_entries[key]
    shared_key = f"{key}:{generation}"
    value = pages_cache().get(shared_key)
    if value is None:
        value = compute()
        pages_cache().set(shared_key, value, TIMEOUT)
    _local_entries[key] = value
    return value


def invalidate(**kwargs):
    # A fresh timestamp, never an increment: cache.incr() on the database cache re-stores the
    # key with the default timeout, after which an old generation could come back.
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def _invalidate_for_project_models(sender, **kwargs):
    # A profile change can rename a pseudonym shown on public tips; logins (User saves) do not count.
    if sender._meta.label in IGNORED_MODELS:
        return
    if sender._meta.app_label in PROJECT_APPS or sender._meta.label == "accounts.Profile":
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
    parameters = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if not name.startswith(TRACKING_PARAMETER_PREFIXES)
        for value in values
    )
    query = urlencode(parameters)
    return f"page-cache:{current_generation(request)}:{get_language()}:{request.path}?{query}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = pages_cache().get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return _refresh_fragments(cached)
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response.shared_with_members = getattr(request, "shared_with_members", False)
            pages_cache().set(key, response, TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_response(request, response):
        if response.status_code != 200 or response.cookies or getattr(response, "streaming", False):
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page rendered a CSRF token: it belongs to one visitor
        return "private" not in response.get("Cache-Control", "")


class MemberPageCacheMiddleware:
    """Serves a logged-in member the anonymous copy of a shared page, with their own header.

    Sits after the authentication, CSRF and messages middleware: it needs the user, renders a
    CSRF token that the CSRF middleware then backs with its cookie, and must see waiting
    messages. A miss renders the page as before (and stores nothing: the anonymous visitor's
    copy is the one that is shared).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _member_reading(request):
            cached = pages_cache().get(_key(request))
            shared = cached is not None and getattr(cached, "shared_with_members", False)
            # Editors get Wagtail's user bar (asked only on a hit: it costs a query per request).
            if shared and not request.user.has_perm("wagtailadmin.access_admin"):
                return _personalised(request, cached)
        return self.get_response(request)


def _member_reading(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES) or not request.user.is_authenticated:
        return False
    return not len(get_messages(request))  # a message waiting for them is shown at the top of the page


def _personalised(request, cached):
    content = cached.content.decode(cached.charset)
    header = render_to_string(PERSONAL_HEADER_TEMPLATE, request=request)
    cached.content = PERSONAL_RE.sub(lambda match: f"<!--personal-->{header}<!--/personal-->", content, count=1)
    response = _refresh_fragments(cached)
    response["X-Page-Cache"] = "member"
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response
