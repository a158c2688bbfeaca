"""An editor of Gemeente Zwolle writes a practice story; the coordinator approves it; it goes live.

The coordinator only ever starts from the mail that says a story waits for her.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.journeys.conftest import assert_accessible

pytestmark = [pytest.mark.browser]

EDITOR = "redacteur.zwolle@demo.samenpreventief.nl"  # Zeynep Zandstra
COORDINATOR = "coordinator.zwolle@demo.samenpreventief.nl"  # Coen Zwart


def write_and_submit_story(journey, title, standfirst):
    editor = journey.tab("editor")
    with journey.step("editor opens her organisation's pages from the dashboard"):
        journey.log_in(editor, EDITOR)
        editor.goto("/admin/")
        editor.get_by_role("link", name="Naar de pagina's van uw organisatie").first.click()
        # Stories have a folder of their own in the section (issue #15); it only takes stories,
        # so "add" goes straight to the story form.
        editor.get_by_role("link", name="Bekijk de onderliggende pagina's van 'Praktijkverhalen'").click()
        editor.get_by_role("link", name=re.compile("Voeg onderliggende pagina toe")).first.click()
        editor.wait_for_load_state("load")  # the editor's scripts (slug from title) are running

    with journey.step("she writes the story"):
        editor.locator("#id_title").fill(title)
        editor.locator("#id_title").press("Tab")
        expect(editor.locator("#id_slug")).not_to_have_value("")
        # Only the municipalities her organisation works for are offered (issue #13.7).
        editor.locator("#id_municipality").select_option(label="Gemeente Zwolle")
        editor.locator("#id_standfirst").fill(standfirst)
        editor.get_by_role("tab", name="Doelgroep").click()
        editor.locator("#id_target_group").fill("Jongeren van 12 tot 18 jaar in de wijk")
        editor.get_by_label("12–18 jaar", exact=True).check()
        editor.get_by_role("tab", name="Verhaal").click()

    with journey.step("she submits it for review"):
        editor.get_by_role("button", name="Meer acties").click()
        editor.locator('button[name="action-submit"]').click()
        expect(editor.locator(".messages")).to_contain_text(title)
    return editor


def review_mail(journey, title):
    return journey.mailbox.wait_for(COORDINATOR, subject=re.escape(title))


def check_story_is_public(journey, title, standfirst):
    reader = journey.tab("reader")
    with journey.step("anyone reads the story at its public URL"):
        reader.goto("/")
        reader.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Praktijkverhalen").click()
        reader.get_by_role("link", name=title).click()
        expect(reader.get_by_role("heading", level=1)).to_have_text(title)
        expect(reader.locator("main")).to_contain_text(standfirst)
        assert "/organisaties/" in reader.url
        assert_accessible(reader)

    with journey.step("its life stage leads to the filtered listing, which holds it"):
        reader.get_by_role("link", name=re.compile(r"^12–18 jaar")).first.click()
        assert "life_stage=" in reader.url
        expect(reader.get_by_role("link", name=title)).to_be_visible()

    with journey.step("the province facet holds it too"):
        reader.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Praktijkverhalen").click()
        reader.get_by_role("group", name="Provincie").get_by_label(re.compile(r"^Overijssel")).check()
        reader.get_by_role("button", name="Filters toepassen").click()
        reader.wait_for_url(re.compile(r"province=overijssel"))
        expect(reader.get_by_role("link", name=title)).to_be_visible()

    with journey.step("and the site search finds it"):
        box = reader.get_by_role("search").get_by_label("Zoeken op de site")
        box.fill(title.split(":")[0])
        box.press("Enter")
        reader.wait_for_url(re.compile(r"/zoeken/\?q="))
        expect(reader.get_by_role("link", name=title)).to_be_visible()


def test_coordinator_approves_from_the_dashboard_and_story_goes_live(journey):
    title = "Buurtsportcoach: samen sporten in Holtenbroek"
    standfirst = "Een buurtsportcoach brengt jongeren uit Holtenbroek twee keer per week samen op het pleintje."
    write_and_submit_story(journey, title, standfirst)
    mail = review_mail(journey, title)

    coordinator = journey.tab("coordinator")
    with journey.step("coordinator follows the dashboard link in her mail"):
        journey.log_in(coordinator, COORDINATOR)
        coordinator.goto(mail.link(r"/admin/$"))
        waiting = coordinator.locator("section[id^='awaiting-review'], #awaiting-review").first
        expect(waiting).to_contain_text("Wacht op mij")
        row = waiting.get_by_role("row").filter(has_text=title)
        expect(row).to_be_visible()
        assert_accessible(coordinator)

    with journey.step("she approves it from the dashboard"):
        row.get_by_role("button", name="Acties").click()
        row.get_by_role("button", name="Goedkeuren", exact=True).click()
        # The dashboard reloads; nothing of hers waits for her any more.
        expect(coordinator.get_by_role("row").filter(has_text=title)).to_have_count(0, timeout=20_000)

    check_story_is_public(journey, title, standfirst)


def test_coordinator_approves_from_the_edit_screen_and_story_goes_live(journey):
    title = "Huiswerkklas in de bibliotheek van Stadshagen"
    standfirst = "Vrijwilligers helpen scholieren uit Stadshagen elke dinsdag en donderdag met hun huiswerk."
    write_and_submit_story(journey, title, standfirst)
    mail = review_mail(journey, title)

    coordinator = journey.tab("coordinator")
    with journey.step("coordinator opens the story from the link in her mail"):
        journey.log_in(coordinator, COORDINATOR)
        coordinator.goto(mail.link("/edit/"))
        expect(coordinator.locator("#id_title")).to_have_value(title)

    with journey.step("she approves it from the edit screen"):
        coordinator.get_by_role("button", name="Meer acties").click()
        coordinator.locator('button[data-workflow-action-name="approve"]').first.click()
        expect(coordinator.locator(".messages")).to_contain_text(title)

    check_story_is_public(journey, title, standfirst)
