"""A member follows a municipality, chooses immediate mails and opens an unsubscribe link: every
page on the way passes the accessibility audit."""

import re

import pytest
from playwright.sync_api import expect

from notifications import kinds, links
from tests.browser.conftest import audit_accessibility, login
from tests.notifications.conftest import (  # noqa: F401 (fixtures)
    PASSWORD,
    home,
    make_municipality,
    member,
    org_index,
    places,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_follow_choose_preferences_and_unsubscribe(page, live_server, member, places):  # noqa: F811
    login(page, member.email, PASSWORD)
    page.wait_for_url(re.compile(r"/account/profiel/$"))
    page.goto("/mijn/volgen/?organisation=zwolle")
    assert audit_accessibility(page) == []
    page.get_by_role("button", name="Volgen").click()
    page.wait_for_url(re.compile(r"/mijn/#volgen$"))
    expect(page.get_by_text("Gemeente: Gemeente Zwolle").first).to_be_visible()
    assert audit_accessibility(page) == []

    page.get_by_role("link", name="Kies hoe vaak u meldingen krijgt").click()
    page.get_by_role("group", name=str(kinds.NEW_CONTENT.label)).get_by_label("Direct").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Uw voorkeuren voor meldingen zijn opgeslagen.")).to_be_visible()
    assert audit_accessibility(page) == []

    page.goto(links.unsubscribe_url(member, kinds.NEW_CONTENT.name).removeprefix("http://testserver"))
    page.get_by_role("button", name="Afmelden").click()
    expect(page.get_by_role("heading", name="U bent afgemeld")).to_be_visible()
    assert audit_accessibility(page) == []
