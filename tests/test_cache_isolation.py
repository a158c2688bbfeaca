"""Anonymous traffic cannot evict the counters that protect logins.

The page cache grows with every distinct URL an anonymous visitor asks for; allauth's
login-failure counters and our rate-limit windows must live where that growth cannot cull them.
"""

import pytest
from django.core.cache import caches

from home.setup import ensure_site
from tests.factories import verified_member

EMAIL = "lockout@example.org"
PASSWORD = "een-goed-wachtwoord-2026"


def failed_login(client):
    return client.post("/account/login/", {"login": EMAIL, "password": "verkeerd-wachtwoord"})


# The flood must overflow the page cache several times; a small page cache makes that cheap
# (100 page renders instead of 1,000) and changes nothing about where the counters live.
PAGE_CACHE_ENTRIES = 40
FLOOD = 100


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    pages = dict(settings.CACHES["pages"])
    pages["OPTIONS"] = {**pages.get("OPTIONS", {}), "MAX_ENTRIES": PAGE_CACHE_ENTRIES}
    settings.CACHES = {**settings.CACHES, "pages": pages}
    for alias in settings.CACHES:
        caches[alias].clear()


def test_a_flood_of_distinct_anonymous_urls_does_not_lift_a_login_lockout(client, db, page_cache_on):
    ensure_site()  # a cacheable home page, as every deployment has after `setup_site`
    verified_member(EMAIL, PASSWORD)
    for _ in range(5):  # "login_failed": 5 per 5 minutes per account
        failed_login(client)
    locked = client.post("/account/login/", {"login": EMAIL, "password": PASSWORD})
    assert "_auth_user_id" not in client.session, "the lockout must hold before the flood"

    visitor = client.__class__()
    stored = 0
    for number in range(FLOOD):
        response = visitor.get(f"/?page={number}")
        stored += response.get("X-Page-Cache") == "miss"
    assert stored == FLOOD, "every distinct URL was written to the page cache"
    assert visitor.get("/?page=0").get("X-Page-Cache") == "miss", "the flood culled the page cache"

    locked = client.post("/account/login/", {"login": EMAIL, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Te veel inlogpogingen" in locked.content.decode()
