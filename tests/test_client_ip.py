"""Issue 12, finding 8: rate limits behind the reverse proxy.

Behind the proxy that docs/deployment.md prescribes, every request comes from the proxy's
address; counting per REMOTE_ADDR put every visitor in one bucket. With TRUSTED_PROXY_COUNT
(ALLAUTH_TRUSTED_PROXY_COUNT) set, the address the trusted proxy passes on in X-Forwarded-For
counts, for allauth's limits and our own (`core.ratelimit.client_ip`). With the default 0
a client's own X-Forwarded-For header changes nothing.
"""

import os
import subprocess
import sys

import pytest
from allauth.account.adapter import get_adapter
from django.test import Client, RequestFactory

from core.ratelimit import client_ip

PROXY = "10.0.0.5"
LOCKED = "Te veel inlogpogingen"


def request_from(remote_addr, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("count", "forwarded_for", "expected"),
    [
        (0, "203.0.113.7", PROXY),  # no trusted proxy: the header is the client's own claim
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "1.1.1.1, 203.0.113.7", "203.0.113.7"),  # the client prepended a spoofed address
        (2, "1.1.1.1, 203.0.113.7, 10.0.0.4", "203.0.113.7"),  # two proxies of ours
        (2, "203.0.113.7", "203.0.113.7"),  # fewer hops than proxies: the furthest known, no error
        (1, "", PROXY),
        (1, "geen-adres", PROXY),  # garbage: the connecting address, never an error
        (1, "[2001:db8::1]:443", "2001:db8::1"),
    ],
)
def test_the_client_address_is_the_one_the_trusted_proxy_passes_on(settings, count, forwarded_for, expected):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = count
    request = request_from(PROXY, forwarded_for)
    assert client_ip(request) == expected
    assert get_adapter(request).get_client_ip(request) == expected, "allauth uses the same function"


def failed_logins(client, count, prefix):
    responses = [
        client.post("/account/login/", {"login": f"{prefix}{i}@example.nl", "password": "fout-wachtwoord"})
        for i in range(count)
    ]
    return [LOCKED in response.content.decode() for response in responses]


@pytest.mark.django_db
def test_two_visitors_behind_one_proxy_have_their_own_login_limit(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert failed_logins(first, 11, "a")[-1], "the first visitor reaches the per-address limit (10/m)"
    assert failed_logins(second, 1, "b") == [False], "the second visitor has a bucket of their own"


@pytest.mark.django_db
def test_without_a_trusted_proxy_a_spoofed_header_does_not_escape_the_limit(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    spoofed = [
        failed_logins(Client(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}"), 1, f"s{i}-")[0]
        for i in range(11)
    ]
    assert spoofed[-1], "eleven failures from one address are limited, whatever the header says"


@pytest.mark.parametrize(("environment", "expected"), [({}, "0"), ({"TRUSTED_PROXY_COUNT": "1"}, "1")])
def test_the_number_of_trusted_proxies_comes_from_the_environment(environment, expected):
    env = {key: value for key, value in os.environ.items() if key != "TRUSTED_PROXY_COUNT"} | environment
    result = subprocess.run(
        [sys.executable, "-c", "from cop_site.settings import base; print(base.ALLAUTH_TRUSTED_PROXY_COUNT)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == expected
