"""Browser harness: a real headless Chromium (Debian's package) driven by Playwright.

Tests get `page` (a fresh browser tab) and `live_server`; `audit_accessibility(page)` runs
axe-core in the page plus our own text-contrast check that sees gradients, and returns the
serious and critical violations. When Chromium is not
installed the browser tests are skipped, and the skip says why.
"""

from pathlib import Path

import pytest

# axe-core is test tooling (a devDependency in package.json): it stays in node_modules and is
# never one of the site's static files. The audit asks the page for AXE_URL, a same-origin
# address no server knows, and Playwright answers that request with the file from node_modules:
# the page loads the script from its own origin, so the Content-Security-Policy
# (script-src 'self') allows it without being relaxed.
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/__test-tooling__/axe.min.js"
GRADIENT_CONTRAST_JS = (Path(__file__).resolve().parent / "gradient_contrast.js").read_text()


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
    """Run axe-core (WCAG 2.1 A/AA rules) on the current page; return serious/critical violations.

    axe-core does not judge text over a background image or gradient (it files it under
    "incomplete"), so `gradient_contrast.js` measures that text against the worst gradient
    stop and its failures are reported as serious `gradient-contrast` violations.
    """
    assert AXE_JS.exists(), "node_modules/axe-core is missing: run `make static` (npm ci)"

    def serve_axe(route):
        route.fulfill(path=AXE_JS, content_type="application/javascript")

    page.route(f"**{AXE_URL}", serve_axe)
    try:
        page.add_script_tag(url=AXE_URL)
    finally:
        page.unroute(f"**{AXE_URL}", serve_axe)
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    violations = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    low_contrast = page.evaluate(GRADIENT_CONTRAST_JS)
    if low_contrast:
        violations.append(
            {
                "id": "gradient-contrast",
                "impact": "serious",
                "help": "Text must have 4.5:1 contrast (3:1 when large) against every colour of its background",
                "nodes": low_contrast,
            }
        )
    return violations


def login(page, email, password):
    page.goto("/account/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
