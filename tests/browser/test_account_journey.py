import re

import pytest
from django.core import mail

from tests.browser.conftest import audit_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_verify_log_in_and_out(page, demo_content):
    page.goto("/account/signup/")
    page.get_by_label("E-mailadres").fill("nieuw@example.nl")
    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Professional").check()
    page.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord-42")
    page.get_by_label("Wachtwoord (bevestigen)").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_url(re.compile(r"/account/confirm-email/"))
    assert "Bevestig" in page.content()

    # The verification link arrives by e-mail; opening it asks to confirm.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link.split("://", 1)[1].split("/", 1)[1].join(["/", ""]) if False else "/" + link.split("/", 3)[3])
    page.get_by_role("button", name="Bevestigen").click()

    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill("nieuw@example.nl")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/account/profiel/"))
    assert page.get_by_role("button", name="Uitloggen").is_visible()

    page.get_by_role("button", name="Uitloggen").click()
    page.goto("/account/logout/") if "logout" in page.url else None
    if page.get_by_role("button", name="Uitloggen").count():
        page.get_by_role("main").get_by_role("button", name="Uitloggen").click()
    page.goto("/")
    assert page.get_by_role("link", name="Inloggen").is_visible()


@pytest.mark.parametrize("path", ["/", "/account/signup/", "/account/login/"])
def test_public_pages_have_no_serious_accessibility_violations(page, demo_content, path):
    page.goto(path)
    assert audit_accessibility(page) == []
