"""Browser harness: a real headless Chromium (Debian's package) driven by Playwright.

Tests get `page` (a fresh browser tab) and `live_server`; `audit_accessibility(page)` runs
axe-core in the page and returns the serious and critical violations. When Chromium is not
installed the browser tests are skipped, and the skip says why.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop; Django's ORM must still be usable from the test.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_JS = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh tab. Fails the test if any page it visited broke the Content-Security-Policy."""
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    csp_violations = []
    page.on(
        "console",
        lambda message: csp_violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    context.close()
    assert csp_violations == [], "Content-Security-Policy violations on the pages visited"


def audit_accessibility(page):
    """Run axe-core (WCAG 2.1 A/AA rules) on the current page; return serious/critical violations."""
    # Loaded from our own origin (static/vendor, built by `make static`) so the CSP allows it.
    assert AXE_JS.exists(), "static/vendor/axe.min.js is missing: run `make static`"
    page.add_script_tag(url="/static/vendor/axe.min.js")
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def login(page, email, password):
    page.goto("/account/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
