"""The public face (issue 13): footer, phone layout, organisation pages."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import audit_accessibility, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_footer_is_readable_and_links_to_the_statements(page, demo_content):
    page.goto("/")
    assert audit_accessibility(page) == []
    footer = page.get_by_role("contentinfo")
    for name in ("Privacyverklaring", "Toegankelijkheidsverklaring", "Contact", "Colofon"):
        footer.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()
        assert audit_accessibility(page) == []
        footer = page.get_by_role("contentinfo")


PHONE = {"width": 375, "height": 812}

# The element that sticks out furthest to the right, to say what to fix when a page overflows.
WIDEST_ELEMENT_JS = """() => {
  let widest = null;
  for (const element of document.body.querySelectorAll('*')) {
    const right = element.getBoundingClientRect().right;
    if (!widest || right > widest.right) widest = {right, tag: element.tagName, cls: element.className};
  }
  return widest;
}"""


def assert_fits_the_phone(page):
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px too wide: {page.evaluate(WIDEST_ELEMENT_JS)}"


def phone_pages():
    from ateliers.models import AtelierPage
    from practices.models import MethodPage, PracticeStoryPage

    method = (
        MethodPage.objects.live().public().filter(locale__language_code="nl", evidence_records__isnull=False).first()
    )
    story = (
        PracticeStoryPage.objects.live()
        .public()
        .filter(locale__language_code="nl")
        .order_by("-first_published_at")
        .first()
    )
    atelier = AtelierPage.objects.live().public().first()
    return ["/", method.url, story.url, "/zoeken/?q=spijbelen", atelier.url]


LISTINGS = ["/praktijkverhalen/", "/methoden/", "/publicaties/"]


def test_public_pages_fit_a_phone_and_put_results_first(page, demo_content):
    page.set_viewport_size(PHONE)
    for url in phone_pages() + LISTINGS:
        page.goto(url)
        assert_fits_the_phone(page)
        assert audit_accessibility(page) == [], url

    for url in LISTINGS:
        page.goto(url)
        first_result = page.get_by_role("region", name=re.compile(r"^\d+ ")).get_by_role("listitem").first
        assert first_result.bounding_box()["y"] < 900, f"{url}: the first result starts below the first screen"

    # The filters are behind a disclosure that opens by keyboard, and still filter.
    page.goto("/praktijkverhalen/")
    filters = page.locator("summary", has_text="Filters")
    expect(page.get_by_role("group", name="Provincie")).to_be_hidden()
    filters.focus()
    page.keyboard.press("Enter")
    page.get_by_role("group", name="Provincie").get_by_label(re.compile(r"^Zuid-Holland")).check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(r"province=zuid-holland"))
    expect(page.get_by_role("heading", name=re.compile(r"^\d+ praktijkverha"))).to_be_visible()
    assert_fits_the_phone(page)


def test_compact_menu_on_a_phone_opens_by_keyboard(page, demo_content):
    page.set_viewport_size(PHONE)
    page.goto("/")
    main_menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(main_menu.get_by_role("link", name="Praktijkverhalen")).to_be_hidden()
    header_top = page.locator("header").bounding_box()
    assert header_top["height"] < 200, "the closed menu takes little room"

    toggle = page.get_by_role("button", name="Menu")
    assert toggle.get_attribute("aria-expanded") == "false"
    # Skip link first, then the logo, then the menu button.
    for _step in range(3):
        page.keyboard.press("Tab")
    assert toggle.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert main_menu.get_by_role("link").first.evaluate("element => element === document.activeElement")
    assert audit_accessibility(page) == []
    # Escape closes the menu and puts the focus back on its button.
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    stories_link = main_menu.get_by_role("link", name="Praktijkverhalen")
    for _step in range(10):
        if stories_link.evaluate("element => element === document.activeElement"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/praktijkverhalen/$"))
    assert_fits_the_phone(page)

    # Wide screens keep the full menu and no menu button.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Praktijkverhalen")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()


def test_tip_form_theme_picker_on_a_phone(page, demo_content):
    from taxonomy.models import Theme

    assert Theme.objects.count() > 40
    page.set_viewport_size(PHONE)
    login(page, "procesbegeleider@demo.samenpreventief.nl", "demo-wachtwoord-2026")
    page.goto("/tips/cop-jeugdhulp-oleanderbuurt/tips/nieuw/")
    assert_fits_the_phone(page)
    themes = page.get_by_role("group", name="Thema's")
    assert themes.bounding_box()["height"] < 500, "the theme list is not a wall of checkboxes"

    theme = Theme.objects.order_by("name")[Theme.objects.count() // 2]
    themes.get_by_role("searchbox").fill(theme.name[:5])
    visible = themes.get_by_role("checkbox").filter(visible=True)
    assert 1 <= visible.count() < 10
    themes.get_by_label(theme.name, exact=True).check()
    expect(themes.get_by_text(re.compile(r"1 gekozen"))).to_be_visible()
    assert audit_accessibility(page) == []


def test_contrast_check_measures_text_against_the_worst_gradient_stop(page):
    """The check itself: axe-core leaves text on a gradient alone; ours takes the worst stop."""
    from tests.browser.conftest import GRADIENT_CONTRAST_JS

    page.set_content(
        """<body style="background:#fff">
        <footer style="background-image:linear-gradient(45deg,#c00,#c00 50%,#d63433 50%);padding:1rem">
          <p id="dark" style="color:#333">Donkere tekst op rood</p>
          <p id="white" style="color:#fff">Witte tekst op rood</p>
          <p id="big" style="color:#fff;font-size:30px">Grote witte tekst</p>
        </footer>
        <div style="background-image:linear-gradient(#fff,#777)"><p id="half" style="color:#777">Grijs op grijs</p></div>
        </body>"""
    )
    failures = {failure["element"].split("#")[-1]: failure for failure in page.evaluate(GRADIENT_CONTRAST_JS)}
    assert set(failures) == {"dark", "half"}
    assert failures["dark"]["ratio"] == 2.15 and failures["dark"]["background"] == "#cc0000"
    assert failures["half"]["ratio"] == 1.0
