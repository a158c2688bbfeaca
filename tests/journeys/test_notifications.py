"""A professional follows a theme, hears of a new story with it by mail, reads it from the link,
and switches these mails off: once from the link in the mail, once as a mail client does it
(RFC 8058 one-click: a POST to the `List-Unsubscribe` address, without a session).

The story is published by Zwolle's coordinator (an editor who may publish) with Wagtail's own publish call in the site's
database (`manage.py shell` with the site's environment): what matters here is what happens
after `page_published`, in the site's task worker, through the real mail server.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.journeys.conftest import JourneyDatabase, assert_accessible, manage, production_env

pytestmark = [pytest.mark.browser]

PROFESSIONAL = "professional@demo.samenpreventief.nl"
THEME = "brugklas"
STORY_WITH_THEME = "THINK op school brengt zorg de brugklas in"
NEW_STORY = "Brugklasmentoren in Stadshagen"
KIND = "Nieuwe verhalen, methoden en publicaties"

PUBLISH = f"""
from accounts.models import User
from organisations.models import OrganisationPage
from organisations.sections import folder_for
from practices.models import PracticeStoryPage

section = OrganisationPage.objects.get(organisation__name="Gemeente Zwolle", locale__language_code="nl")
editor = User.objects.get(email="coordinator.zwolle@demo.samenpreventief.nl")
story = PracticeStoryPage(
    title={NEW_STORY!r},
    municipality=section.organisation,
    standfirst="Oudere leerlingen helpen brugklassers in hun eerste weken op de middelbare school.",
    target_group="Brugklassers",
)
story.themes.add({THEME!r})
folder_for(section, PracticeStoryPage).add_child(instance=story)
story.save_revision(user=editor).publish(user=editor)
"""


def delivery_of(tab, choice):
    return tab.get_by_role("group", name=KIND).get_by_label(choice, exact=True)


def test_follow_a_theme_read_the_new_story_from_the_mail_and_unsubscribe_twice(journey, worker_id):
    priya = journey.tab("professional")

    with journey.step("she follows a theme from a story she reads"):
        journey.log_in(priya, PROFESSIONAL)
        box = priya.get_by_role("search").get_by_label("Zoeken op de site")
        box.fill("THINK op school")
        box.press("Enter")
        priya.get_by_role("link", name=STORY_WITH_THEME).first.click()
        priya.locator("main").get_by_role("link", name=re.compile(rf"^{THEME}\b")).first.click()
        priya.get_by_role("link", name=f"Volg het thema {THEME}").click()
        priya.get_by_role("button", name="Volgen").click()
        expect(priya.get_by_text(f"U volgt nu Thema: {THEME}.", exact=False)).to_be_visible()

    with journey.step("she wants these mails straight away, not in the weekly digest"):
        priya.get_by_role("link", name="Kies hoe vaak u meldingen krijgt").click()
        delivery_of(priya, "Direct").check()
        priya.get_by_role("button", name="Opslaan").click()
        expect(priya.get_by_text("Uw voorkeuren voor meldingen zijn opgeslagen.")).to_be_visible()
        expect(delivery_of(priya, "Direct")).to_be_checked()

    with journey.step("an editor publishes a story with that theme; the mail arrives and leads to it"):
        database = JourneyDatabase(worker_id)
        manage(production_env(database.copy_url, PUBLIC_BASE_URL=journey.site.url), "shell", "-c", PUBLISH)
        mail = journey.mailbox.wait_for(PROFESSIONAL, subject=re.escape(NEW_STORY))
        assert f"het thema {THEME}" in mail.body
        priya.goto(mail.link(r"/organisaties/.*brugklasmentoren"))
        expect(priya.get_by_role("heading", level=1)).to_have_text(NEW_STORY)

    with journey.step("the unsubscribe link in the mail asks first, then switches the kind off"):
        priya.goto(mail.link("/meldingen/afmelden/"))
        expect(priya.get_by_text("Wilt u geen e-mails meer krijgen over", exact=False)).to_be_visible()
        assert_accessible(priya)
        priya.get_by_role("button", name="Afmelden").click()
        expect(priya.get_by_role("heading", name="U bent afgemeld")).to_be_visible()
        priya.get_by_role("link", name="Naar uw meldingen").click()
        expect(delivery_of(priya, "Uit")).to_be_checked()

    with journey.step("switched on again, a mail client's one-click POST switches it off without a session"):
        delivery_of(priya, "Direct").check()
        priya.get_by_role("button", name="Opslaan").click()
        expect(delivery_of(priya, "Direct")).to_be_checked()
        header = str(mail.message["List-Unsubscribe"])
        (one_click,) = re.findall(r"<([^>]+)>", header)  # the https link only: no mailto: nobody reads
        assert mail.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        mail_client = journey.browser.new_context(ignore_https_errors=True)  # no cookies, no CSRF token
        try:
            response = mail_client.request.post(one_click, form={"List-Unsubscribe": "One-Click"})
            assert response.ok, response.status
        finally:
            mail_client.close()
        priya.reload()
        expect(delivery_of(priya, "Uit")).to_be_checked()
