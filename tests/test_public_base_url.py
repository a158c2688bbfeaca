"""One public base URL for every absolute link (issue #13.4).

`PUBLIC_BASE_URL` (environment variable; `make run PORT=8101` sets http://127.0.0.1:8101) is
the only source: account mails, editorial mails, Wagtail's Site record and the admin base URL
follow it, and production refuses to start without it. The atelier, tip and API links are
tested next to their apps (tests/ateliers/test_public_links.py, tests/tips/test_public_links.py,
tests/practices/test_open_data_api.py).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.models import Site

from accounts.models import User
from core.public_urls import absolute_url, sync_default_site

BASE_DIR = Path(__file__).resolve().parents[1]
BASE = "http://127.0.0.1:8101"


def links_in(message):
    return [word for word in message.body.split() if "://" in word]


@pytest.fixture
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = BASE


def test_signup_confirmation_mail_links_to_the_public_base_url(
    client, db, public_base_url, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # account mails are queued after the commit
        client.post(
            reverse("account_signup"),
            {
                "email": "nieuw@example.nl",
                "password1": "een-lang-wachtwoord-2026",
                "password2": "een-lang-wachtwoord-2026",
                "role": "professional",
                "first_name": "Nina",
                "last_name": "Nieuw",
            },
            HTTP_HOST="localhost:8000",  # the host a request came in on is not the public address
        )
    assert mailoutbox, "no confirmation mail sent"
    links = links_in(mailoutbox[-1])
    assert links and all(link.startswith(BASE + "/account/") for link in links), links


def test_password_reset_mail_links_to_the_public_base_url(
    client, db, public_base_url, mailoutbox, django_capture_on_commit_callbacks
):
    User.objects.create_user(email="vergeten@example.nl", password="oud-wachtwoord-2026")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "vergeten@example.nl"}, HTTP_HOST="localhost:8000")
    [message] = mailoutbox
    links = links_in(message)
    assert links and all(link.startswith(BASE + "/account/") for link in links), links


def test_default_site_follows_the_public_base_url(db, settings):
    from home.setup import ensure_site, get_home

    ensure_site()
    settings.PUBLIC_BASE_URL = "https://samenpreventief.example"
    assert sync_default_site() is True
    assert Site.objects.get(is_default_site=True).root_url == "https://samenpreventief.example"
    assert get_home().full_url == "https://samenpreventief.example/"
    assert sync_default_site() is False  # nothing left to change
    settings.PUBLIC_BASE_URL = BASE
    ensure_site()  # the set-up (setup_site, also run by load_demo_content) brings it in step
    assert get_home().full_url == BASE + "/"


def test_absolute_url_refuses_what_is_not_a_site_path(public_base_url):
    assert absolute_url("/zoeken/") == BASE + "/zoeken/"
    with pytest.raises(ValueError):
        absolute_url("zoeken/")


def run_check(**env_changes):
    env = {key: value for key, value in os.environ.items() if key != "PUBLIC_BASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="cop_site.settings.production",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="samenpreventief.nl",
        DATABASE_URL="sqlite:///:memory:",
        **env_changes,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )


def test_production_refuses_to_start_without_public_base_url():
    missing = run_check()
    assert missing.returncode != 0
    assert "PUBLIC_BASE_URL must be set" in missing.stderr
    with_a_path = run_check(PUBLIC_BASE_URL="https://samenpreventief.nl/site")
    assert with_a_path.returncode != 0 and "scheme and host" in with_a_path.stderr
    configured = run_check(PUBLIC_BASE_URL="https://samenpreventief.nl")
    assert configured.returncode == 0, configured.stderr[-2000:]
