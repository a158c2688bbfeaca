"""Faults under traffic, with real gunicorn processes on PostgreSQL.

* The database connection cut mid-traffic: the app servers reach PostgreSQL through a TCP
  proxy in this process (tests/servers.py). Cutting it closes every open connection and
  refuses new ones, as a database restart does; the shared cluster itself is never touched.
* A worker killed mid-request: SIGKILL to the gunicorn worker while it waits, inside the
  registration transaction, for a row lock this test holds.

In both cases nothing may be half-written, and a client that retries must end with exactly
one registration or tip.
"""

import os
import re
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection, transaction

from accounts.models import Profile
from ateliers.models import AtelierPage, AtelierState, Registration
from organisations.models import Organisation
from tips.models import Community, CommunityMember, Tip

from .factories import verified_member
from .servers import (
    PASSWORD,
    TCPProxy,
    app_server_env,
    browser_session,
    database_url,
    login,
    prepare_for_app_servers,
    start_app_servers,
)

pytestmark = pytest.mark.django_db(transaction=True)

OK = {200, 302}
CLEAN_FAILURES = {500, 502, 503, 504}


def server_env(**extra):
    """Production-like: DEBUG off, the database task queue; mail would go to the console."""
    return {"DJANGO_SETTINGS_MODULE": "cop_site.settings.base", "DJANGO_SECRET_KEY": "faults-test-key", **extra}


def make_member(email, role=Profile.Role.PROFESSIONAL, pseudonym=""):
    return verified_member(email, PASSWORD, role, pseudonym)


@pytest.fixture
def open_atelier(postgres_only, demo_content):
    atelier = next(a for a in AtelierPage.objects.live() if a.accepts_registrations)
    atelier.registrations.all().delete()
    AtelierPage.objects.filter(pk=atelier.pk).update(capacity=100, state=AtelierState.REGISTRATION_OPEN)
    return atelier


def csrf_post(session, base_url, path, data, timeout=20):
    """GET the form (for its CSRF token and hidden fields), then POST it."""
    page = session.get(base_url + path, timeout=timeout)
    page.raise_for_status()
    key = re.search(r'name="submission_key" value="([0-9a-f]{32})"', page.text)
    data = {**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]}
    if key:
        data["submission_key"] = key.group(1)
    return data, session.post(base_url + path, data=data, timeout=timeout, allow_redirects=False)


def send_until_done(session, base_url, path, data, log, deadline):
    """A patient client: fetch the form once, then send the same form until it succeeds.
    Every answer must come back within the timeout (no hang) and be a success or a clean 5xx."""
    form = None
    while time.monotonic() < deadline:
        try:
            if form is None:
                form, response = csrf_post(session, base_url, path, data)
            else:
                response = session.post(base_url + path, data=form, timeout=20, allow_redirects=False)
        except requests.HTTPError as error:
            log.append(error.response.status_code)
            time.sleep(0.3)
            continue
        except requests.ConnectionError as error:
            log.append(type(error).__name__)
            time.sleep(0.3)
            continue
        log.append(response.status_code)
        if response.status_code in OK:
            return response
        assert response.status_code in CLEAN_FAILURES, response.text[:500]
        time.sleep(0.3)
    raise AssertionError(f"{path} never succeeded: {log}")


