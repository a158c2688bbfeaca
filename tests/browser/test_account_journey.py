import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import audit_accessibility, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_verify_log_in_and_out(page, demo_content):
    page.goto("/account/signup/")
    page.get_by_label("E-mail").fill("nieuw@example.nl")
    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Professional").check()
    page.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord-42")
    page.get_by_label("Wachtwoord (bevestigen)").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_url(re.compile(r"/account/confirm-email/$"))

    # Logging in before verifying is refused: verification is mandatory.
    login(page, "nieuw@example.nl", "een-lang-wachtwoord-42")
    page.wait_for_url(re.compile(r"/account/confirm-email/$"))

    # The verification link arrives by e-mail; opening it asks for a confirmation click.
    link = re.search(r"https?://\S+/account/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(urlsplit(link).path)
    page.get_by_role("button", name="Bevestig").click()

    login(page, "nieuw@example.nl", "een-lang-wachtwoord-42")
    page.wait_for_url(re.compile(r"/account/profiel/$"))
    expect(page.get_by_role("heading", name="Mijn profiel")).to_be_visible()
    page.get_by_role("banner").get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    page.goto("/account/profiel/")
    assert "/account/login/" in page.url


@pytest.mark.parametrize("path", ["/", "/account/signup/", "/account/login/", "/deze-pagina-bestaat-niet/"])
def test_public_pages_have_no_serious_accessibility_violations(page, demo_content, path):
    page.goto(path)
    assert audit_accessibility(page) == []
