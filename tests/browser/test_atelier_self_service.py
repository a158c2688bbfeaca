"""The self-service pages of issue #16 pass the accessibility audit: the registration form with
the organiser's own questions, and a member's calendar-link page with the address shown once.
(The change form and the offer page are audited in tests/journeys/test_atelier_participant.py.)"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ateliers.models import RegistrationQuestion
from tests.browser.conftest import audit_accessibility, login
from tests.browser.test_atelier_journey import atelier  # noqa: F401 (the fixture)
from tests.factories import verified_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_questions_and_the_calendar_link_page_pass_the_audit(page, atelier):  # noqa: F811
    RegistrationQuestion.objects.create(
        page=atelier, text="Wat wil je bij de lunch?", kind="choice", choices="Vlees\nVegetarisch", required=True
    )
    RegistrationQuestion.objects.create(page=atelier, text="Mogen we je op de foto zetten?", kind="yes_no")
    page.goto(reverse("ateliers:register", args=[atelier.pk]))
    page.get_by_role("button", name="Aanmelden").click()  # empty: every error shown
    expect(page.get_by_text("Dit is een verplicht veld").first).to_be_visible()
    assert audit_accessibility(page) == []

    verified_member("lid@example.nl", "geheim-wachtwoord-1")
    login(page, "lid@example.nl", "geheim-wachtwoord-1")
    page.goto(reverse("ateliers:my_calendar"))
    page.get_by_role("button", name="Maak een agenda-link").click()
    assert page.get_by_label("Agenda-link").input_value().endswith(".ics")
    assert audit_accessibility(page) == []
