"""Two app server processes on one PostgreSQL database behave as one site.

The servers are real gunicorn processes with the shared (database) cache of the base
settings, so rate limits and sessions must hold across them: nothing may live in one
process's memory.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from accounts.models import User
from ateliers.models import AtelierPage, AtelierState, Registration

from .servers import PASSWORD, app_server_env, database_url, prepare_for_app_servers, start_app_servers
from .servers import browser_session as _session
from .servers import login as _login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def running_servers(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two gunicorn processes serving the test database, started once for this file: a worker
    boots in about 3 CPU seconds, and each test started four. What they share between tests is
    in the database (demo, sessions) and its cache tables (rate limits), which every test puts
    back (`app_servers`); the servers keep nothing of their own, which is what this file proves."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://…)")
    env = app_server_env(database_url())
    servers = start_app_servers(2, env, tmp_path_factory.mktemp("app-servers"))
    try:
        yield env, [server.url for server in servers]
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def app_servers(postgres_only, demo_content, running_servers):
    """The two servers' base URLs, with the demo, server passwords and an empty shared cache."""
    env, urls = running_servers
    prepare_for_app_servers(env)
    return urls


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
