"""A production install starts only when it is configured, and then with safe defaults."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

BASE_DIR = settings.BASE_DIR
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cop_site.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-check-9f8e7d6c5b4a3f2e1d0c9b8a7",
    "DJANGO_ALLOWED_HOSTS": "samenpreventief.nl",
    "PUBLIC_BASE_URL": "https://samenpreventief.nl",
}


def run_python(code, env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PUBLIC_BASE_URL"))}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env={**clean, **env}, capture_output=True, text=True
    )


@pytest.mark.parametrize("entry_point", ["cop_site.wsgi", "cop_site.asgi"])
def test_the_server_entry_points_start_production_not_development(entry_point):
    """gunicorn cop_site.wsgi without DJANGO_SETTINGS_MODULE must not quietly run DEBUG settings."""
    unconfigured = run_python(f"import {entry_point}", {})
    assert unconfigured.returncode != 0
    assert "DJANGO_SECRET_KEY" in unconfigured.stderr

    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SETTINGS_MODULE"}
    configured = run_python(
        f"import {entry_point}; from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)", env
    )
    assert configured.returncode == 0, configured.stderr
    assert configured.stdout.split() == ["cop_site.settings.production", "False"]


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_configuration(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_gives_up_on_a_hanging_mail_server():
    code = "import django; django.setup(); from django.conf import settings; print(settings.EMAIL_TIMEOUT)"
    result = run_python(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert 0 < int(result.stdout.strip()) <= 30


def test_pages_switch_off_browser_features_and_keep_the_referrer_on_the_site(client, db):
    response = client.get("/account/login/")
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


def test_production_keeps_database_connections_between_requests():
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "db = settings.DATABASES['default']; print(db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'])"
    )
    result = run_python(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    max_age, health_checks = result.stdout.split()
    assert int(max_age) > 0 and health_checks == "True"


def test_the_cache_server_of_the_compose_stack_can_be_used():
    """deploy/compose.yaml sets REDIS_URL: then the caches are Redis, which needs its client library.

    Without it every request that touches the cache (sessions of logged-in members, rate limits,
    the page cache) failed with ModuleNotFoundError. Here no Redis server listens, so the
    client must get as far as trying to connect.
    """
    code = (
        "import django; django.setup()\n"
        "from django.core.cache import caches\n"
        "try:\n"
        "    caches['default'].get('any-key')\n"
        "except Exception as error:\n"
        "    print(type(error).__module__, type(error).__name__)\n"
    )
    result = run_python(code, {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:1/0"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["redis.exceptions", "ConnectionError"]
