"""Rate limits for the project's own actions (tip submissions, guest registrations).

allauth limits logins and sign-ups itself. These limits use the same rule as allauth: a
sliding window of hit times kept in the shared cache under a short cache lock, so they hold
across app servers and concurrent requests. Not `cache.incr()`: on the database cache that
is a read plus a write which re-stores the key with the cache's default timeout (five
minutes), so concurrent hits are lost and an hour's window quietly shrinks.
"""

import time

from django.core.cache import cache

LOCK_SECONDS = 5
LOCK_WAIT_SECONDS = 2


def allow(scope, identity, limit, window_seconds):
    """Record one hit of `identity` (a user id, an IP address) in `scope` and say whether it
    stays within `limit` hits per `window_seconds`. A refused hit is not recorded."""
    key = f"ratelimit:{scope}:{identity}"
    lock = f"{key}:lock"
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while not cache.add(lock, 1, timeout=LOCK_SECONDS):
        if time.monotonic() > deadline:
            return False  # a flood of simultaneous hits: refusing is the safe side
        time.sleep(0.01)
    try:
        now = time.time()
        hits = [moment for moment in cache.get(key, []) if moment > now - window_seconds]
        allowed = len(hits) < limit
        if allowed:
            hits.append(now)
            cache.set(key, hits, timeout=window_seconds)
        return allowed
    finally:
        cache.delete(lock)
