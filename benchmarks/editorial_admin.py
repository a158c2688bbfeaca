"""Benchmark: the editorial admin on the demo platform (SQL queries and time per request),
onboarding every organisation, and the re-review reminder run.

    .venv/bin/pytest benchmarks/editorial_admin.py -q -s
    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_workflows .venv/bin/pytest benchmarks/editorial_admin.py -q -s

Runs in pytest's throwaway test database, never the development one.
"""

import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from organisations.models import Organisation

pytestmark = pytest.mark.django_db

PEOPLE = ["coordinator.zwolle", "redacteur.zwolle", "reviewer.nji"]


def measure(client, url, repeat=5):
    client.get(url)  # warm caches
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200
    return len(queries), sorted(timings)[len(timings) // 2] * 1000


def test_editorial_admin_benchmark(client):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    for person in PEOPLE:
        client.force_login(User.objects.get(email=f"{person}@demo.samenpreventief.nl"))
        count, median = measure(client, reverse("wagtailadmin_home"))
        print(f"dashboard /admin/ as {person}: {count} queries, median {median:.0f} ms")
    client.force_login(User.objects.get(email="coordinator.zwolle@demo.samenpreventief.nl"))
    section = Organisation.objects.get(name="Gemeente Zwolle").page
    count, median = measure(client, reverse("wagtailadmin_explore", args=[section.pk]))
    print(
        f"explorer of the Zwolle section ({section.get_children().count()} pages): {count} queries, median {median:.0f} ms"
    )
    for run in ("first", "repeat"):
        start = time.perf_counter()
        call_command("onboard_organisation", "--all", stdout=open("/dev/null", "w"))
        print(
            f"onboard_organisation --all ({Organisation.objects.count()} organisations, {run}): {time.perf_counter() - start:.1f} s"
        )
    start = time.perf_counter()
    call_command("send_review_reminders", stdout=open("/dev/null", "w"))
    print(f"send_review_reminders over the demo methods: {(time.perf_counter() - start) * 1000:.0f} ms")
