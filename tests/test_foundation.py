import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from organisations.models import Organisation, OrganisationType
from tests.test_deployment import PRODUCTION_ENV

BASE_DIR = Path(__file__).resolve().parents[1]


def test_demo_content_is_idempotent_and_has_the_municipalities(demo_content):
    counts = Organisation.objects.count()
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    assert Organisation.objects.count() == counts
    municipalities = Organisation.objects.filter(type=OrganisationType.MUNICIPALITY)
    assert municipalities.count() == 17
    assert municipalities.get(short_name="De Marne").get_province_display() == "Groningen"
    assert not municipalities.filter(province="").exists()


def test_home_page_is_dutch_with_english_available(client, demo_content):
    dutch = client.get("/").content.decode()
    assert '<html lang="nl"' in dutch
    assert "Direct naar de inhoud" in dutch
    english = client.get("/en/").content.decode()
    assert '<html lang="en"' in english
    assert "Skip to content" in english


def test_language_switcher_links_to_the_same_page_in_the_other_language(client, demo_content):
    dutch = client.get("/organisaties/").content.decode()
    assert 'href="/en/organisaties/" hreflang="en"' in dutch
    english = client.get("/en/organisaties/").content.decode()
    assert 'href="/organisaties/" hreflang="nl"' in english


def test_production_settings_pass_the_deploy_check():
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("path", ["/", "/organisaties/", "/account/login/", "/account/signup/"])
def test_public_pages_render(client, demo_content, path):
    assert client.get(path).status_code == 200


def test_unknown_address_gets_a_helpful_page_in_the_visitors_language(client, demo_content):
    dutch = client.get("/deze-pagina-bestaat-niet/")
    assert dutch.status_code == 404
    html = dutch.content.decode()
    assert "Pagina niet gevonden" in html and 'action="/zoeken/"' in html and 'lang="nl"' in html
    english = client.get("/en/this-page-does-not-exist/")
    assert english.status_code == 404
    assert "Page not found" in english.content.decode()


def test_server_error_page_needs_nothing_but_itself(client, settings):
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Er ging iets mis" in html and "{%" not in html
