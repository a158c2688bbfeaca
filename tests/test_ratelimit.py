"""The project's own rate limits (core/ratelimit.py) on the cache the servers really share."""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings
from django.utils import timezone

from core import ratelimit

DATABASE_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cop_cache"}}


@pytest.fixture
def database_cache(transactional_db):
    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
        cache.clear()
        yield
        cache.clear()


def test_sliding_window_refuses_the_hit_over_the_limit_and_forgets_old_hits(monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    assert [ratelimit.allow("test", "ann", 3, 3600) for _ in range(4)] == [True, True, True, False]
    assert ratelimit.allow("test", "bob", 3, 3600)  # someone else has a limit of their own
    now[0] += 59 * 60
    assert not ratelimit.allow("test", "ann", 3, 3600)
    now[0] += 2 * 60  # the first hits are more than an hour old now
    assert ratelimit.allow("test", "ann", 3, 3600)


def test_window_is_kept_for_its_full_length_on_the_database_cache(database_cache):
    for _ in range(3):
        assert ratelimit.allow("test", "ann", 10, 3600)
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM cop_cache WHERE cache_key LIKE %s", ["%ratelimit:test:ann"])
        (expires,) = cursor.fetchone()
    if timezone.is_naive(expires):
        expires = timezone.make_aware(expires, datetime.UTC)
    # cache.incr() would have re-stored the counter with the cache's default timeout (5 minutes).
    assert expires > timezone.now() + datetime.timedelta(minutes=55)


def test_simultaneous_hits_are_all_counted_on_the_database_cache(postgres_only, database_cache):
    def hit(_):
        try:
            return ratelimit.allow("test", "crowd", 5, 3600)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=12) as pool:
        outcomes = list(pool.map(hit, range(24)))
    assert outcomes.count(True) == 5
