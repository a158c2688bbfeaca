"""200 simultaneous registrations for 50 seats through gunicorn on PostgreSQL, against one at a time.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_registration_burst \
        .venv/bin/python benchmarks/registration_burst.py

Sets up the database when it is empty (migrate + demo content), makes two ateliers open for
registration and logs 210 members in (sessions written straight into the database, so no
password hashing is measured). Gunicorn runs with 3 workers as in deploy/compose.yaml,
persistent database connections as in production and the mails in the database task queue
(benchmarks/registration_burst_settings.py). In one run it measures:

1. uncontended: 10 members register for the second atelier one after another; the median
   latency gives the registrations per second of a single registration nobody competes with;
2. the burst: 200 members, released together by a barrier, register for the first atelier
   (50 seats); wall time, registrations per second, p50/p95 latency, status codes, and the
   seats and waiting list that result (must be 50 and 150).

The registration POST is measured without following its redirect to the registration page.
Bounded: every request has a timeout and the whole run stops after --max-seconds.
The machine's load average is printed before and after, because other work shares it.
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))

from benchmarks.load_test import manage, percentile, start_server  # noqa: E402

BURST_MEMBERS = 200
SEATS = 50
SOLO_MEMBERS = 10

PREPARE = """
import datetime, json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management import call_command
from django.utils import timezone
from allauth.account.models import EmailAddress
from accounts.models import User
from ateliers.models import AtelierPage, AtelierState, Registration

if not AtelierPage.objects.live().exists():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
burst, solo = AtelierPage.objects.live().order_by("pk")[:2]
AtelierPage.objects.filter(pk__in=[burst.pk, solo.pk]).update(
    state=AtelierState.REGISTRATION_OPEN, date=timezone.localdate() + datetime.timedelta(days=30)
)
AtelierPage.objects.filter(pk=burst.pk).update(capacity=SEATS)
AtelierPage.objects.filter(pk=solo.pk).update(capacity=1000)
Registration.objects.filter(atelier__in=[burst, solo]).delete()
store = import_module(settings.SESSION_ENGINE).SessionStore
sessions = {}
for email in EMAILS:
    user, _ = User.objects.get_or_create(email=email, defaults={"first_name": "Deelnemer"})
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions[email] = session.session_key
print(json.dumps({"burst": burst.pk, "solo": solo.pk, "sessions": sessions}))
"""

OUTCOME = """
import json
from ateliers.models import Registration
statuses = Registration.objects.filter(atelier_id=ATELIER).values_list("status", flat=True)
print(json.dumps({status: list(statuses).count(status) for status in set(statuses)}))
"""


def shell(env, code):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def member_session(session_key):
    """A logged-in browser: its session cookie and a CSRF cookie with the token the form sends."""
    session = requests.Session()
    session.headers["Host"] = "localhost"
    csrf_token = secrets.token_hex(16)  # 32 characters: Django accepts an unmasked secret
    session.cookies.set("sessionid", session_key)
    session.cookies.set("csrftoken", csrf_token)
    session.csrf_token = csrf_token
    return session


def register(base, atelier_id, session):
    """POST the registration form; returns (HTTP status, seconds)."""
    started = time.perf_counter()
    try:
        response = session.post(
            f"{base}/kennisateliers/{atelier_id}/aanmelden/",
            data={"name": "Deelnemer", "background": "wijkteam", "csrfmiddlewaretoken": session.csrf_token},
            allow_redirects=False,
            timeout=120,
        )
        status = response.status_code
    except requests.RequestException:
        status = 0  # no answer within the timeout, or the connection broke
    return status, time.perf_counter() - started


def burst(base, atelier_id, sessions):
    """All members press the button at the same moment; one thread each."""
    barrier = threading.Barrier(len(sessions) + 1)
    results = [None] * len(sessions)

    def one(index):
        barrier.wait()
        results[index] = register(base, atelier_id, sessions[index])

    threads = [threading.Thread(target=one, args=(index,), daemon=True) for index in range(len(sessions))]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join(timeout=180)
    return [result for result in results if result is not None], time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--max-seconds", type=int, default=900)
    parser.add_argument("--label", default="", help="printed with the results (e.g. the commit)")
    options = parser.parse_args()
    started_run = time.monotonic()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.registration_burst_settings",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PAGE_CACHE_ENABLED": "false",
        "DATABASE_CONN_MAX_AGE": "60",  # as in production
    }
    if "postgres" not in env.get("DATABASE_URL", ""):
        sys.exit("Set DATABASE_URL=postgres://… (an empty database is set up with demo content).")
    load_before = os.getloadavg()
    manage("migrate", "--noinput", env=env)
    emails = [f"burst{n}@example.nl" for n in range(BURST_MEMBERS)] + [
        f"solo{n}@example.nl" for n in range(SOLO_MEMBERS)
    ]
    prepared = shell(env, f"SEATS = {SEATS}\nEMAILS = {emails!r}\n" + PREPARE)
    sessions = {email: member_session(key) for email, key in prepared["sessions"].items()}
    server = start_server(env, options.workers, Path(tempfile.gettempdir()) / "registration_burst_gunicorn.log")
    try:
        base = server.url
        warm = member_session(prepared["sessions"]["solo0@example.nl"])
        for _ in range(options.workers * 3):  # every worker has loaded its code and templates
            warm.get(f"{base}/kennisateliers/{prepared['solo']}/aanmelden/", timeout=60)
        solo = [register(base, prepared["solo"], sessions[f"solo{n}@example.nl"]) for n in range(SOLO_MEMBERS)]
        if time.monotonic() - started_run > options.max_seconds:
            sys.exit("--max-seconds passed before the burst")
        results, burst_seconds = burst(
            base, prepared["burst"], [sessions[f"burst{n}@example.nl"] for n in range(BURST_MEMBERS)]
        )
    finally:
        server.stop()
    outcome = shell({**env, "DATABASE_CONN_MAX_AGE": "0"}, f"ATELIER = {prepared['burst']}\n" + OUTCOME)
    load_after = os.getloadavg()

    solo_median = statistics.median(seconds for _, seconds in solo)
    latencies = [seconds for _, seconds in results]
    statuses = Counter(status for status, _ in results)
    print(f"## registration burst {options.label}".rstrip())
    print(f"load average before {load_before[0]:.1f} / after {load_after[0]:.1f} (1 min), {os.cpu_count()} cores")
    print(
        f"uncontended: {SOLO_MEMBERS} one after another, median {solo_median * 1000:.0f} ms "
        f"= {1 / solo_median:.1f} registrations/s (statuses {dict(Counter(s for s, _ in solo))})"
    )
    print(
        f"burst: {len(results)} of {BURST_MEMBERS} answered in {burst_seconds:.1f} s "
        f"= {len(results) / burst_seconds:.1f} registrations/s; "
        f"p50 {statistics.median(latencies):.2f} s, p95 {percentile(latencies, 0.95):.2f} s, "
        f"max {max(latencies):.2f} s; statuses {dict(sorted(statuses.items()))}"
    )
    print(f"outcome: {outcome} (must be {SEATS} confirmed, {BURST_MEMBERS - SEATS} waiting)")


if __name__ == "__main__":
    main()
