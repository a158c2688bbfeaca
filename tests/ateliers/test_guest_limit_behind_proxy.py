"""Issue 12, finding 8, our own limiter: guest registrations per visitor behind the proxy."""

import pytest
from django.test import Client
from django.urls import reverse

from ateliers.views import GUEST_REGISTRATIONS_PER_HOUR

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


def register_guests(client, atelier, count, prefix):
    url = reverse("ateliers:register", args=[atelier.pk])
    return [
        client.post(url, {"name": "Gast", "email": f"{prefix}{i}@example.nl", "background": "policy"}).status_code
        for i in range(count)
    ]


def test_guest_registration_limit_counts_each_visitor_behind_the_proxy(settings, make_atelier):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    atelier = make_atelier(capacity=100)
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert register_guests(first, atelier, GUEST_REGISTRATIONS_PER_HOUR + 1, "a")[-1] == 429
    assert register_guests(second, atelier, 1, "b") == [200]


def test_without_a_trusted_proxy_the_header_does_not_open_a_new_bucket(settings, make_atelier):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    atelier = make_atelier(capacity=100)
    statuses = [
        register_guests(Client(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}"), atelier, 1, f"s{i}-")[0]
        for i in range(GUEST_REGISTRATIONS_PER_HOUR + 1)
    ]
    assert statuses[-1] == 429