def test_cutting_the_database_connection_mid_traffic_loses_and_duplicates_nothing(open_atelier, tmp_path):
    members = [make_member(f"deelnemer{number}@example.nl") for number in range(6)]
    host = Community.objects.create(
        name="Tipgemeenschap Storing", focus_question="Wat helpt?", host_organisation=Organisation.objects.first()
    )
    parents = [make_member(f"ouder{number}@example.nl", Profile.Role.PARENT, f"Ouder {number}") for number in range(2)]
    for parent in parents:
        CommunityMember.objects.create(community=host, user=parent, role=CommunityMember.Role.PARENT)

    settings_dict = connection.settings_dict
    proxy = TCPProxy(settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432)).start()
    env = app_server_env(database_url(host="127.0.0.1", port=proxy.port), **server_env())
    prepare_for_app_servers(env)
    (server,) = start_app_servers(1, env, tmp_path, workers=3, extra_args=["--timeout", "60"])
    statuses = []
    try:
        sessions = {}
        for user in members + parents:
            session = browser_session()
            assert login(session, server.url, user.email).status_code == 200
            sessions[user.email] = session
        deadline = time.monotonic() + 90

        def register(user):
            session = sessions[user.email]
            log = []
            statuses.append(log)
            send_until_done(
                session,
                server.url,
                f"/kennisateliers/{open_atelier.pk}/aanmelden/",
                {"name": user.first_name, "background": "wijkteam"},
                log,
                deadline,
            )

        def submit_tips(parent):
            log = []
            statuses.append(log)
            for number in range(4):
                send_until_done(
                    sessions[parent.email],
                    server.url,
                    f"/tips/{host.slug}/tips/nieuw/",
                    {"text": f"Tip {number} van {parent.email}: vraag hulp aan de buren.", "audiences": ["parents"]},
                    log,
                    deadline,
                )
                time.sleep(0.2)

        def outage():
            time.sleep(0.5)
            proxy.cut()
            time.sleep(1.5)
            proxy.restore()

        cutter = threading.Thread(target=outage)
        cutter.start()
        with ThreadPoolExecutor(max_workers=8) as pool:
            jobs = [pool.submit(register, user) for user in members] + [pool.submit(submit_tips, p) for p in parents]
            for job in jobs:
                job.result()
        cutter.join()

        # After recovery the app reconnects by itself.
        assert requests.get(server.url + "/", timeout=20, headers={"Host": "localhost"}).status_code == 200
    finally:
        server.stop()
        proxy.stop()

    flat = [status for log in statuses for status in log]
    assert set(flat) <= OK | CLEAN_FAILURES | {"ConnectionError"}, flat
    for user in members:
        assert Registration.objects.filter(atelier=open_atelier, email=user.email).count() == 1
    assert Registration.objects.filter(atelier=open_atelier).count() == len(members)
    for parent in parents:
        for number in range(4):
            assert Tip.objects.filter(text__startswith=f"Tip {number} van {parent.email}:").count() == 1
    assert Tip.objects.filter(community=host).count() == 8
    print("statuses per client:", statuses)  # for the record, with -s
    assert set(flat) - OK, "the cut came after the traffic: no request met it"


def _waiting_for_a_lock():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # statistics are a per-transaction snapshot
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return [row[0] for row in cursor.fetchall()]


def test_a_worker_killed_inside_the_registration_transaction_leaves_nothing_half_done(open_atelier, tmp_path):
    member = make_member("gedood@example.nl")
    env = app_server_env(database_url(), **server_env())
    prepare_for_app_servers(env)
    (server,) = start_app_servers(1, env, tmp_path, workers=1, extra_args=["--timeout", "60"])
    path = f"/kennisateliers/{open_atelier.pk}/aanmelden/"
    try:
        session = browser_session()
        login(session, server.url, member.email)
        session.get(server.url + path, timeout=20)
        form = {"name": "Gedood", "background": "wijkteam", "csrfmiddlewaretoken": session.cookies["csrftoken"]}
        (worker,) = server.worker_pids()
        outcome = {}

        def post():
            try:
                outcome["response"] = session.post(server.url + path, data=form, timeout=30, allow_redirects=False)
            except requests.RequestException as error:
                outcome["error"] = error

        with transaction.atomic():
            # Hold the atelier's row lock: the worker blocks inside register()'s transaction.
            AtelierPage.objects.select_for_update().get(pk=open_atelier.pk)
            request = threading.Thread(target=post)
            request.start()
            for _ in range(100):
                if _waiting_for_a_lock():
                    break
                time.sleep(0.1)
            else:
                raise AssertionError("the worker never reached the locked row")
            os.kill(worker, signal.SIGKILL)
            request.join(timeout=30)
        assert "error" in outcome or outcome["response"].status_code >= 500, outcome
        assert not Registration.objects.filter(email=member.email).exists(), "nothing half-written"

        # The master replaces the worker, and the same form sent again registers exactly once.
        for _ in range(100):
            pids = server.worker_pids()
            if pids and worker not in pids:
                break
            time.sleep(0.1)
        assert pids and worker not in pids
        for _ in range(2):  # a retry, and an impatient second retry
            response = session.post(server.url + path, data=form, timeout=30, allow_redirects=False)
            assert response.status_code == 302
        assert Registration.objects.filter(atelier=open_atelier, email=member.email).count() == 1
    finally:
        server.stop()


def test_a_database_error_is_a_clean_503_page(client, monkeypatch, settings):
    """Any database (not only PostgreSQL): OperationalError anywhere in a request → static 503."""
    from django.db import OperationalError
    from django.test import Client

    from search import views

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(views.service, "search", broken)
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/zoeken/", {"q": "opvoeding"})
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "Even niet bereikbaar" in response.content.decode()
    assert "connection refused" not in response.content.decode()
