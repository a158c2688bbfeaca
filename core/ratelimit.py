"""Rate limits for the project's own actions (tip submissions, guest registrations), and the
one rule for a visitor's address that every limit counts by (`client_ip`).

allauth limits logins and sign-ups itself. These limits use the same rule as allauth: a
sliding window of hit times kept in the shared cache under a short cache lock, so they hold
across app servers and concurrent requests. Not `cache.incr()`: on the database cache that
is a read plus a write which re-stores the key with the cache's default timeout (five
minutes), so concurrent hits are lost and an hour's window quietly shrinks.
"""

import ipaddress
import time

from django.conf import settings
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


def client_ip(request):
    """The visitor's address, as the limits count it (ours and, via the adapter, allauth's).

    Behind a reverse proxy every request comes from the proxy, so REMOTE_ADDR would put all
    visitors in one bucket (issue 12, finding 8). With `ALLAUTH_TRUSTED_PROXY_COUNT` = N
    (environment `TRUSTED_PROXY_COUNT`), the N-th address from the right in X-Forwarded-For
    is the one our outermost proxy saw; anything left of it is the client's own claim and is
    ignored. With 0 (the default) the header is ignored altogether. A header with fewer hops
    than proxies gives its leftmost address (all of it was written by our proxies); a header
    that is not an address gives REMOTE_ADDR, never an error (allauth's own version raises
    ImproperlyConfigured, a 500, or refuses the request).
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    trusted_proxies = getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)
    if trusted_proxies <= 0:
        return remote_addr
    hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",") if hop.strip()]
    if not hops:
        return remote_addr
    return _address(hops[-min(trusted_proxies, len(hops))]) or remote_addr


def _address(value):
    """The IP address in `value` ("203.0.113.7", "203.0.113.7:443", "[2001:db8::1]:443"), or None."""
    host = value
    if value.startswith("["):
        host = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        host = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None
