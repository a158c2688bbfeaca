"""A professional opens "Mijn Samen Preventief" from the header menu: their points are there,
and the page passes the accessibility audit."""

import re

import pytest

from tests.ateliers.conftest import make_atelier, organising_organisation, series  # noqa: F401 (fixtures)
from tests.browser.conftest import audit_accessibility, login
from tests.members.conftest import PASSWORD, world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_professional_opens_their_page_from_the_header(page, world):  # noqa: F811
    login(page, "priya@example.nl", PASSWORD)
    page.wait_for_url(re.compile(r"/account/profiel/$"))
    page.get_by_role("banner").get_by_role("link", name="Mijn Samen Preventief").click()
    page.wait_for_url(re.compile(r"/mijn/$"))
    assert page.get_by_role("heading", name="Mijn Samen Preventief", level=1).is_visible()
    assert page.get_by_role("table", name=re.compile("^Punten ")).get_by_text("3,5 punten").is_visible()
    assert audit_accessibility(page) == []
