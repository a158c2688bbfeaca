"""The story map in a real browser: the axe-core audit in both languages, and a keyboard user
who tabs to a province and opens its filtered listing with Enter."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import audit_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED_REGION = "() => { const el = document.activeElement; return el && el.closest('svg') ? el.getAttribute('aria-label') : null; }"


def test_keyboard_user_opens_a_province_from_the_map(page, demo_content):
    page.goto("/praktijkverhalen/")
    page.get_by_role("link", name="Praktijkverhalen op de kaart").click()
    page.wait_for_url(re.compile(r"/kennisbank/kaart/$"))
    expect(page.get_by_role("heading", level=1, name="Praktijkverhalen op de kaart")).to_be_visible()
    expect(page.get_by_role("table", name="Praktijkverhalen per provincie")).to_be_visible()
    assert audit_accessibility(page) == []

    # Tab from the top of the page until a province on the map has the focus.
    label = None
    for _ in range(80):
        page.keyboard.press("Tab")
        label = page.evaluate(FOCUSED_REGION)
        if label:
            break
    assert label, "no province on the map can be reached with Tab"
    name, count = re.fullmatch(r"(.+): (\d+) praktijkverha(?:al|len)", label).groups()
    # The focus is visible: the focused province is filled with the site's focus colour.
    fill = page.evaluate("() => getComputedStyle(document.activeElement.querySelector('path')).fill")
    assert fill == "rgb(255, 191, 71)"

    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/praktijkverhalen/\?province="))
    heading = f"{count} praktijkverha{'al' if count == '1' else 'len'}"
    expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    expect(page.get_by_role("group", name="Provincie").get_by_label(re.compile(f"^{re.escape(name)}"))).to_be_checked()

    page.goto("/en/kennisbank/kaart/")
    expect(page.get_by_role("heading", level=1, name="Practice stories on the map")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Utrecht: \d+ practice stor"))).to_be_visible()
    assert audit_accessibility(page) == []
