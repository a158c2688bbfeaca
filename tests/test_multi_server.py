"""Two app server processes on one PostgreSQL database behave as one site.

The servers are real gunicorn processes with the shared (database) cache of the base
settings, so rate limits and sessions must hold across them: nothing may live in one
process's memory.
"""

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import connection

from accounts.models import User
from ateliers.models import AtelierPage, AtelierState, Registration

BASE_DIR = Path(__file__).resolve().parents[1]
PASSWORD = "demo-wachtwoord-2026"

pytestmark = pytest.mark.django_db(transaction=True)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url, process, log, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app server exited: {log.read_text()}")
        try:
            requests.get(url, timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.3)
    raise TimeoutError(url)


@pytest.fixture
def app_servers(postgres_only, demo_content, tmp_path):
    """Two gunicorn processes serving the test database; yields their base URLs."""
    settings_dict = connection.settings_dict
    database_url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(
        **{**settings_dict, "HOST": settings_dict["HOST"] or "127.0.0.1", "PORT": settings_dict["PORT"] or 5432}
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cop_site.settings.dev",
        "DATABASE_URL": database_url,
        "PAGE_CACHE_ENABLED": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    # The servers run with the production hashers, which do not read the tests' fast MD5 hashes.
    User.objects.update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))
    # The test settings use a per-process cache; the servers use the shared database cache.
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=BASE_DIR, env=env, check=True)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM cop_cache")  # not a model table, so the test flush leaves it
    servers, urls, logs = [], [], []
    for number in range(2):
        port = _free_port()
        log = tmp_path / f"gunicorn-{number}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cop_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=BASE_DIR,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        servers.append(process)
        logs.append(log)
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url, process, log in zip(urls, servers, logs, strict=True):
            _wait_until_up(url + "/account/login/", process, log)
        yield urls
    finally:
        for process in servers:
            process.terminate()
            process.wait(timeout=10)


def _session():
    """A browser behind the load balancer: both servers see the same public host name."""
    session = requests.Session()
    session.headers["Host"] = "localhost"
    return session


def _login(session, base_url, email, password):
    session.get(base_url + "/account/login/", timeout=10)
    return session.post(
        base_url + "/account/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": base_url + "/account/login/"},
        timeout=10,
    )


def test_failed_logins_on_one_server_count_on_the_other(app_servers):
    email = "professional@demo.samenpreventief.nl"
    for attempt in range(5):
        _login(_session(), app_servers[attempt % 2], email, "fout-wachtwoord")
    for url in app_servers:
        response = _login(_session(), url, email, PASSWORD)
        assert "Te veel inlogpogingen" in response.text


def test_a_session_started_on_one_server_is_valid_on_the_other(app_servers):
    session = _session()
    _login(session, app_servers[0], "professional@demo.samenpreventief.nl", PASSWORD)
    response = session.get(app_servers[1] + "/account/profiel/", timeout=10, allow_redirects=False)
    assert response.status_code == 200
    assert "Mijn profiel" in response.text


def test_members_registering_through_both_servers_never_overfill_an_atelier(app_servers):
    atelier = next(a for a in AtelierPage.objects.live() if a.accepts_registrations)
    atelier.registrations.all().delete()
    AtelierPage.objects.filter(pk=atelier.pk).update(capacity=5, state=AtelierState.REGISTRATION_OPEN)
    members = []
    for number in range(12):
        user = User.objects.create_user(email=f"deelnemer{number}@example.nl", first_name=f"Deelnemer {number}")
        user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        members.append(user)

    def register(number):
        base_url = app_servers[number % 2]
        session = _session()
        _login(session, base_url, members[number].email, PASSWORD)
        form_url = f"{base_url}/kennisateliers/{atelier.pk}/aanmelden/"
        session.get(form_url, timeout=30)
        return session.post(
            form_url,
            data={
                "name": members[number].first_name,
                "background": "wijkteam",
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            timeout=30,
        ).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(register, range(12)))

    assert all(status == 200 for status in statuses), statuses
    registrations = Registration.objects.filter(atelier=atelier)
    assert registrations.count() == 12
    assert registrations.filter(status="confirmed").count() == 5
    assert registrations.filter(status="waiting").count() == 7
